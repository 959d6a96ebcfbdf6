#include "common/query/stopwords.hpp"

#include "common/query/stopword_lists.hpp"

#include <algorithm>
#include <iterator>

namespace newsdex {
namespace {

// The Snowball English list, shortened to words that carry no meaning in news search (so "us",
// "new", "states" or "will" stay searchable). Sorted for binary search.
constexpr std::string_view stopwords[] = {
    "a",      "about",   "above", "after",   "again", "against", "all",   "am",    "an",     "and",   "any",
    "are",    "as",      "at",    "be",      "been",  "before",  "being", "below", "between", "both", "but",
    "by",     "could",   "did",   "do",      "does",  "doing",   "down",  "during", "each",  "few",   "for",
    "from",   "further", "had",   "has",     "have",  "having",  "he",    "her",   "here",   "hers",  "him",
    "his",    "how",     "i",     "if",      "in",    "into",    "is",    "it",    "its",    "me",    "more",
    "most",   "my",      "no",    "nor",     "not",   "of",      "off",   "on",    "once",   "only",  "or",
    "other",  "our",     "out",   "over",    "own",   "same",    "she",   "should", "so",    "some",  "such",
    "than",   "that",    "the",   "their",   "them",  "then",    "there", "these", "they",   "this",  "those",
    "through", "to",     "too",   "under",   "until", "up",      "very",  "was",   "we",     "were",  "what",  "when", "where", "which", "while", "who", "whom", "why", "with", "you", "your",
};

}  // namespace

StopwordList stopwords_for(std::string_view language) {
  return language == "english" ? StopwordList(stopwords) : snowball_stopwords(language);
}

bool is_stopword(StopwordList list, std::string_view lower_word) {
  return std::binary_search(list.begin(), list.end(), lower_word);
}

void add_stopwords(Xapian::SimpleStopper& stopper, StopwordList list) {
  for (auto word : list) stopper.add(std::string(word));
}

std::span<const std::string_view> english_stopwords() { return stopwords; }

}  // namespace newsdex
