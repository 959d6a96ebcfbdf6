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

// "expand": a number of words, "auto", or "terms,documents,weight", as the command line writes it.
std::string expansion_text(const nlohmann::json& value, const std::string& key) {
  return value.is_number() ? number_text(value) : text(value, key);
}

using Reader = std::function<void(const nlohmann::json&, const std::string&, RequestOptions&)>;

// Each key of a JSON request: its value checked for type only, into the options request_with() checks.
const std::map<std::string, Reader>& readers() {
  static const std::map<std::string, Reader> table{
      {"query", [](auto& v, auto& k, auto& o) { o.text = text(v, k); }},
      {"id", [](auto&, auto&, auto&) {}},  // echoed back by the batch printer
      {"sort", [](auto& v, auto& k, auto& o) { o.sort = text(v, k); }},
      {"any", [](auto& v, auto& k, auto& o) { (flag(v, k) ? o.any : o.all) = true; }},
      {"match", [](auto& v, auto& k, auto& o) { o.match = text(v, k); }},
      {"expand", [](auto& v, auto& k, auto& o) { o.expand = expansion_text(v, k); }},
      {"person", [](auto& v, auto& k, auto& o) { o.people = strings(v, k); }},
      {"org", [](auto& v, auto& k, auto& o) { o.organisations = strings(v, k); }},
      {"place", [](auto& v, auto& k, auto& o) { o.places = strings(v, k); }},
      {"source", [](auto& v, auto& k, auto& o) { o.sources = strings(v, k); }},
      {"any_person", [](auto& v, auto& k, auto& o) { o.any_person = flag(v, k); }},
      {"any_org", [](auto& v, auto& k, auto& o) { o.any_organisation = flag(v, k); }},
      {"any_place", [](auto& v, auto& k, auto& o) { o.any_place = flag(v, k); }},
      {"from", [](auto& v, auto& k, auto& o) { o.from = text(v, k); }},
      {"to", [](auto& v, auto& k, auto& o) { o.to = text(v, k); }},
      {"facets", [](auto& v, auto& k, auto& o) { o.facets = strings(v, k); }},
      {"collapse", [](auto& v, auto& k, auto& o) { o.collapse_duplicates = flag(v, k); }},
      {"auto_correct", [](auto& v, auto& k, auto& o) { o.auto_correct = flag(v, k); }},
      {"exact_count", [](auto& v, auto& k, auto& o) { o.exact_count = flag(v, k); }},
      {"like", [](auto& v, auto& k, auto& o) { o.like = text(v, k); }},
      {"bm25", [](auto& v, auto& k, auto& o) { o.bm25 = text(v, k); }},
  };
  return table;
}

// What messages call a number: its option on the command line, its key in a JSON request.
std::string number_name(const RequestNumber& number, RequestOptions::Source source) {
  return source == RequestOptions::Source::json ? "\"" + std::string(number.json_key) + "\""
                                                : std::string(number.option);
}

// The word operator asked for: --any, --all or --match, one of them ("any" or "match" in JSON).
WordOperator word_operator(const RequestOptions& given, WordOperator fallback) {
  bool json = given.source == RequestOptions::Source::json;
  if (given.any && given.all) throw UsageError("--any and --all contradict each other");
  if ((given.any || given.all) && given.match && *given.match != "auto")
    throw UsageError(json ? "give \"match\" or \"any\", not both" : "give --match, or --any / --all, not both");
  if (given.any) return WordOperator::any;
  if (given.all) return WordOperator::all;
  return given.match ? parse_word_operator(*given.match) : fallback;
}

template <typename Value>
void set_if_given(Value& field, const std::optional<Value>& given) {
  if (given) field = *given;
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

const RequestNumber* find_request_number(std::string_view option) {
  return find_number(option, &RequestNumber::option);
}

void set_request_number(SearchRequest& request, std::string_view option, std::string_view text) {
  const auto* number = find_request_number(option);
  if (!number) throw UsageError("unknown number option " + std::string(option));
  number->set(request, parse_number(option, text, number->range));
}

SearchRequest request_with(const RequestOptions& given, const SearchRequest& defaults) {
  SearchRequest request = defaults;
  auto& filters = request.query.filters;
  set_if_given(request.text, given.text);
  for (const auto& [number, text] : given.numbers)
    number->set(request, parse_number(number_name(*number, given.source), text, number->range));
  request.query.word_operator = word_operator(given, request.query.word_operator);
  if (given.expand)
    request.expansion = *given.expand == "auto" ? std::nullopt : std::optional(parse_expansion(*given.expand));
  if (given.sort) request.sort = parse_sort_order(*given.sort);
  if (given.bm25) request.bm25 = parse_bm25(*given.bm25);
  set_if_given(filters.people, given.people);
  set_if_given(filters.organisations, given.organisations);
  set_if_given(filters.places, given.places);
  set_if_given(filters.sources, given.sources);
  set_if_given(filters.any_person, given.any_person);
  set_if_given(filters.any_organisation, given.any_organisation);
  set_if_given(filters.any_place, given.any_place);
  set_if_given(filters.from, given.from);
  set_if_given(filters.to, given.to);
  set_if_given(request.collapse_duplicates, given.collapse_duplicates);
  set_if_given(request.auto_correct, given.auto_correct);
  set_if_given(request.exact_count, given.exact_count);
  set_if_given(request.like, given.like);
  if (given.facets) {
    request.facets.clear();
    request.date_granularity = DateGranularity::automatic;
    for (const auto& list : *given.facets)
      for (auto field : parse_facet_fields(list, &request.date_granularity)) request.facets.push_back(field);
  }
  return request;
}

void ask_for_cooccurrence(SearchRequest& request, std::string_view types, const std::optional<std::string>& size) {
  CooccurrenceRequest pairs;
  pairs.types = parse_cooccurrence_types(types);
  if (size) pairs.limit = parse_pair_limit("--cooccurrence-size", *size);
  request.cooccurrence = std::move(pairs);
  request.limit = 0;
  request.top_up_page = false;  // the pairs of the articles matching the query as asked
  request.snippet_length = 0;
}

SearchRequest request_from_json(const nlohmann::json& object, const SearchRequest& defaults) {
  if (!object.is_object()) throw UsageError("a batch line must be query text or a JSON object");
  RequestOptions given;
  given.source = RequestOptions::Source::json;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null()) continue;  // null: not given
    if (const auto* number = find_number(key, &RequestNumber::json_key)) {
      // A JSON number, checked by request_with() as the command line's text is.
      if (!value.is_number())
        throw UsageError("\"" + key + "\" must be a number (allowed: " + describe_range(number->range) + ")");
      given.numbers.emplace_back(number, number_text(value));
      continue;
    }
    auto it = readers().find(key);
    if (it == readers().end()) throw UsageError("unknown option \"" + key + "\" in the JSON request");
    it->second(value, key, given);
  }
  return request_with(given, defaults);
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
