// Plain-text scraped pages: an optional header (date line, "By ..." byline, "Key: value" metadata,
// URL), a title, a lede, and a body with boilerplate mixed in. docs/readers.md describes the rules.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/readers/read_types.hpp"

namespace newsdex {

ReadResult read_text_page(std::string_view utf8_text, const std::string& path);

// Splits text into blocks: one per line, or, for hard-wrapped text (lines broken at a fixed width),
// one per paragraph with its lines joined. Blank lines always separate blocks. White space is collapsed.
std::vector<std::string> split_text_blocks(std::string_view text);

}  // namespace newsdex
