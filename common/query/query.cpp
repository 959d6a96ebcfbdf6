#include "common/query/query.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>

#include "common/base/errors.hpp"
#include "common/base/option_choices.hpp"
#include "common/base/path_text.hpp"
#include "common/base/text.hpp"
#include "common/query/stopwords.hpp"
#include "common/query/syntax.hpp"
#include "common/store/field_terms.hpp"
#include "common/store/database.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

const std::vector<std::string_view> query_fields{"title",  "author", "person", "org",  "place",
                                                 "source", "site",   "url",    "path", "date"};
const std::vector<std::string_view> filter_fields{"author", "person", "org",  "place", "source",
                                                  "site",   "url",    "path", "date"};
// Fields only documents of schema 3 have (schema.hpp): refused on a database with older documents.
const std::vector<std::string_view> location_fields{"author", "site", "url", "path"};

// A problem found inside a FieldProcessor: kept until parse_query returns, because throwing through
// Xapian's parser is not something it promises to survive.
struct FieldProblem {
  std::string field, value, message;
  std::size_t offset_in_value = 0;
};

struct ParseContext {
  std::optional<FieldProblem> problem;
  std::vector<AppliedFilter> filters;
  Xapian::termcount max_wildcard_terms = 0;
  const Xapian::Database* database = nullptr;  // wildcards are expanded over it, when there is one
};

Xapian::Query date_range_query(const DateRange& range) {
  if (range.open_start()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::date_slot, range.last);
  if (range.open_end()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::date_slot, range.first);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::date_slot, range.first, range.last);
}

std::string describe(const DateRange& range) {
  return format_date_value(range.first) + ".." + format_date_value(range.last);
}

// A filter field: its value becomes a query through `make`, which also sets what the filter shows
// (`shown`, for the JSON "query" object and the text header); an empty query means the value has
// nothing to search for.
class FilterFieldProcessor : public Xapian::FieldProcessor {
 public:
  using Make = std::function<Xapian::Query(const std::string& value, std::string& shown)>;
  FilterFieldProcessor(std::string field, Make make, ParseContext& context)
      : field_(std::move(field)), make_(std::move(make)), context_(context) {}
  Xapian::Query operator()(const std::string& value) override {
    std::string shown;
    auto query = make_(value, shown);
    if (query.empty()) {
      context_.problem = FieldProblem{field_, value, "'" + field_ + ":' needs a value", 0};
      return Xapian::Query::MatchNothing;
    }
    context_.filters.push_back({field_, shown});
    return query;
  }

 private:
  std::string field_;
  Make make_;
  ParseContext& context_;
};

// person:, org:, place:, source: -> the boolean term of the folded key, whatever case or accents
// the user typed ("Zoë Marchetti", "zoe marchetti" -> XPzoe marchetti).
FilterFieldProcessor::Make key_filter(std::string_view prefix) {
  return [prefix = std::string(prefix)](const std::string& value, std::string& shown) {
    shown = fold_key(value);
    return shown.empty() ? Xapian::Query() : Xapian::Query(schema::boolean_term(prefix, shown));
  };
}

// author:davies, author:"chris davies": the words of the author line, in this order.
Xapian::Query author_filter(const std::string& value, std::string& shown) {
  auto words = field_terms::author_words(value);
  std::vector<Xapian::Query> terms;
  for (const auto& word : words) {
    shown += (shown.empty() ? "" : " ") + word;
    terms.emplace_back(std::string(schema::author_prefix) + word);
  }
  if (terms.size() < 2) return terms.empty() ? Xapian::Query() : terms.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
}

// site:bbc.co.uk: that host and its subdomains (a URL given is read for its host).
Xapian::Query site_filter(const std::string& value, std::string& shown) {
  shown = field_terms::host(value);
  return shown.empty() ? Xapian::Query() : Xapian::Query(field_terms::site_term(shown));
}

Xapian::Query url_filter(const std::string& value, std::string& shown) {
  shown = field_terms::url_key(value);
  return shown.empty() ? Xapian::Query() : Xapian::Query(field_terms::url_term(value));
}

// path:FILE or path:FOLDER, as results show paths (their text, docs/schema.md); a relative path is
// taken from the current folder, as the indexer takes the paths it is given.
Xapian::Query path_filter(const std::string& value, std::string& shown) {
  shown = stored_path_form(value);
  if (shown.empty()) return {};
  if (shown == "/") return Xapian::Query::MatchAll;  // every path is under the root
  return Xapian::Query(field_terms::path_term(shown));
}

