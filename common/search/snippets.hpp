// Snippets and highlighting as data: which words of a text match the query (stemmed forms, title
// words, wildcards and whole phrases), and which passage of an article shows them best. Rendering
// (terminal colour, JSON ranges) is the printers' job. Pure functions: no database needed.
#pragma once
#include <xapian.h>

#include <bitset>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/base/words.hpp"

namespace newsdex {

// Strings found by a string_view too (no std::string made to look one up).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// A language's stemmer and the stems of the words it has met (common/search/snippets.cpp keeps one per
// language and thread, shared by the highlighters of a batch of queries).
struct StemCache {
  explicit StemCache(const std::string& language) : stemmer(language) {}
  Xapian::Stem stemmer;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> stems;  // word -> stem
};

// The words to highlight, read from a parsed query. Words under NOT and boolean filters are left out.
struct HighlightTerms {
  StringSet words, stems;              // anywhere (lower-case; stems without Z)
  StringSet title_words, title_stems;  // from title:
  struct Phrase {
    std::vector<std::string> words;  // stems when `stemmed` (the index's Z terms), else lower-case words
    bool title_only = false;
    bool stemmed = false;
  };
  std::vector<Phrase> phrases;
  std::vector<std::string> wildcards;  // prefixes, lower-case
  bool empty() const {
    return words.empty() && stems.empty() && title_words.empty() && title_stems.empty() && phrases.empty() &&
           wildcards.empty();
  }
};

HighlightTerms highlight_terms(const Xapian::Query& query, const std::vector<std::string>& wildcards = {});

// Byte offsets [begin, end) into the text they belong to.
struct TextRange {
  std::size_t begin = 0, end = 0;
  bool operator==(const TextRange&) const = default;
};

struct HighlightedText {
  std::string text;
  std::vector<TextRange> highlights;  // sorted, not overlapping
};

// The same ranges as Unicode code point offsets (what Python's and jq's string indexes count).
std::vector<std::pair<std::size_t, std::size_t>> code_point_ranges(const HighlightedText& text);

// `text` with each highlight wrapped in `open` ... `close`.
std::string render(const HighlightedText& text, std::string_view open, std::string_view close);

class Highlighter {
 public:
  explicit Highlighter(HighlightTerms terms, const std::string& language = "english");

  // Matching ranges in a text; a phrase match is one range over all its words.
  std::vector<TextRange> matches(std::string_view text, bool is_title = false) const;

  HighlightedText title(std::string_view title) const;

  // The passage of at most `max_chars` code points (plus "…" marks where cut) that shows the most
  // distinct query terms, from the blocks in order (lede, paragraphs). Ties go to the earlier
  // passage; with no match at all, the start of the first non-empty block.
  HighlightedText snippet(const std::vector<std::string_view>& blocks, std::size_t max_chars) const;

 private:
  const std::string& stem_of(std::string_view lower_word) const;

  HighlightTerms terms_;
  std::bitset<256> stem_initials_;  // first bytes of the stems to find: other words need no stemming
  std::bitset<256> body_initials_, title_initials_;  // first bytes of anything to find in a body / a title
  StemCache* stem_cache_;  // this thread's for the language: words repeat from query to query
  mutable Tokens tokens_;  // the words of the text being read: buffers reused from text to text
};

}  // namespace newsdex
