// The query language (docs/query.md) turned into a Xapian::Query: words, "phrases", AND/OR/NOT/+/-,
// NEAR and ADJ, wildcards, title:, author:, person:, org:, place:, source:, site:, url:, path:,
// date:, plus the same filters from options. Building is pure (text + options -> query; path: reads
// the current folder for a relative path): no database is needed except for spelling suggestions and
// the check that its documents have the author:, site:, url: and path: fields; wildcards are expanded
// later, at match time, with the limit set here.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/query/dates.hpp"

namespace newsdex {

// Between words with no operator: all words must match (as web search engines do), or any word may,
// ranked by how many and how rare. `automatic` (the default) picks one from the query's length: a
// short query typed at a terminal means all its words, a long natural-language one (a sentence from
// a script, a test collection's topic) finds almost nothing with AND and is ranked with any word.
enum class WordOperator { automatic, all, any };
WordOperator parse_word_operator(std::string_view name);  // "auto", "all", "any"; throws UsageError
std::string_view word_operator_name(WordOperator op);

// `automatic` ranks with any word above this many content words (words not common, not excluded;
// a phrase counts as one). Users type 2-4 words; longer queries are sentences.
inline constexpr std::size_t max_all_words_query = 4;

// Filters given as options (--person, --from, ...). Values are names as users type them.
struct QueryFilters {
  std::vector<std::string> people, organisations, places, sources;
  bool any_person = false, any_organisation = false, any_place = false;  // else all of them
  std::string from, to;                                                    // dates; empty = open
  bool empty() const {
    return people.empty() && organisations.empty() && places.empty() && sources.empty() && from.empty() && to.empty();
  }
};

struct QueryOptions {
  WordOperator word_operator = WordOperator::automatic;
  QueryFilters filters;
  Xapian::termcount max_wildcard_terms = 200;  // a wildcard matching more is a QueryError at search time
  bool allow_empty = false;                    // an empty text is fine (more-like-this, filters only)
};

// One filter as understood, for the JSON "query" object and the text header.
struct AppliedFilter {
  std::string field;  // "person", "date", ...
  std::string value;  // the normalised key, or "2024-11-01..2024-11-30"
};

struct ParsedQuery {
  std::string text;                       // as typed
  Xapian::Query query;                    // text and filters, ready for Enquire
  Xapian::Query text_query;               // the text part alone (MatchAll when there is none)
  Xapian::Query filter;                   // the filters alone (empty when there are none)
  bool ranked = false;                    // has weighted words (else filters only: relevance means nothing)
  WordOperator word_operator = WordOperator::all;  // the one used between words: all or any
  std::size_t content_words = 0;          // words that are not common or excluded, phrases as one
  std::vector<AppliedFilter> filters;
  std::vector<std::string> stopwords;     // words left out as too common (lower-case, as typed)
  std::vector<std::string> wildcards;     // "hostag" for hostag*
  std::string corrected;                  // a spelling suggestion for the text, or empty
  std::string description() const { return query.get_description(); }
};

// Holds a configured Xapian::QueryParser so that batch mode sets it up once. Not thread-safe.
class QueryBuilder {
 public:
  QueryBuilder();
  // With a database, spelling suggestions come from its spelling dictionary.
  explicit QueryBuilder(const Xapian::Database& database);
  ~QueryBuilder();
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  // Throws QueryError (with the position in `text` when known).
  ParsedQuery build(std::string_view text, const QueryOptions& options);

  // The stemming language queries are built with: the database's (index_language), else English.
  const std::string& language() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One-off convenience: a QueryBuilder without a database.
ParsedQuery build_query(std::string_view text, const QueryOptions& options = {});

}  // namespace newsdex