class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(ParseContext& context) : context_(context) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      auto range = parse_date_filter(value);
      context_.filters.push_back({"date", describe(range)});
      return date_range_query(range);
    } catch (const QueryError& e) {
      auto offset = e.position() == std::string::npos ? 0 : e.position();
      context_.problem = FieldProblem{"date", value, e.what(), offset};
      return Xapian::Query::MatchNothing;
    }
  }

 private:
  ParseContext& context_;
};

// hostag* (rewritten by scan_query() to a wildcard field) -> the stems that start with "hostag". The
// index holds stems only, and a stem can be shorter than the word ("hostages", stem "hostag"): the
// stem of the prefix itself is added, so that hostages* still finds "hostages".
class WildcardFieldProcessor : public Xapian::FieldProcessor {
 public:
  WildcardFieldProcessor(std::string term_prefix, ParseContext& context, Xapian::Stem stemmer)
      : term_prefix_(std::move(term_prefix)), context_(context), stemmer_(std::move(stemmer)) {}
  Xapian::Query operator()(const std::string& value) override {
    auto expanded = expand(term_prefix_ + value);
    auto stem = stemmer_(value);
    if (stem.empty() || stem.starts_with(value)) return expanded;
    return Xapian::Query(Xapian::Query::OP_OR, expanded, Xapian::Query(term_prefix_ + stem));
  }

 private:
  std::string term_prefix_;
  ParseContext& context_;
  Xapian::Stem stemmer_;

  // The words the wildcard stands for, listed here over the whole collection (Xapian expands its own
  // OP_WILDCARD in each shard apart, on each server when remote), each weighed as a word of its own
  // (OP_OR): Xapian 1.4 weighs an OP_SYNONYM by a term frequency it estimates in each shard apart, so
  // shards would rank otherwise than one database. Past the limit, Xapian's OP_WILDCARD reports it
  // (WildcardError) when run.
  Xapian::Query expand(const std::string& pattern) const {
    Xapian::Query unexpanded(Xapian::Query::OP_WILDCARD, pattern, context_.max_wildcard_terms,
                             Xapian::Query::WILDCARD_LIMIT_ERROR, Xapian::Query::OP_SYNONYM);
    if (!context_.database) return unexpanded;
    std::vector<std::string> terms;
    const auto& db = *context_.database;
    for (auto it = db.allterms_begin(pattern); it != db.allterms_end(pattern); ++it) {
      if (context_.max_wildcard_terms > 0 && terms.size() == context_.max_wildcard_terms) return unexpanded;
      terms.push_back(*it);
    }
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
};

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return {};
  return Xapian::Query(op, parts.begin(), parts.end());
}

Xapian::Query key_filter(const std::vector<std::string>& values, std::string_view field, std::string_view prefix,
                         bool any, std::vector<AppliedFilter>& applied) {
  std::vector<Xapian::Query> terms;
  for (const auto& value : values) {
    auto key = fold_key(value);
    if (key.empty()) throw QueryError("--" + std::string(field) + " needs a value");
    applied.push_back({std::string(field), key});
    terms.emplace_back(schema::boolean_term(prefix, key));
  }
  return combine(any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, terms);
}

Xapian::Query option_filters(const QueryFilters& filters, std::vector<AppliedFilter>& applied) {
  std::vector<Xapian::Query> parts;
  auto add = [&](Xapian::Query query) {
    if (!query.empty()) parts.push_back(std::move(query));
  };
  add(key_filter(filters.people, "person", schema::person_prefix, filters.any_person, applied));
  add(key_filter(filters.organisations, "org", schema::org_prefix, filters.any_organisation, applied));
  add(key_filter(filters.places, "place", schema::place_prefix, filters.any_place, applied));
  add(key_filter(filters.sources, "source", schema::source_prefix, true, applied));  // one source per article
  if (!filters.from.empty() || !filters.to.empty()) {
    auto range = date_range_from_options(filters.from, filters.to);
    applied.push_back({"date", describe(range)});
    add(date_range_query(range));
  }
  return combine(Xapian::Query::OP_AND, parts);
}

bool is_free_text_term(const std::string& term) {
  return !term.empty() &&
         (!std::isupper(static_cast<unsigned char>(term[0])) || term[0] == 'Z' || term[0] == 'S');
}

// Xapian suggests a more frequent neighbour even for words the index knows ("lords" -> "lord"):
// a suggestion is only worth showing when some word of the query is not in the index at all.
// True when the query has words that carry weight (free-text terms, stemmed or title ones, or a
// wildcard), not only boolean filter terms (which all start with a capital prefix other than Z, S).
bool has_weighted_terms(const Xapian::Query& query, const QueryScan& scan) {
  if (scan.only_exclusions) return false;  // every article except some: nothing to rank by
  if (!scan.wildcards.empty()) return true;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it)
    if (is_free_text_term(*it)) return true;
  return false;
}

