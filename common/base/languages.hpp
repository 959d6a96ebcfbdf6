// The languages newsdex knows by name: ISO 639-1 code, English name, and the Snowball stemmer
// Xapian ships for it (none for a language Xapian has no stemmer for). One table, read by the
// indexer (which stemmer an article's words get) and the searcher (how a query is stemmed).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct LanguageInfo {
  std::string_view code;     // ISO 639-1, lower case: "fr"
  std::string_view name;     // English name, lower case: "french"
  std::string_view stemmer;  // Xapian::Stem's name ("french"), or empty: index and search unstemmed
  // Written without spaces between words (Chinese, Japanese, Korean, Thai): words are found only by
  // Xapian's CJK n-grams, not by splitting on spaces.
  bool unspaced = false;
};

// The language a tag or a name means: "fr", "fr-CA", "FR_fr", "fre", "fra" and "french" all give
// French. Null for anything else (an unknown or empty tag).
const LanguageInfo* find_language(std::string_view tag_or_name);

// Every language of the table, in code order.
const std::vector<LanguageInfo>& known_languages();

}  // namespace newsdex
