// Plain-text scraped pages: a date line, a title, a lede, a body with boilerplate mixed in.
#pragma once
#include <string>
#include <string_view>

#include "common/readers/reader.hpp"

namespace newsdex {

ReadResult read_text_page(std::string_view utf8_text, const std::string& path);

}  // namespace newsdex
