// JSON and JSON Lines exports: one article per object.
#pragma once
#include <string>
#include <string_view>

#include "common/readers/read_types.hpp"

namespace newsdex {

// `threads`: a JSON Lines export of 1,000 lines or more is read by up to that many threads.
ReadResult read_json_export(std::string_view utf8_text, const std::string& path, const JsonFieldNames& fields,
                            unsigned threads = 1);

// Lines of a JSON Lines export whose first line is line `first_line` + 1 of its file (a segment of
// a large export): the articles, positions and messages reading the whole file gives for them.
ReadResult read_json_lines(std::string_view utf8_text, std::size_t first_line, const std::string& path,
                           const JsonFieldNames& fields, unsigned threads = 1);

// Articles of one export that share an id (the same url, or the same "id" field) but not their body
// would replace one another in the index. Each body after the first under an id gets an id of its own
// (the shared one + "#body-" + the start of its body hash: the same on every run) and a warning naming
// the file and both lines (`json_lines`; items of an array otherwise). Copies of one article (the same
// body) keep the shared id and are deduplicated as before.
void keep_apart_shared_ids(ReadResult& read, const std::string& path, bool json_lines);

// True when the first non-blank line is a JSON object on its own: JSON Lines, not one JSON document
// spread over many lines (which only reading the whole text can tell apart).
bool starts_as_json_lines(std::string_view utf8_text);

}  // namespace newsdex
