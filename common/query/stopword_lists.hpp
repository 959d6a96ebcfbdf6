// The Snowball project's lists of common words for the languages other than English that Xapian can
// stem (generated into stopword_lists.cpp by scripts/make-stopword-lists.py).
#pragma once
#include <span>
#include <string_view>

namespace newsdex {

// `language` is a Xapian::Stem name ("french"); sorted by UTF-8 bytes; empty for a language with no list.
std::span<const std::string_view> snowball_stopwords(std::string_view language);

}  // namespace newsdex
