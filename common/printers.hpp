// Output of search results: readable text for a terminal, one JSON document per query (--json, and
// one per line in --batch), or one JSON object per result (--jsonl). The JSON is documented and
// versioned in docs/json-format.md; change json_format_version when it changes incompatibly.
#pragma once
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "common/search.hpp"

namespace newsdex {

inline constexpr int json_format_version = 1;

nlohmann::json hit_to_json(const Hit& hit);
nlohmann::json response_to_json(const SearchResponse& response);
// {"format_version": 1, "error": {"message", "position", "exit_code"}}
nlohmann::json error_to_json(const Error& error);

struct TextStyle {
  bool color = false;  // ANSI bold for matches, dim for details
};

void print_text(std::ostream& out, const SearchResponse& response, const TextStyle& style);
void print_json(std::ostream& out, const SearchResponse& response);   // pretty, one document
void print_jsonl(std::ostream& out, const SearchResponse& response);  // one line per result

}  // namespace newsdex
