// Pseudo-relevance feedback: the words that best tell the top results of a query apart from the rest
// of the collection (Xapian's ESet over an RSet of the top documents) are added to the query with a
// small weight, so that articles using the same vocabulary as the best matches rank higher.
// docs/search.md has the evidence for the defaults.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct Expansion {
  std::size_t terms = 5;      // words added (0: no expansion)
  std::size_t documents = 5;  // taken from this many top results
  double weight = 0.3;        // their weight relative to the query's own words
  bool operator==(const Expansion&) const = default;
};

// "TERMS[,DOCUMENTS[,WEIGHT]]", e.g. "10", "10,5,0.3"; "0" turns expansion off. Throws UsageError.
Expansion parse_expansion(std::string_view text);

struct ExpandedQuery {
  Xapian::Query query;              // the query to run (the original one when nothing was added)
  std::vector<std::string> added;   // the added words, as stems ("strike")
};

// Runs `text_query` (restricted by `filter` when not empty) with `enquire`'s weighting, and expands
// it from the top `expansion.documents` results. A plain OR of words is widened (articles with only
// the added words can match); any other query (AND, NOT, field filters) keeps its matches and is
// only re-ranked. Added words are stemmed free-text words, not common ones in the index's `language`,
// not already in the query.
ExpandedQuery expand_query(Xapian::Enquire& enquire, const Xapian::Query& text_query, const Xapian::Query& filter,
                           const Expansion& expansion, const std::string& language = "english");

}  // namespace newsdex