bool has_unknown_word(const Xapian::Query& query, const Xapian::Database& database) {
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it)
    if (is_free_text_term(*it) && !database.term_exists(*it)) return true;
  return false;
}

// A word of the query that the index has: in the spelling dictionary, or as a stem.
bool is_known_word(std::string_view word, const Xapian::Database& database, const Xapian::Stem& stemmer) {
  auto lower = Xapian::Unicode::tolower(std::string(word));
  if (database.term_exists("Z" + stemmer(lower))) return true;
  auto spelling = database.spellings_begin();
  spelling.skip_to(lower);
  return spelling != database.spellings_end() && *spelling == lower;
}

// Xapian corrects every word that has a more frequent neighbour; put back the words the index has.
std::string keep_known_words(const std::string& original, const std::string& corrected,
                             const Xapian::Database& database, const Xapian::Stem& stemmer) {
  if (corrected.empty()) return corrected;
  auto before = split(original, ' '), after = split(corrected, ' ');
  if (before.size() != after.size()) return corrected;
  std::string out;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (i) out += ' ';
    out += (before[i] != after[i] && is_known_word(before[i], database, stemmer)) ? before[i] : after[i];
  }
  return out == original ? std::string() : out;
}

void reject_only_stopwords(const QueryScan& scan, StopwordList stopwords) {
  if (scan.free_words.empty() || scan.has_phrase || scan.has_required_word || !scan.clauses.empty()) return;
  std::string listed;
  for (const auto& word : scan.free_words) {
    if (!is_stopword(stopwords, word)) return;
    listed += (listed.empty() ? "'" : ", '") + word + "'";
  }
  throw QueryError("the query has only common words (" + listed +
                   ") that match nearly every article; add a more specific word, or quote a phrase");
}

// Words that carry meaning: not common, not excluded with '-'; a phrase counts as one.
std::size_t count_content_words(const QueryScan& scan, StopwordList stopwords) {
  std::size_t count = scan.phrases;
  for (const auto& word : scan.free_words) {
    bool excluded = std::find(scan.excluded_words.begin(), scan.excluded_words.end(), word) != scan.excluded_words.end();
    if (!excluded && !is_stopword(stopwords, word)) ++count;
  }
  return count;
}

// author:, site:, url: and path: on a database with documents built before them (schema 2) would
// quietly miss those documents: refused, saying how many and what to do.
void check_location_fields(const QueryScan& scan, const Xapian::Database& database) {
  for (const auto& clause : scan.clauses) {
    if (std::find(location_fields.begin(), location_fields.end(), clause.field) == location_fields.end()) continue;
    auto all = database.get_doccount(), with_fields = database.get_termfreq(std::string(schema::fields_schema_term));
    if (with_fields >= all) return;
    throw QueryError("'" + clause.field + ":' at position " + std::to_string(clause.position) +
                         " needs a newer index: " + std::to_string(all - with_fields) + " of the " +
                         std::to_string(all) +
                         " articles in the database were indexed by an older newsdex, without the author:, site:, "
                         "url: and path: fields; index the collection again to search by them (newsdex-index "
                         "--force, or a new --db)",
                     clause.position);
  }
}

WordOperator resolve(WordOperator requested, std::size_t content_words) {
  if (requested != WordOperator::automatic) return requested;
  return content_words > max_all_words_query ? WordOperator::any : WordOperator::all;
}

constexpr OptionChoice<WordOperator> word_operators[] = {
    {"auto", WordOperator::automatic}, {"all", WordOperator::all}, {"any", WordOperator::any}};

}  // namespace

WordOperator parse_word_operator(std::string_view name) {
  return parse_choice<WordOperator>("match mode", name, word_operators);
}

std::string_view word_operator_name(WordOperator op) { return choice_name<WordOperator>(op, word_operators); }

struct QueryBuilder::State {
  std::string language;
  Xapian::Stem stemmer;
  StopwordList stopwords;
  Xapian::QueryParser parser;
  Xapian::SimpleStopper stopper;
  ParseContext context;
  bool has_database = false;  // spelling suggestions, and the check of fields the database may lack
  Xapian::Database database;

