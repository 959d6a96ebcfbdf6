// A first pass over query text, before Xapian's QueryParser sees it: finds the mistakes the parser
// would silently forgive (unbalanced quotes and brackets, "person:" with no value, a dangling AND,
// a query too long to be typed), reports each with its position, and rewrites the "any of" group
// syntax `person:(a OR "b c")` into `(person:a OR person:"b c")`, which the parser understands.
// It also rewrites a query, or a bracketed group, made only of exclusions (`-a -b`) into pure NOTs
// (`NOT a NOT b`: every article except those). Xapian's parser cannot read a group of '-' items
// alone, and then silently parses the text again without operators, turning `-a -b` into `a AND b`.
#pragma once
#include "common/query/stopwords.hpp"
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

inline constexpr std::size_t max_query_bytes = 4096;

// The fields scan_query() rewrites wildcards into (hostag* -> newsdexwildcard:hostag, title:hostag*
// -> newsdextitlewildcard:hostag), for the query builder to expand over stems.
inline constexpr std::string_view wildcard_field = "newsdexwildcard";
inline constexpr std::string_view title_wildcard_field = "newsdextitlewildcard";

// A `field:value` clause as written in the query.
struct FieldClause {
  std::string field;        // "person"
  std::string value;        // without quotes
  std::size_t position = 0; // byte offset of the field name in the original text
};

struct QueryScan {
  std::string rewritten;               // the text to give the parser
  std::vector<FieldClause> clauses;    // every field clause, in order
  std::vector<std::string> free_words; // words outside quotes and fields, lower-cased ASCII, operators excluded
  std::vector<std::string> wildcards;  // "hostag" for hostag* (lower-cased), for highlighting
  std::vector<std::string> excluded_words;  // free words under '-' (-doha), lower-cased: they rank nothing
  std::size_t phrases = 0;
  bool has_phrase = false;
  bool has_required_word = false;      // a +word: the user insists on it, even a stopword
  // Every item of the query (outside brackets) is excluded: -word, -"phrase", -field:value, -( ),
  // NOT x, in any mix, with AND or nothing between them. The query means every article except
  // those; it has nothing to rank by.
  bool only_exclusions = false;
  std::vector<std::string> dropped_stopwords;  // common words left out of such a group, as typed
};

// `fields` are the field names the query language knows ("title", "person", ...); `group_fields`
// those that accept the `field:(a OR b)` group syntax (boolean filters); `stopwords` are the bare words
// the parser drops as common (stopwords.hpp, for the index's language). Throws QueryError.
QueryScan scan_query(std::string_view text, const std::vector<std::string_view>& fields,
                     const std::vector<std::string_view>& group_fields,
                     StopwordList stopwords = english_stopwords());

// Rewritten query text back as the user would write it (newsdexwildcard:hostag -> hostag*), for
// showing a corrected query.
std::string restore_wildcards(std::string text);

}  // namespace newsdex
