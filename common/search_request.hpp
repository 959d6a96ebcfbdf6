// Search requests from a batch line: either plain query text or a JSON object with per-query options
// ({"query": ..., "limit": 5, "facets": ["person"], "person": ["..."], ...}; docs/json-format.md).
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/search.hpp"

namespace newsdex {

// Options missing from `object` keep their value in `defaults` (the command line's). Throws
// UsageError for an unknown key or a value of the wrong type.
SearchRequest request_from_json(const nlohmann::json& object, const SearchRequest& defaults);

// A batch line: JSON when it starts with '{', else the query text. Throws UsageError for bad JSON.
SearchRequest request_from_line(std::string_view line, const SearchRequest& defaults);

}  // namespace newsdex
