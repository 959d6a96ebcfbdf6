// JSON and JSON Lines exports: one article per object.
#pragma once
#include <string>
#include <string_view>

#include "common/readers/reader.hpp"

namespace newsdex {

// `threads`: a JSON Lines export of 1,000 lines or more is read by up to that many threads.
ReadResult read_json_export(std::string_view utf8_text, const std::string& path, const JsonFieldNames& fields,
                            unsigned threads = 1);

}  // namespace newsdex
