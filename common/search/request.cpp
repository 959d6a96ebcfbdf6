#include "common/search/request.hpp"

#include <functional>
#include <map>
#include <optional>

#include "common/base/errors.hpp"

namespace newsdex {
namespace {

std::vector<std::string> strings(const nlohmann::json& value, const std::string& key) {
  if (value.is_string()) return {value.get<std::string>()};
  std::vector<std::string> list;
  if (!value.is_array()) throw UsageError("\"" + key + "\" must be a string or a list of strings");
  for (const auto& item : value) {
    if (!item.is_string()) throw UsageError("\"" + key + "\" must be a string or a list of strings");
    list.push_back(item.get<std::string>());
  }
  return list;
}

std::string text(const nlohmann::json& value, const std::string& key) {
  if (!value.is_string()) throw UsageError("\"" + key + "\" must be a string");
  return value.get<std::string>();
}

bool flag(const nlohmann::json& value, const std::string& key) {
  if (!value.is_boolean()) throw UsageError("\"" + key + "\" must be true or false");
  return value.get<bool>();
}

// A JSON number as it was written (nlohmann prints it back exactly), for the same checks as the
// command line's text: -1, 4294967296 or 2.5 are refused as they would be there.
std::string number_text(const nlohmann::json& value) { return value.dump(); }

// "expand": a number of words, "auto", or "terms,documents,weight".
std::optional<Expansion> expansion(const nlohmann::json& value, const std::string& key) {
  if (value.is_number()) return parse_expansion(number_text(value));
  auto spec = text(value, key);
  if (spec == "auto") return std::nullopt;
  return parse_expansion(spec);
}

using Setter = std::function<void(const nlohmann::json&, const std::string&, SearchRequest&)>;

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table{
      {"query", [](auto& v, auto& k, auto& r) { r.text = text(v, k); }},
      {"id", [](auto&, auto&, auto&) {}},  // echoed back by the batch printer
      {"sort", [](auto& v, auto& k, auto& r) { r.sort = parse_sort_order(text(v, k)); }},
      {"any", [](auto& v, auto& k, auto& r) { r.query.word_operator = flag(v, k) ? WordOperator::any : WordOperator::all; }},
      {"match", [](auto& v, auto& k, auto& r) { r.query.word_operator = parse_word_operator(text(v, k)); }},
      {"expand", [](auto& v, auto& k, auto& r) { r.expansion = expansion(v, k); }},
      {"person", [](auto& v, auto& k, auto& r) { r.query.filters.people = strings(v, k); }},
      {"org", [](auto& v, auto& k, auto& r) { r.query.filters.organisations = strings(v, k); }},
      {"place", [](auto& v, auto& k, auto& r) { r.query.filters.places = strings(v, k); }},
      {"source", [](auto& v, auto& k, auto& r) { r.query.filters.sources = strings(v, k); }},
      {"any_person", [](auto& v, auto& k, auto& r) { r.query.filters.any_person = flag(v, k); }},
      {"any_org", [](auto& v, auto& k, auto& r) { r.query.filters.any_organisation = flag(v, k); }},
      {"any_place", [](auto& v, auto& k, auto& r) { r.query.filters.any_place = flag(v, k); }},
      {"from", [](auto& v, auto& k, auto& r) { r.query.filters.from = text(v, k); }},
      {"to", [](auto& v, auto& k, auto& r) { r.query.filters.to = text(v, k); }},
      {"facets",
       [](auto& v, auto& k, auto& r) {
         r.facets.clear();
         for (const auto& name : strings(v, k))
           for (auto field : parse_facet_fields(name)) r.facets.push_back(field);
       }},
      {"collapse", [](auto& v, auto& k, auto& r) { r.collapse_duplicates = flag(v, k); }},
      {"auto_correct", [](auto& v, auto& k, auto& r) { r.auto_correct = flag(v, k); }},
      {"like", [](auto& v, auto& k, auto& r) { r.like = text(v, k); }},
      {"bm25", [](auto& v, auto& k, auto& r) { r.bm25 = parse_bm25(text(v, k)); }},
  };
  return table;
}

// A number key of a JSON request: a JSON number, checked as the command line checks its option.
void set_json_number(const RequestNumber& number, const nlohmann::json& value, SearchRequest& request) {
  auto name = "\"" + std::string(number.json_key) + "\"";
  if (!value.is_number()) throw UsageError(name + " must be a number (allowed: " + describe_range(number.range) + ")");
  number.set(request, parse_number(name, number_text(value), number.range));
}

const RequestNumber* find_number(std::string_view name, std::string_view RequestNumber::*field) {
  for (const auto& number : request_numbers())
    if (!name.empty() && number.*field == name) return &number;
  return nullptr;
}

}  // namespace

const std::vector<RequestNumber>& request_numbers() {
  // Paging counts are Xapian doccounts (32 bits): offset + limit stays far below 2^32.
  static const std::vector<RequestNumber> table{
      {"--limit", "limit", {0, 1'000'000}, [](SearchRequest& r, double v) { r.limit = static_cast<std::size_t>(v); }},
      {"--offset",
       "offset",
       {0, 1'000'000'000},
       [](SearchRequest& r, double v) { r.offset = static_cast<std::size_t>(v); }},
      {"--facet-size",
       "facet_size",
       {0, 100'000},
       [](SearchRequest& r, double v) { r.facet_size = static_cast<std::size_t>(v); }},
      {"--snippet-length",
       "snippet_length",
       {0, 100'000},
       [](SearchRequest& r, double v) { r.snippet_length = static_cast<std::size_t>(v); }},
      {"--recency-boost",
       "recency_boost",
       {0, 100'000, false},
       [](SearchRequest& r, double v) { r.recency_half_life_days = v; }},
      // 0 would mean "no limit" to Xapian: a wildcard must stop somewhere.
      {"--max-wildcard",
       "",
       {1, 1'000'000},
       [](SearchRequest& r, double v) { r.query.max_wildcard_terms = static_cast<Xapian::termcount>(v); }},
  };
  return table;
}

void set_request_number(SearchRequest& request, std::string_view option, std::string_view text) {
  const auto* number = find_number(option, &RequestNumber::option);
  if (!number) throw UsageError("unknown number option " + std::string(option));
  number->set(request, parse_number(option, text, number->range));
}

SearchRequest request_from_json(const nlohmann::json& object, const SearchRequest& defaults) {
  if (!object.is_object()) throw UsageError("a batch line must be query text or a JSON object");
  SearchRequest request = defaults;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null()) continue;  // null: not given
    if (const auto* number = find_number(key, &RequestNumber::json_key)) {
      set_json_number(*number, value, request);
      continue;
    }
    auto it = setters().find(key);
    if (it == setters().end()) throw UsageError("unknown option \"" + key + "\" in the JSON request");
    it->second(value, key, request);
  }
  return request;
}

SearchRequest request_from_line(std::string_view line, const SearchRequest& defaults) {
  auto first = line.find_first_not_of(" \t\r");
  if (first != std::string_view::npos && line[first] == '{') {
    auto object = nlohmann::json::parse(line, nullptr, false);
    if (object.is_discarded()) throw UsageError("the line starts with '{' but is not valid JSON");
    return request_from_json(object, defaults);
  }
  SearchRequest request = defaults;
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  request.text = std::string(line);
  return request;
}

}  // namespace newsdex
