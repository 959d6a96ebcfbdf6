// Sentence boundaries in a paragraph, so that a snippet shows whole sentences where they fit
// (snippets.cpp). Pure functions over UTF-8 text; offsets are bytes.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace newsdex {

// Where the sentences of `text` start: 0, then after each sentence end. A sentence ends with `.`,
// `!`, `?` or `…`, maybe followed by closing quotes or brackets, then white space and a character
// that can begin a sentence (anything but a lower-case letter). A full stop after an initial ("J.")
// or a short title ("Mr.", "Dr.", "St.") ends no sentence.
std::vector<std::size_t> sentence_starts(std::string_view text);

// The whole sentences of `text` that hold the bytes [span_begin, span_end), with more whole
// sentences after them and then before them while the window stays within `max_chars` code points;
// nullopt when the sentences holding the span are longer than that. The window [begin, end) may
// include the white space after its last sentence.
std::optional<std::pair<std::size_t, std::size_t>> sentence_window(std::string_view text, std::size_t span_begin,
                                                                   std::size_t span_end, std::size_t max_chars);

}  // namespace newsdex
