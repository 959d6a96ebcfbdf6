// JSON and JSON Lines exports: one article per object.
#pragma once
#include <string>
#include <string_view>

#include "common/readers/reader.hpp"

namespace newsdex {

ReadResult read_json_export(std::string_view utf8_text, const std::string& path, const JsonFieldNames& fields);

}  // namespace newsdex
