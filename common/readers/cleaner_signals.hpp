// The general signals the cleaner judges a block by: length, sentence punctuation, capitalisation,
// link density, and a small vocabulary of generic boilerplate cues. Nothing here knows any one site.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex::cleaner {

struct BlockSignals {
  std::size_t words = 0;
  bool has_letters = false;
  bool sentence_end = false;  // ends like a sentence: . ! ? (closing quotes and brackets allowed after)
  bool ellipsis_end = false;  // ends with "..." or "…": a truncated teaser or a trailing-off quote
  bool title_case = false;    // most longer words capitalised, as in headlines and menus
  double link_density = 0.0;
  std::string key;  // fold_key of the text (lower case, no accents, straight quotes); empty over 60 words
};

BlockSignals measure(std::string_view text, double link_density);

// A paragraph of running text: long enough and ending like a sentence.
bool is_prose(const BlockSignals& s);

// Short and unpunctuated like a headline (teaser titles, menu items, section names).
bool is_headline_like(const BlockSignals& s);

// A short marker or prompt (advertisement, share, newsletter, audio player, "Must Read"...): the cue
// found, or nullopt. Long paragraphs that merely mention a cue word are never markers.
std::optional<std::string> marker_cue(const BlockSignals& s);

// A heading that introduces a list of teasers ("Latest News", "More Articles Like This", "Related").
bool is_teaser_heading(const BlockSignals& s);

// Blocks after which nothing belongs to the article: comment forms, copyright footers, notes that
// the article was produced by automation. Returns the reason, or nullopt.
std::optional<std::string> end_marker(const BlockSignals& s);

// A heading that opens what follows an article rather than the article: "About ORG" (an organisation's
// boilerplate), "Notes to editors", "Media contact", "About the author". The reason, or nullopt.
std::optional<std::string> closing_section(const BlockSignals& s);

// Letters and digits only, lower case, single spaces: compares paragraphs that differ only in quotes,
// punctuation or a trailing period.
std::string loose_key(std::string_view text);

// True when `key` contains `phrase` as whole words.
bool contains_phrase(std::string_view key, std::string_view phrase);

}  // namespace newsdex::cleaner