  // `language`: the index's (store/database.hpp, index_language): the query's words are stemmed as
  // the indexer stemmed the articles' words, and its common words are left out.
  explicit State(const std::string& language_name)
      : language(language_name), stemmer(language_name), stopwords(stopwords_for(language_name)) {
    parser.set_stemmer(stemmer);
    // The index holds stems only, with positions (Z<stem>, ZS<stem> for title:): every word is
    // stemmed, names and the words of phrases included.
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
    add_stopwords(stopper, stopwords);
    parser.set_stopper(&stopper);
    parser.add_prefix("title", std::string(schema::title_prefix));
    parser.add_prefix(std::string(wildcard_field), (new WildcardFieldProcessor("Z", context, stemmer))->release());
    auto title_stems = "Z" + std::string(schema::title_prefix);
    parser.add_prefix(std::string(title_wildcard_field), (new WildcardFieldProcessor(title_stems, context, stemmer))->release());
    for (const auto& field : schema::entity_fields)
      add_filter(std::string(field.query_name), key_filter(field.prefix), false);  // all of
    add_filter("source", key_filter(schema::source_prefix), true);                 // one source per article: any of
    add_filter("author", author_filter, false);
    add_filter("site", site_filter, true);  // one URL per article: any of
    add_filter("url", url_filter, true);
    add_filter("path", path_filter, true);  // one path per article: any of
    parser.add_boolean_prefix("date", (new DateFieldProcessor(context))->release(), false);
  }

  // `exclusive`: repeated values of the field mean any of them (an article has one value), else all.
  void add_filter(const std::string& field, FilterFieldProcessor::Make make, bool exclusive) {
    parser.add_boolean_prefix(field, (new FilterFieldProcessor(field, std::move(make), context))->release(), exclusive);
  }
};

QueryBuilder::QueryBuilder() : state_(std::make_unique<State>("english")) {}

QueryBuilder::QueryBuilder(const Xapian::Database& database)
    : state_(std::make_unique<State>(index_language(database))) {
  state_->parser.set_database(database);
  state_->database = database;
  state_->context.database = &state_->database;
  state_->has_database = true;
}

QueryBuilder::~QueryBuilder() = default;

const std::string& QueryBuilder::language() const { return state_->language; }

ParsedQuery QueryBuilder::build(std::string_view text, const QueryOptions& options) {
  ParsedQuery parsed;
  parsed.text = std::string(text);
  auto scan = scan_query(text, query_fields, filter_fields, state_->stopwords);
  parsed.wildcards = scan.wildcards;
  auto filters = option_filters(options.filters, parsed.filters);
  bool blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank && filters.empty() && !options.allow_empty)
    throw QueryError("empty query: give words to search for, or a filter such as --person or --from");
  reject_only_stopwords(scan, state_->stopwords);
  if (state_->has_database) check_location_fields(scan, state_->database);

  parsed.content_words = count_content_words(scan, state_->stopwords);
  parsed.word_operator = resolve(options.word_operator, parsed.content_words);
  Xapian::Query text_query;
  if (!blank) {
    auto& parser = state_->parser;
    parser.set_default_op(parsed.word_operator == WordOperator::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    // No FLAG_WILDCARD: scan_query() turns hostag* into a wildcard field, which expands over stems.
    unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                     Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;
    state_->context = {};
    state_->context.max_wildcard_terms = options.max_wildcard_terms;
    if (state_->has_database) state_->context.database = &state_->database;
    try {
      text_query = parser.parse_query(scan.rewritten, flags);
    } catch (const Xapian::QueryParserError& e) {
      throw QueryError("cannot parse the query: " + e.get_msg());
    }
    if (auto& problem = state_->context.problem) {
      std::size_t position = std::string::npos;
      for (const auto& clause : scan.clauses)
        if (clause.field == problem->field && clause.value == problem->value)
          position = clause.position + clause.field.size() + 1 + problem->offset_in_value;
      throw QueryError(problem->message, position);
    }
    for (auto& filter : state_->context.filters) parsed.filters.push_back(std::move(filter));
    for (auto it = parser.stoplist_begin(); it != parser.stoplist_end(); ++it) parsed.stopwords.push_back(*it);
    for (const auto& word : scan.dropped_stopwords) parsed.stopwords.push_back(word);
    if (text_query.empty()) throw QueryError("the query has no words to search for");
    // Spelling correction looks up every word's neighbours in the spelling table, which costs more
    // than the whole search: parse again for it only when some word is unknown to the index.
    if (state_->has_database && has_unknown_word(text_query, state_->database)) {
      parser.parse_query(scan.rewritten, flags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
      parsed.corrected = restore_wildcards(keep_known_words(scan.rewritten, parser.get_corrected_query_string(),
                                                            state_->database, state_->stemmer));
    }
    parsed.ranked = has_weighted_terms(text_query, scan);
  }
  if (text_query.empty()) text_query = Xapian::Query::MatchAll;
  parsed.text_query = text_query;
  parsed.filter = filters;
  parsed.query = filters.empty() ? text_query : Xapian::Query(Xapian::Query::OP_FILTER, text_query, filters);
  return parsed;
}

ParsedQuery build_query(std::string_view text, const QueryOptions& options) {
  QueryBuilder builder;
  return builder.build(text, options);
}

}  // namespace newsdex
