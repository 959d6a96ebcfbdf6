// English stopwords: common words the query parser leaves out of ranked queries (they match nearly
// every article). Words in a phrase or marked with + are kept. The indexer keeps them all, so
// "the king" as a phrase still matches exactly.
#pragma once
#include <span>
#include <string_view>

#include <xapian.h>

namespace newsdex {

bool is_english_stopword(std::string_view lower_word);

// The whole list, sorted, lower-case.
std::span<const std::string_view> english_stopwords();

// Fills a stopper for Xapian::QueryParser with the same list.
void add_english_stopwords(Xapian::SimpleStopper& stopper);

// The common-word test for queries on an index of `language` (a Xapian::Stem name): English has the
// list above; other languages have none yet, so each of their words is searched.
using StopwordTest = bool (*)(std::string_view lower_word);
StopwordTest stopword_test(std::string_view language);

}  // namespace newsdex
