// Which line of a scraped page's top is its headline, by general evidence: the shape of a headline
// (length, no sentence-final period), not a label ("Tags: ...", "4 min read", "Updated 3 hours ago",
// "Photo: ..."), and words shared with the text below. Pure functions; docs/readers.md describes them.
#pragma once
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// Words separated by spaces (the text has its white space collapsed).
std::size_t count_words(std::string_view text);

// A label or caption that is never a headline: reading time ("4 minute read", "9 min read"), an
// update note ("Updated 3 hours ago"), a taxonomy line ("Tags: a, b", "Categories: x", "Filed under"),
// a caption or credit ("Photo: ...", "Video: ...", "... (Image: ...)", "... Photo submitted"), a
// navigation aid ("Skip to main content").
bool is_label_line(std::string_view line);

// A caption or credit: "Photo: ...", "Video: ...", "Photograph: P for Site", "[1/3] ...", a caption
// that ends with its credit ("... Photo: A / Agency", "... (Image: A)", "... Photo submitted",
// "... Purchase Licensing Rights"). What is_label_line calls a caption.
bool is_caption_line(std::string_view line);

// The word stems of a text (lower case, words of 4+ letters cut to 5, common words left out).
std::set<std::string> word_stems(std::string_view text);

// The share of the line's stems found in `text_stems` (0 when the line has none).
double shared_word_share(std::string_view line, const std::set<std::string>& text_stems);

struct HeadlineCandidate {
  std::string_view line;
  bool furniture = false;          // the line also carries a boilerplate cue ("subscribe to ...")
  std::size_t blocks_to_text = 0;  // how far above the first paragraph (a tagline sits far above it)
};

// The index of the headline among the candidates (in page order) given the stems of the text below
// them: each is scored by shape, shared words and nearness to the text, and the first whose score comes near the best
// wins (the headline sits above its standfirst, which shares words with the text as much). candidates.size() when none
// is headline-like.
std::size_t choose_headline(const std::vector<HeadlineCandidate>& candidates, const std::set<std::string>& text_stems);

}  // namespace newsdex
