// Search requests from a batch line: either plain query text or a JSON object with per-query options
// ({"query": ..., "limit": 5, "facets": ["person"], "person": ["..."], ...}; docs/json-format.md).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/option_numbers.hpp"
#include "common/search/search.hpp"

namespace newsdex {

// The numbers a search request takes, from the command line (`option`) or a batch JSON request
// (`json_key`; empty when batch requests do not take it): one table, read by parse_number() with
// each one's range, so that both accept and refuse the same values (docs/search.md lists them).
struct RequestNumber {
  std::string_view option;    // "--limit"
  std::string_view json_key;  // "limit"
  NumberRange range;
  void (*set)(SearchRequest& request, double value);
};
const std::vector<RequestNumber>& request_numbers();

// Sets the number option `option` ("--limit") of `request` from its text on the command line.
// Throws UsageError naming the option, the value and the allowed range.
void set_request_number(SearchRequest& request, std::string_view option, std::string_view text);

// Options missing from `object` keep their value in `defaults` (the command line's). Throws
// UsageError for an unknown key or a value of the wrong type.
SearchRequest request_from_json(const nlohmann::json& object, const SearchRequest& defaults);

// A batch line: JSON when it starts with '{', else the query text. Throws UsageError for bad JSON.
SearchRequest request_from_line(std::string_view line, const SearchRequest& defaults);

}  // namespace newsdex
