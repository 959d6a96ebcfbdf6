// HTML pages: metadata from meta tags / JSON-LD, the body from the main content.
#pragma once
#include <string>
#include <string_view>

#include "common/readers/read_types.hpp"

namespace newsdex {

ReadResult read_html_page(std::string_view utf8_html, const std::string& path);

}  // namespace newsdex
