// --cooccurrence: the pairs of entities named together in the matching articles (search/cooccurrence.hpp)
// as CSV or TSV rows (type_a, key_a, name_a, type_b, key_b, name_b, articles, quoted as the exports
// are), as readable text, or as the "cooccurrence" member of the JSON response (printers_json.cpp).
#pragma once
#include <ostream>

#include "common/search/search.hpp"

namespace newsdex {

enum class CooccurrenceFormat { text, csv, tsv, json };

// Prints response.cooccurrence (which must be set) in `format`.
void print_cooccurrence(std::ostream& out, const SearchResponse& response, CooccurrenceFormat format);

}  // namespace newsdex
