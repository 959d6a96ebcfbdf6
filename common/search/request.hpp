// Search requests from a batch line: either plain query text or a JSON object with per-query options
// ({"query": ..., "limit": 5, "facets": ["person"], "person": ["..."], ...}; docs/json-format.md).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// A search request's options as the user gave them, on the command line or in one batch JSON request:
// values as written, unset when not given (the request keeps its default). request_with() checks them
// all, one check for both ways of asking, so that both accept and refuse the same requests.
struct RequestOptions {
  enum class Source { command_line, json } source = Source::command_line;  // how messages name options
  std::optional<std::string> text, sort, match, expand, bm25, like, from, to;
  std::vector<std::pair<const RequestNumber*, std::string>> numbers;  // each number's text, in order given
  // --any, --all (in JSON, "any": true or false)
  bool any = false, all = false;
  std::optional<bool> collapse_duplicates, auto_correct, any_person, any_organisation, any_place, exact_count;
  std::optional<std::vector<std::string>> people, organisations, places, sources;
  std::optional<std::vector<std::string>> facets;  // comma lists of facet names
};

// The request `given` asks for, starting from `defaults`. Throws UsageError for a bad value or a
// contradiction (--any with --all; --any or --all with another --match), naming the options as `given`
// was written.
SearchRequest request_with(const RequestOptions& given, const SearchRequest& defaults);

// Makes `request` count the pairs of entities named together in its matches (--cooccurrence TYPES,
// --cooccurrence-size SIZE, unset: default_pair_limit) instead of listing results: no page, no
// snippets. Throws UsageError for bad types or size.
void ask_for_cooccurrence(SearchRequest& request, std::string_view types, const std::optional<std::string>& size);

// The number option called `option` ("--limit") on the command line; nullptr when there is none.
const RequestNumber* find_request_number(std::string_view option);

// Options missing from `object` keep their value in `defaults` (the command line's). Throws
// UsageError for an unknown key or a value of the wrong type.
SearchRequest request_from_json(const nlohmann::json& object, const SearchRequest& defaults);

// A batch line: JSON when it starts with '{', else the query text. Throws UsageError for bad JSON.
SearchRequest request_from_line(std::string_view line, const SearchRequest& defaults);

}  // namespace newsdex
