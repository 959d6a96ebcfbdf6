#include "common/printers.hpp"

#include "common/query_dates.hpp"

namespace newsdex {
namespace {

nlohmann::json ranges(const HighlightedText& text) {
  auto list = nlohmann::json::array();
  for (const auto& [begin, end] : code_point_ranges(text)) list.push_back({begin, end});
  return list;
}

nlohmann::json entities(const std::vector<Entity>& list) {
  auto out = nlohmann::json::array();
  for (const auto& entity : list) out.push_back({{"name", entity.name}, {"key", entity.key}, {"mentions", entity.mentions}});
  return out;
}

nlohmann::json or_null(const std::string& text);

nlohmann::json duplicates(const std::vector<DuplicateLocation>& list) {
  auto out = nlohmann::json::array();
  for (const auto& d : list)
    out.push_back({{"id", d.id}, {"path", d.path}, {"position", d.position}, {"url", or_null(d.url)},
                   {"title", d.title}, {"published", or_null(d.published)}, {"source", or_null(d.source)}});
  return out;
}

nlohmann::json or_null(const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); }

nlohmann::json query_to_json(const SearchResponse& response) {
  const auto& parsed = response.parsed;
  auto filters = nlohmann::json::array();
  for (const auto& filter : parsed.filters) filters.push_back({{"field", filter.field}, {"value", filter.value}});
  return {{"text", response.request.text},
          {"ran", parsed.text},
          {"parsed", parsed.description()},
          {"match", word_operator_name(response.request.query.word_operator)},
          {"operator", word_operator_name(parsed.word_operator)},
          {"fallback_to_any", response.fallback_to_any},
          {"expanded_with", response.expanded_with},
          {"filters", filters},
          {"stopwords_ignored", parsed.stopwords},
          {"corrected_from", or_null(response.corrected_from)},
          {"like", or_null(response.request.like)}};
}

nlohmann::json facets_to_json(const std::vector<Facet>& facets) {
  auto out = nlohmann::json::object();
  for (const auto& facet : facets) {
    auto values = nlohmann::json::array();
    for (const auto& value : facet.values) {
      nlohmann::json item{{"key", value.key}, {"count", value.count}};
      if (facet.field != FacetField::date) item["name"] = value.name;
      values.push_back(std::move(item));
    }
    nlohmann::json entry{{"exact", facet.exact}, {"values", values}, {"other_values", facet.other_values}};
    if (!facet.granularity.empty()) entry["granularity"] = facet.granularity;
    out[std::string(facet_name(facet.field))] = std::move(entry);
  }
  return out;
}

}  // namespace

nlohmann::json hit_to_json(const Hit& hit) {
  const auto& a = hit.article;
  return {{"rank", hit.rank},
          {"docid", hit.docid},
          {"id", a.id},
          {"weight", hit.weight},
          {"percent", hit.percent},
          {"title", a.title},
          {"title_highlights", ranges(hit.title)},
          {"published", or_null(a.published)},
          {"author", or_null(a.author)},
          {"source", or_null(a.source)},
          {"url", or_null(a.url)},
          {"path", a.path},
          {"position", a.position},
          {"snippet", hit.snippet.text},
          {"snippet_highlights", ranges(hit.snippet)},
          {"entities",
           {{"people", entities(a.entities.people)},
            {"organisations", entities(a.entities.organisations)},
            {"places", entities(a.entities.places)}}},
          {"duplicates_hidden", hit.duplicates_hidden},
          {"duplicates", duplicates(a.duplicates)}};
}

nlohmann::json response_to_json(const SearchResponse& response) {
  auto results = nlohmann::json::array();
  for (const auto& hit : response.hits) results.push_back(hit_to_json(hit));
  const auto& counts = response.counts;
  const auto& timing = response.timing;
  return {{"format_version", json_format_version},
          {"query", query_to_json(response)},
          {"matches",
           {{"estimated", counts.estimated},
            {"lower_bound", counts.lower_bound},
            {"upper_bound", counts.upper_bound},
            {"exact", counts.exact()}}},
          {"offset", response.request.offset},
          {"limit", response.request.limit},
          {"sort", sort_order_name(response.sort)},
          {"collapsed", response.request.collapse_duplicates},
          {"results", results},
          {"facets", facets_to_json(response.facets)},
          {"suggestion", or_null(response.suggestion)},
          {"timing_ms",
           {{"parse", timing.parse_ms},
            {"match", timing.match_ms},
            {"facets", timing.facets_ms},
            {"snippets", timing.snippets_ms},
            {"total", timing.total_ms}}}};
}

nlohmann::json error_to_json(const Error& error) {
  nlohmann::json position = nullptr;
  if (const auto* query_error = dynamic_cast<const QueryError*>(&error);
      query_error && query_error->position() != std::string::npos)
    position = query_error->position();
  return {{"format_version", json_format_version},
          {"error", {{"message", error.what()}, {"position", position}, {"exit_code", static_cast<int>(error.code())}}}};
}

void print_json(std::ostream& out, const SearchResponse& response) {
  out << response_to_json(response).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_jsonl(std::ostream& out, const SearchResponse& response) {
  for (const auto& hit : response.hits)
    out << hit_to_json(hit).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace newsdex
