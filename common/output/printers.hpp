// Output of search results: readable text for a terminal, one JSON document per query (--json, and
// one per line in --batch), or one JSON object per result and a summary line (--jsonl). The JSON is documented and
// versioned in docs/json-format.md; change json_format_version when it changes incompatibly.
#pragma once
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/base/errors.hpp"
#include "common/search/entity_listing.hpp"
#include "common/search/search.hpp"

namespace newsdex {

// 2: --jsonl ends with a summary line; 3: date facets list every bucket of their range (empty ones
// with count 0) and count the undated articles.
inline constexpr int json_format_version = 3;

// What batch mode adds to each answer: "line" (1-based) and, when the request had one, "id".
struct BatchLine {
  std::size_t line = 0;
  const nlohmann::json* id = nullptr;
};

// Compact JSON appended to `out` (the fast path: no document tree is built).
void append_response_json(std::string& out, const SearchResponse& response, const BatchLine* batch = nullptr);
void append_hit_json(std::string& out, const Hit& hit);
// {"format_version": 2, "error": {"message", "position", "exit_code"}}
void append_error_json(std::string& out, const Error& error, const BatchLine* batch = nullptr);

// The same documents as trees, parsed back from the text above.
nlohmann::json hit_to_json(const Hit& hit);
nlohmann::json response_to_json(const SearchResponse& response);
nlohmann::json error_to_json(const Error& error);

struct TextStyle {
  bool color = false;     // ANSI bold for matches, dim for details
  std::size_t width = 0;  // wrap lines at this many columns; 0: never (output that is not a terminal)
};

// The title shown for an article without one: the first words of its lede (or first paragraph),
// else its file name, else its URL; never empty.
std::string fallback_title(const Article& article);

void print_text(std::ostream& out, const SearchResponse& response, const TextStyle& style);
// Text from an article, a file or the query as the text printer shows it: control characters and
// bytes that are not UTF-8 escaped as \xHH (docs/search.md, "Text output and the terminal").
std::string terminal_safe(std::string_view text);
void print_json(std::ostream& out, const SearchResponse& response);   // pretty, one document
// --jsonl: one line per result (written as each is made when streaming), then one summary line: the
// response document without "results", with "results_written" and "summary": true.
void print_jsonl_hit(std::ostream& out, const Hit& hit);
void print_jsonl_summary(std::ostream& out, const SearchResponse& response, std::size_t results_written);
void print_jsonl(std::ostream& out, const SearchResponse& response);  // both, for a response already made

// newsdex-search --entities: one entity a line (articles, type, name), then the written forms it was
// extracted as and the other types of its key; or one JSON document (docs/json-format.md).
void print_entity_listing_text(std::ostream& out, const EntityListing& listing, const TextStyle& style);
void print_entity_listing_json(std::ostream& out, const EntityListing& listing);

}  // namespace newsdex
