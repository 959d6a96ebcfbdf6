// The JSON printers, written straight into a string with JsonWriter. Members are written in the
// order of their names: the order nlohmann::json (a std::map) printed them in, kept so that the
// output stays the same byte for byte.
#include <algorithm>
#include <limits>

#include "common/base/json_writer.hpp"
#include "common/output/article_output.hpp"
#include "common/output/printers.hpp"
#include "common/query/dates.hpp"
#include "common/store/curation_file.hpp"

namespace newsdex {
namespace {

void write_ranges(JsonWriter& json, const HighlightedText& text) {
  json.begin_array();
  for (const auto& [begin, end] : code_point_ranges(text)) {
    json.begin_array();
    json.number(std::uint64_t{begin});
    json.number(std::uint64_t{end});
    json.end_array();
  }
  json.end_array();
}

void write_strings(JsonWriter& json, const std::vector<std::string>& list) {
  json.begin_array();
  for (const auto& text : list) json.string(text);
  json.end_array();
}

void write_entities(JsonWriter& json, const std::vector<Entity>& list) {
  json.begin_array();
  for (const auto& entity : list) {
    json.begin_object();
    json.key("key").string(entity.key);
    json.key("mentions").number(entity.mentions);
    json.key("name").string(entity.name);
    json.end_object();
  }
  json.end_array();
}

void write_duplicates(JsonWriter& json, const std::vector<DuplicateLocation>& list) {
  json.begin_array();
  for (const auto& d : list) {
    json.begin_object();
    json.key("id").string(d.id);
    json.key("path").string(d.path);
    json.key("position").number(std::uint64_t{d.position});
    json.key("published").string_or_null(d.published);
    json.key("source").string_or_null(d.source);
    json.key("title").string(d.title);
    json.key("url").string_or_null(d.url);
    json.end_object();
  }
  json.end_array();
}

// "entities" (or `name`): {"organisations", "people", "places"}.
void write_entity_lists(JsonWriter& json, const Entities& entities, std::string_view name = "entities") {
  json.key(name).begin_object();
  json.key("organisations");
  write_entities(json, entities.organisations);
  json.key("people");
  write_entities(json, entities.people);
  json.key("places");
  write_entities(json, entities.places);
  json.end_object();
}

// The members a result and a --show article start with, in name order: author, docid, duplicates.
void begin_article(JsonWriter& json, const Article& article, Xapian::docid docid) {
  json.begin_object();
  json.key("author").string_or_null(article.author);
  json.key("docid").number(docid);
  json.key("duplicates");
  write_duplicates(json, article.duplicates);
}

void write_hit(JsonWriter& json, const Hit& hit) {
  const auto& a = hit.article;
  begin_article(json, a, hit.docid);
  json.key("duplicates_hidden").number(hit.duplicates_hidden);
  write_entity_lists(json, a.entities);
  json.key("id").string(a.id);
  json.key("path").string(a.path);
  json.key("percent").number(hit.percent);
  json.key("position").number(std::uint64_t{a.position});
  json.key("published").string_or_null(a.published);
  json.key("rank").number(std::uint64_t{hit.rank});
  json.key("snippet").string(hit.snippet.text);
  json.key("snippet_highlights");
  write_ranges(json, hit.snippet);
  json.key("source").string_or_null(a.source);
  json.key("title").string(a.title);
  json.key("title_highlights");
  write_ranges(json, hit.title);
  json.key("url").string_or_null(a.url);
  json.key("weight").number(hit.weight);
  json.end_object();
}

// An article as --show gives it: everything stored, the text whole.
void write_shown_article(JsonWriter& json, const ShownArticle& shown) {
  const auto& a = shown.article;
  begin_article(json, a, shown.docid);
  write_entity_lists(json, a.entities);
  // The article's own entities, as the tagger found them in it (what --dump shows): `entities` are
  // the names the collection gives them (docs/entities.md, "Across the collection").
  write_entity_lists(json, a.extracted ? *a.extracted : a.entities, "extracted_entities");
  json.key("id").string(a.id);
  json.key("language").string_or_null(shown.language);
  json.key("lede").string(a.lede);
  json.key("paragraphs");
  write_strings(json, a.paragraphs);
  json.key("path").string(a.path);
  json.key("position").number(std::uint64_t{a.position});
  json.key("published").string_or_null(a.published);
  json.key("same_body").begin_array();
  for (const auto& other : shown.same_body) {
    json.begin_object();
    json.key("docid").number(other.docid);
    json.key("id").string(other.id);
    json.key("path").string(other.path);
    json.end_object();
  }
  json.end_array();
  json.key("source").string_or_null(a.source);
  json.key("text").string(shown_text(a));
  json.key("title").string(a.title);
  json.key("url").string_or_null(a.url);
  json.end_object();
}

void write_query(JsonWriter& json, const SearchResponse& response) {
  const auto& parsed = response.parsed;
  json.begin_object();
  json.key("corrected_from").string_or_null(response.corrected_from);
  json.key("expanded_with");
  write_strings(json, response.expanded_with);
  json.key("fallback_to_any").boolean(response.fallback_to_any);
  json.key("filters");
  json.begin_array();
  for (const auto& filter : parsed.filters) {
    json.begin_object();
    json.key("field").string(filter.field);
    json.key("value").string(filter.value);
    json.end_object();
  }
  json.end_array();
  json.key("like").string_or_null(response.request.like);
  json.key("match").string(word_operator_name(response.request.query.word_operator));
  json.key("operator").string(word_operator_name(parsed.word_operator));
  json.key("parsed").string(parsed.description());
  json.key("ran").string(parsed.text);
  json.key("stopwords_ignored");
  write_strings(json, parsed.stopwords);
  json.key("text").string(response.request.text);
  json.end_object();
}

void write_facet(JsonWriter& json, const Facet& facet) {
  json.begin_object();
  json.key("exact").boolean(facet.exact);
  if (!facet.granularity.empty()) json.key("granularity").string(facet.granularity);
  json.key("other_values").number(std::uint64_t{facet.other_values});
  if (facet.field == FacetField::date) json.key("undated").number(facet.undated);
  json.key("values");
  json.begin_array();
  for (const auto& value : facet.values) {
    json.begin_object();
    json.key("count").number(value.count);
    json.key("key").string(value.key);
    if (facet.field != FacetField::date) json.key("name").string(value.name);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

// One pair as the CSV export's row: type_a, key_a, name_a, type_b, key_b, name_b, articles.
void write_cooccurrence(JsonWriter& json, const Cooccurrence& cooccurrence) {
  json.begin_object();
  json.key("articles").number(cooccurrence.articles);
  json.key("other_pairs").number(std::uint64_t{cooccurrence.other_pairs});
  json.key("pairs").begin_array();
  for (const auto& pair : cooccurrence.pairs) {
    json.begin_object();
    json.key("articles").number(pair.articles);
    json.key("key_a").string(pair.a.key);
    json.key("key_b").string(pair.b.key);
    json.key("name_a").string(pair.a.name);
    json.key("name_b").string(pair.b.name);
    json.key("type_a").string(facet_name(pair.a.type));
    json.key("type_b").string(facet_name(pair.b.type));
    json.end_object();
  }
  json.end_array();
  json.key("types").begin_array();
  for (auto type : cooccurrence.types) json.string(facet_name(type));
  json.end_array();
  json.end_object();
}

// By facet name; a field asked for twice appears once, as its last count.
void write_facets(JsonWriter& json, const std::vector<Facet>& facets) {
  std::vector<const Facet*> by_name;
  for (auto it = facets.rbegin(); it != facets.rend(); ++it)
    if (std::none_of(by_name.begin(), by_name.end(), [&](const Facet* f) { return f->field == it->field; }))
      by_name.push_back(&*it);
  std::sort(by_name.begin(), by_name.end(),
            [](const Facet* a, const Facet* b) { return facet_name(a->field) < facet_name(b->field); });
  json.begin_object();
  for (const auto* facet : by_name) {
    json.key(facet_name(facet->field));
    write_facet(json, *facet);
  }
  json.end_object();
}

// An exact count, or null when only an estimate is known.
void write_exact(JsonWriter& json, const MatchCounts& counts) {
  if (counts.exact()) {
    json.number(counts.lower_bound);
  } else {
    json.null();
  }
}

void write_matches(JsonWriter& json, const SearchResponse& response) {
  const auto& counts = response.counts;
  json.begin_object();
  json.key("estimated").number(counts.estimated);
  json.key("exact").boolean(counts.exact());
  json.key("lower_bound").number(counts.lower_bound);
  json.key("some_words");
  write_exact(json, response.topped_up);
  json.key("total");
  write_exact(json, response.matching);
  json.key("upper_bound").number(counts.upper_bound);
  json.end_object();
}

void write_timing(JsonWriter& json, const Timing& timing) {
  json.begin_object();
  json.key("facets").number(timing.facets_ms);
  json.key("match").number(timing.match_ms);
  json.key("parse").number(timing.parse_ms);
  json.key("snippets").number(timing.snippets_ms);
  json.key("total").number(timing.total_ms);
  json.end_object();
}

void write_id(JsonWriter& json, const nlohmann::json& id) {
  // Any JSON value, as the request gave it.
  json.key("id").raw(id.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The members of an error document, with the batch line's members among them in name order.
void write_error_members(JsonWriter& json, const Error& error, const BatchLine* batch) {
  json.key("error").begin_object();
  json.key("exit_code").number(static_cast<int>(error.code()));
  json.key("message").string(error.what());
  json.key("position");
  const auto* query_error = dynamic_cast<const QueryError*>(&error);
  if (query_error && query_error->position() != std::string::npos) {
    json.number(std::uint64_t{query_error->position()});
  } else {
    json.null();
  }
  json.end_object();
  json.key("format_version").number(json_format_version);
  if (batch && batch->id) write_id(json, *batch->id);
  if (batch) json.key("line").number(std::uint64_t{batch->line});
}

// The response document; with `summary_of`, the --jsonl summary line instead: "results" left out
// (its lines came before), "results_written" and "summary": true in its place.
void write_response(JsonWriter& json, const SearchResponse& response, const BatchLine* batch,
                    const std::size_t* summary_of) {
  json.begin_object();
  json.key("collapsed").boolean(response.request.collapse_duplicates);
  if (response.cooccurrence) {
    json.key("cooccurrence");
    write_cooccurrence(json, *response.cooccurrence);
  }
  json.key("facets");
  write_facets(json, response.facets);
  json.key("format_version").number(json_format_version);
  if (batch && batch->id) write_id(json, *batch->id);
  json.key("limit");
  if (response.request.limit == every_match) {
    json.null();  // --limit all
  } else {
    json.number(std::uint64_t{response.request.limit});
  }
  if (batch) json.key("line").number(std::uint64_t{batch->line});
  json.key("matches");
  write_matches(json, response);
  if (!response.missing_shards.empty()) {  // --allow-partial left shards out: the answer is from the others
    json.key("missing_shards").begin_array();
    for (const auto& shard : response.missing_shards) {
      json.begin_object();
      json.key("error").string(shard.problem);
      json.key("shard").string(shard.name);
      json.end_object();
    }
    json.end_array();
  }
  json.key("offset").number(std::uint64_t{response.request.offset});
  json.key("query");
  write_query(json, response);
  if (summary_of) {
    json.key("results_written").number(std::uint64_t{*summary_of});
  } else {
    json.key("results");
    json.begin_array();
    for (const auto& hit : response.hits) write_hit(json, hit);
    json.end_array();
  }
  json.key("sort").string(sort_order_name(response.sort));
  json.key("suggestion").string_or_null(response.suggestion);
  if (summary_of) json.key("summary").boolean(true);
  json.key("timing_ms");
  write_timing(json, response.timing);
  json.end_object();
}

}  // namespace

void append_hit_json(std::string& out, const Hit& hit) {
  JsonWriter json(out);
  write_hit(json, hit);
}

void append_response_json(std::string& out, const SearchResponse& response, const BatchLine* batch) {
  JsonWriter json(out);
  write_response(json, response, batch, nullptr);
}

void append_error_json(std::string& out, const Error& error, const BatchLine* batch) {
  JsonWriter json(out);
  json.begin_object();
  write_error_members(json, error, batch);
  json.end_object();
}

nlohmann::json hit_to_json(const Hit& hit) {
  std::string out;
  append_hit_json(out, hit);
  return nlohmann::json::parse(out);
}

nlohmann::json response_to_json(const SearchResponse& response) {
  std::string out;
  append_response_json(out, response);
  return nlohmann::json::parse(out);
}

nlohmann::json error_to_json(const Error& error) {
  std::string out;
  append_error_json(out, error);
  return nlohmann::json::parse(out);
}

void print_json(std::ostream& out, const SearchResponse& response) {
  // Pretty-printed by nlohmann from our compact text: one writer decides what the document holds.
  out << response_to_json(response).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void append_shown_json(std::string& out, const ShownArticles& shown) {
  JsonWriter json(out);
  json.begin_object();
  json.key("articles").begin_array();
  for (const auto& one : shown.articles) write_shown_article(json, one);
  json.end_array();
  json.key("asked").string(shown.asked);
  json.key("format_version").number(json_format_version);
  json.key("matched_by").string(article_key_name(shown.matched_by));
  json.end_object();
}

void print_shown_json(std::ostream& out, const ShownArticles& shown) {
  std::string text;
  append_shown_json(text, shown);
  out << nlohmann::json::parse(text).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_jsonl_hit(std::ostream& out, const Hit& hit) {
  std::string line;
  append_hit_json(line, hit);
  line += '\n';
  out << line;
}

void print_jsonl_summary(std::ostream& out, const SearchResponse& response, std::size_t results_written) {
  std::string line;
  JsonWriter json(line);
  write_response(json, response, nullptr, &results_written);
  line += '\n';
  out << line;
}

void print_jsonl(std::ostream& out, const SearchResponse& response) {
  for (const auto& hit : response.hits) print_jsonl_hit(out, hit);
  print_jsonl_summary(out, response, response.hits.size());
}

void print_entity_listing_json(std::ostream& out, const EntityListing& listing) {
  std::string text;
  JsonWriter json(text);
  json.begin_object();
  json.key("articles_read").number(std::uint64_t{listing.articles_read});
  json.key("curation_rules").number(std::uint64_t{listing.curation_rules});
  json.key("entities").begin_array();
  for (const auto& entity : listing.entities) {
    json.begin_object();
    json.key("articles").number(std::uint64_t{entity.articles});
    json.key("key").string(entity.key);
    json.key("name").string(entity.name);
    json.key("other_types").begin_array();
    for (const auto& [type, articles] : entity.other_types) {
      json.begin_object();
      json.key("articles").number(std::uint64_t{articles});
      json.key("type").string(entity_type_name(type));
      json.end_object();
    }
    json.end_array();
    json.key("type").string(entity_type_name(entity.type));
    json.key("variants").begin_array();
    for (const auto& variant : entity.variants) {
      json.begin_object();
      json.key("articles").number(std::uint64_t{variant.articles});
      json.key("name").string(variant.name);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("format_version").number(json_format_version);
  json.key("limit");
  if (listing.limit == std::numeric_limits<std::size_t>::max()) {
    json.null();
  } else {
    json.number(std::uint64_t{listing.limit});
  }
  json.key("total").number(std::uint64_t{listing.total});
  json.key("type");
  if (listing.type) {
    json.string(entity_type_name(*listing.type));
  } else {
    json.null();
  }
  json.end_object();
  out << nlohmann::json::parse(text).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace newsdex
