// Batch mode: many queries through one open database, one JSON result per line.
#pragma once
#include <cstddef>
#include <istream>
#include <ostream>

#include "common/search/search.hpp"

namespace newsdex {

struct BatchSummary {
  std::size_t queries = 0, failed = 0;
};

// Reads queries from `in` (text or JSON object per line; blank lines skipped) and writes one JSON
// line each: the response of docs/json-format.md plus "line" (1-based) and "id" when the request
// had one, or an error object for that line; then goes on with the next line.
BatchSummary run_batch(Searcher& searcher, std::istream& in, std::ostream& out, const SearchRequest& defaults);

}  // namespace newsdex
