// Common words the query parser leaves out of ranked queries (they match nearly every article), per
// language. Words in a phrase or marked with + are kept. The indexer keeps them all, so "the king" as
// a phrase still matches exactly.
#pragma once
#include <span>
#include <string_view>

#include <xapian.h>

namespace newsdex {

// The English list, sorted, lower-case.
std::span<const std::string_view> english_stopwords();

// The common words of queries on an index of `language` (a Xapian::Stem name), sorted by UTF-8
// bytes: English the list above, the other languages Xapian stems the Snowball project's lists
// (stopword_lists.hpp), a language without a list (or "none") none: all its words are searched.
using StopwordList = std::span<const std::string_view>;
StopwordList stopwords_for(std::string_view language);
bool is_stopword(StopwordList list, std::string_view lower_word);
void add_stopwords(Xapian::SimpleStopper& stopper, StopwordList list);

}  // namespace newsdex
