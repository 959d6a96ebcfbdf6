// A general English stop-word list (function words only, no domain words), used by the bare Xapian
// search baseline to show what stop words buy in ranking; not tied to any test collection.
#pragma once
#include <array>
#include <string_view>

namespace bench {

inline constexpr std::array<std::string_view, 127> english_stopwords{
    "a",       "about",   "above",   "after",   "again",  "against", "all",     "am",     "an",    "and",
    "any",     "are",     "as",      "at",      "be",     "because", "been",    "before", "being", "below",
    "between", "both",    "but",     "by",      "can",    "could",   "did",     "do",     "does",  "doing",
    "down",    "during",  "each",    "few",     "for",    "from",    "further", "had",    "has",   "have",
    "having",  "he",      "her",     "here",    "hers",   "herself", "him",     "himself","his",   "how",
    "i",       "if",      "in",      "into",    "is",     "it",      "its",     "itself", "just",  "me",
    "more",    "most",    "my",      "myself",  "no",     "nor",     "not",     "now",    "of",    "off",
    "on",      "once",    "only",    "or",      "other",  "our",     "ours",    "out",    "over",  "own",
    "same",    "she",     "should",  "so",      "some",   "such",    "than",    "that",   "the",   "their",
    "theirs",  "them",    "then",    "there",   "these",  "they",    "this",    "those",  "through","to",
    "too",     "under",   "until",   "up",      "very",   "was",     "we",      "were",   "what",  "when",
    "where",   "which",   "while",   "who",     "whom",   "why",     "will",    "with",   "would", "you",
    "your",    "yours",   "also",    "may",     "might",  "must",    "shall"};

}  // namespace bench
