#include "common/search_request.hpp"

#include <functional>
#include <map>
#include <optional>

#include "common/errors.hpp"

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

template <typename T>
T get(const nlohmann::json& value, const std::string& key, const char* expected) {
  try {
    return value.get<T>();
  } catch (const nlohmann::json::exception&) {
    throw UsageError("\"" + key + "\" must be " + expected);
  }
}

std::size_t count(const nlohmann::json& value, const std::string& key) {
  if (!value.is_number_unsigned()) throw UsageError("\"" + key + "\" must be a whole number >= 0");
  return value.get<std::size_t>();
}

std::string text(const nlohmann::json& value, const std::string& key) {
  if (!value.is_string()) throw UsageError("\"" + key + "\" must be a string");
  return value.get<std::string>();
}

bool flag(const nlohmann::json& value, const std::string& key) {
  if (!value.is_boolean()) throw UsageError("\"" + key + "\" must be true or false");
  return value.get<bool>();
}

// "expand": a number of words, "auto", or "terms,documents,weight".
std::optional<Expansion> expansion(const nlohmann::json& value, const std::string& key) {
  if (value.is_number_unsigned()) return parse_expansion(std::to_string(value.get<std::size_t>()));
  auto spec = text(value, key);
  if (spec == "auto") return std::nullopt;
  return parse_expansion(spec);
}

using Setter = std::function<void(const nlohmann::json&, const std::string&, SearchRequest&)>;

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table{
      {"query", [](auto& v, auto& k, auto& r) { r.text = text(v, k); }},
      {"id", [](auto&, auto&, auto&) {}},  // echoed back by the batch printer
      {"limit", [](auto& v, auto& k, auto& r) { r.limit = count(v, k); }},
      {"offset", [](auto& v, auto& k, auto& r) { r.offset = count(v, k); }},
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
      {"facet_size", [](auto& v, auto& k, auto& r) { r.facet_size = count(v, k); }},
      {"snippet_length", [](auto& v, auto& k, auto& r) { r.snippet_length = count(v, k); }},
      {"collapse", [](auto& v, auto& k, auto& r) { r.collapse_duplicates = flag(v, k); }},
      {"auto_correct", [](auto& v, auto& k, auto& r) { r.auto_correct = flag(v, k); }},
      {"like", [](auto& v, auto& k, auto& r) { r.like = text(v, k); }},
      {"recency_boost", [](auto& v, auto& k, auto& r) { r.recency_half_life_days = get<double>(v, k, "a number of days"); }},
      {"bm25", [](auto& v, auto& k, auto& r) { r.bm25 = parse_bm25(text(v, k)); }},
  };
  return table;
}

}  // namespace

SearchRequest request_from_json(const nlohmann::json& object, const SearchRequest& defaults) {
  if (!object.is_object()) throw UsageError("a batch line must be query text or a JSON object");
  SearchRequest request = defaults;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null()) continue;  // null: not given
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
