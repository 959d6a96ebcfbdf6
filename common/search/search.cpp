#include "common/search/search.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>
#include <unordered_set>

#include "common/base/errors.hpp"
#include "common/base/option_choices.hpp"
#include "common/base/option_numbers.hpp"
#include "common/search/like.hpp"
#include "common/search/recency.hpp"
#include "common/store/database.hpp"
#include "common/store/schema.hpp"
#include "common/store/stored_article.hpp"
#include "common/store/xapian_errors.hpp"

namespace newsdex {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A recency boost at its strongest is this share of the best relevance weight of the query.
constexpr double recency_share_of_top_weight = 0.5;
constexpr int max_attempts = 40;  // reopen-and-retry rounds while an indexer commits (about 3 s of pauses)

std::vector<std::string_view> snippet_blocks(const Article& article) {
  std::vector<std::string_view> blocks;
  if (!article.lede.empty()) blocks.emplace_back(article.lede);
  for (const auto& paragraph : article.paragraphs) blocks.emplace_back(paragraph);
  return blocks;
}

void configure_order(Xapian::Enquire& enquire, SortOrder order) {
  if (order == SortOrder::newest) enquire.set_sort_by_value_then_relevance(schema::date_slot, true);
  if (order == SortOrder::oldest) enquire.set_sort_by_value_then_relevance(schema::date_slot, false);
}

Xapian::Query with_recency(const Xapian::Database& database, const Xapian::Query& query, double half_life_days,
                           const Xapian::Weight& weighting) {
  // The boost is scaled to this query's best weight, so that it means the same for every query.
  Xapian::Enquire probe(database);
  probe.set_query(query);
  probe.set_weighting_scheme(weighting);
  double top = probe.get_mset(0, 1).get_max_attained();
  long newest = days_from_value(database.get_value_upper_bound(schema::date_slot));
  if (top <= 0 || newest < 0) return query;
  auto* source = new RecencyPostingSource(half_life_days, top * recency_share_of_top_weight, newest);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
}

Expansion expansion_for(const SearchRequest& request, const ParsedQuery& parsed) {
  if (request.expansion) return *request.expansion;
  return parsed.word_operator == WordOperator::any ? default_expansion : Expansion{0, 0, 0};
}

// The automatic mode's second chance: all words found nothing, so rank the articles with any of them
// (the response says so). Not when the user chose --all, nor for a single word (any = all).
bool falls_back_to_any(const SearchRequest& request, const ParsedQuery& parsed) {
  return request.query.word_operator == WordOperator::automatic && parsed.word_operator == WordOperator::all &&
         parsed.content_words > 1 && request.like.empty();
}

// Facets count every match, not just one page; so does an exact count.
bool counts_every_match(const SearchRequest& request) { return !request.facets.empty() || request.exact_count; }

// Xapian's counts. When every match was looked at, the lower bound is the exact count even with
// duplicates collapsed (Xapian 1.4 then leaves the estimate and upper bound loose: 643 / 700 / 1429
// for "oil prices" on Reuters-21578, where 643 articles match).
MatchCounts match_counts(const Xapian::MSet& mset, bool every_match_seen) {
  if (every_match_seen) {
    auto exact = mset.get_matches_lower_bound();
    return {exact, exact, exact};
  }
  return {mset.get_matches_lower_bound(), mset.get_matches_estimated(), mset.get_matches_upper_bound()};
}

// A local database is a directory; a file may be a remote stub (or a single-file database: then we
// only miss an optimisation).
bool all_directories(const std::vector<std::string>& paths) {
  std::error_code error;
  for (const auto& path : paths)
    if (!std::filesystem::is_directory(path, error)) return false;
  return !paths.empty();
}

}  // namespace

SortOrder parse_sort_order(std::string_view name) {
  static constexpr OptionChoice<SortOrder> orders[] = {
      {"relevance", SortOrder::relevance}, {"newest", SortOrder::newest}, {"oldest", SortOrder::oldest}};
  return parse_choice<SortOrder>("sort order", name, orders);
}

std::string_view sort_order_name(SortOrder order) {
  switch (order) {
    case SortOrder::newest: return "newest";
    case SortOrder::oldest: return "oldest";
    default: return "relevance";
  }
}

Bm25Parameters parse_bm25(std::string_view text) {
  Bm25Parameters parameters;
  double* fields[] = {&parameters.k1, &parameters.k2, &parameters.k3, &parameters.b, &parameters.min_normlen};
  // Xapian's BM25Weight takes any finite k >= 0 and b in [0, 1]; larger k than 1000 rank no differently.
  const NumberRange k{0, 1000, false}, b{0, 1, false};
  auto numbers = parse_number_list(
      text, {"--bm25", "k1,k2,k3,b,min_normlen", {k, k, k, b, k}, {"k1", "k2", "k3", "b", "min_normlen"}});
  for (std::size_t i = 0; i < numbers.size(); ++i) *fields[i] = numbers[i];
  return parameters;
}

Searcher::Searcher(const std::vector<std::string>& database_paths) try
    : Searcher(open_for_reading(database_paths), all_directories(database_paths)) {
  paths_ = database_paths;
  if (database_paths.size() > 1) unpacker_ = DataUnpacker(database_, database_paths);
} catch (const Xapian::Error& e) {
  throw_as_newsdex_error(e, DatabaseWork::searching);
}

Searcher::Searcher(Xapian::Database database, bool local)
    : database_(std::move(database)),
      local_(local),
      builder_(std::make_unique<QueryBuilder>(database_)),
      unpacker_(database_) {}

void Searcher::open_again() {
  if (paths_.empty()) {
    database_.reopen();
  } else {
    database_ = open_for_reading(paths_);
    builder_ = std::make_unique<QueryBuilder>(database_);
    unpacker_ = DataUnpacker(database_, paths_.size() > 1 ? paths_ : std::vector<std::string>{});
  }
  if (facet_cache_) facet_cache_ = std::make_unique<FacetValueCache>(database_);  // of the new revision
  no_duplicate_bodies_.reset();
}

void Searcher::keep_facet_values() {
  with_newsdex_errors(DatabaseWork::searching, [&] {
    if (local_ && database_.size() == 1) facet_cache_ = std::make_unique<FacetValueCache>(database_);
  });
}

bool Searcher::no_duplicate_bodies() {
  if (!facet_cache_) return false;  // only known in batch mode: finding out reads a whole value slot
  if (!no_duplicate_bodies_) {
    std::unordered_set<std::string> bodies;
    bool unique = true;
    auto end = database_.valuestream_end(schema::collapse_slot);
    for (auto it = database_.valuestream_begin(schema::collapse_slot); unique && it != end; ++it)
      unique = bodies.insert(*it).second;
    no_duplicate_bodies_ = unique;
  }
  return *no_duplicate_bodies_;
}

SearchResponse Searcher::search(const SearchRequest& request) {
  for (int attempt = 1;; ++attempt) {
    try {
      // Reopening reads the new revision, which a further commit can discard too: inside the try.
      if (attempt > 1) open_again();
      return run(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      // An indexer committed while we read: reopen at the new revision and run the search again.
      if (attempt == max_attempts) throw DatabaseError(ExitCode::io_error, "the database kept changing while being read");
      // Commits come in bursts (a run of small files): a short, growing pause lets a burst pass, where
      // retrying at once met the next commit again (tests/reliability/test_concurrency.cpp).
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5 * attempt, 100)));
    } catch (const Xapian::DatabaseCorruptError& e) {
      // What Xapian 1.4 sometimes raises instead of DatabaseModifiedError when commits overtake a read
      // (common/store/database.cpp, open_one); damage that is real stays and is reported at the last attempt.
      if (attempt == max_attempts) throw DatabaseError(ExitCode::io_error, "cannot read the database: " + e.get_msg());
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5 * attempt, 100)));
    } catch (const Xapian::DatabaseOpeningError& e) {
      // The version being read was retired by a compaction and then removed (reopen() reads its
      // version file again): open the current one.
      if (paths_.empty() || attempt == max_attempts)
        throw DatabaseError(ExitCode::io_error, "cannot read the database: " + e.get_msg());
    } catch (const Xapian::WildcardError& e) {
      throw QueryError("a wildcard matches too many words (more than " +
                       std::to_string(request.query.max_wildcard_terms) + "): make it longer (" + e.get_msg() + ")");
    } catch (const Xapian::DatabaseError& e) {
      throw DatabaseError(ExitCode::io_error, "cannot read the database: " + e.get_msg());
    } catch (const Xapian::Error& e) {
      throw_as_newsdex_error(e, DatabaseWork::searching);
    }
  }
}

SearchResponse Searcher::run(const SearchRequest& request) {
  auto started = Clock::now();
  SearchResponse response;
  response.request = request;
  auto query_options = request.query;
  query_options.allow_empty = query_options.allow_empty || !request.like.empty();
  response.parsed = builder_->build(request.text, query_options);
  if (!response.parsed.corrected.empty() && response.parsed.corrected != response.parsed.text)
    response.suggestion = response.parsed.corrected;

  Xapian::Query query = response.parsed.query;
  bool ranked = response.parsed.ranked;
  if (!request.like.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, more_like_this(database_, request.like), query);
    ranked = true;
  }
  auto highlighted = query;  // the words asked for: not those added by expansion
  Xapian::BM25Weight weighting(request.bm25.k1, request.bm25.k2, request.bm25.k3, request.bm25.b,
                               request.bm25.min_normlen);
  response.sort = (request.sort == SortOrder::relevance && !ranked) ? SortOrder::newest : request.sort;
  Xapian::Enquire enquire(database_);
  enquire.set_weighting_scheme(weighting);
  if (request.collapse_duplicates && !(counts_every_match(request) && no_duplicate_bodies()))
    enquire.set_collapse_key(schema::collapse_slot);
  auto expansion = expansion_for(request, response.parsed);
  if (expansion.terms > 0 && ranked && request.like.empty() && response.sort == SortOrder::relevance) {
    auto expanded = expand_query(enquire, response.parsed.text_query, response.parsed.filter, expansion);
    query = expanded.query;
    response.expanded_with = std::move(expanded.added);
  }
  if (request.recency_half_life_days > 0 && response.sort == SortOrder::relevance)
    query = with_recency(database_, query, request.recency_half_life_days, weighting);
  response.timing.parse_ms = ms_since(started);

  auto match_started = Clock::now();
  enquire.set_query(query);
  configure_order(enquire, response.sort);
  std::unique_ptr<FacetCollector> facets;
  Xapian::doccount check_at_least = 0;
  const bool every_match_seen = counts_every_match(request);
  if (!request.facets.empty()) {
    facets = facet_cache_ ? std::make_unique<FacetCollector>(request.facets, *facet_cache_)
                          : std::make_unique<FacetCollector>(request.facets, local_);
    facets->attach(enquire);
  }
  if (every_match_seen) check_at_least = database_.get_doccount();  // count every match, not just one page
  auto mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                               static_cast<Xapian::doccount>(request.limit), check_at_least);
  response.counts = match_counts(mset, every_match_seen);
  response.matching = response.counts;
  response.timing.match_ms = ms_since(match_started);

  if (mset.get_matches_upper_bound() == 0 && request.auto_correct && !response.suggestion.empty()) {
    auto corrected = request;
    corrected.text = response.suggestion;
    corrected.auto_correct = false;
    auto again = run(corrected);
    again.request = request;
    again.corrected_from = request.text;
    again.suggestion = response.suggestion;
    return again;
  }
  // Fewer articles have all the words than the page asks for: the page goes on with the articles
  // that have some of them, ranked, after all those with every word. Facets still count only the
  // articles with all the words (what was asked for; counting the others too cost 5 ms a query).
  Xapian::MSet others;
  auto page_end = static_cast<Xapian::doccount>(request.offset + request.limit);
  Xapian::doccount with_all = response.counts.upper_bound;  // exact below the page end, or all seen
  // A list of every match (no page to fill) only counts the articles with some of the words, when
  // none has every word: the count then says how many have some.
  const bool short_list = request.top_up_page ? with_all < page_end : with_all == 0;
  if (short_list && falls_back_to_any(request, response.parsed)) {
    auto any_options = query_options;
    any_options.word_operator = WordOperator::any;
    auto any = builder_->build(request.text, any_options);
    Xapian::Enquire rest(database_);
    rest.set_weighting_scheme(weighting);
    if (request.collapse_duplicates) rest.set_collapse_key(schema::collapse_slot);
    configure_order(rest, response.sort);
    rest.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, any.query, response.parsed.query));
    auto skip = request.offset > with_all ? request.offset - with_all : 0;
    auto room = request.top_up_page ? page_end - std::max(static_cast<Xapian::doccount>(request.offset), with_all) : 0;
    // Counted in full only when an exact count was asked for: facets do not need it (5 ms a query).
    auto count_all_others = request.exact_count ? database_.get_doccount() : 0;
    others = rest.get_mset(static_cast<Xapian::doccount>(skip), room, count_all_others);
    response.topped_up = match_counts(others, request.exact_count);
    if (request.top_up_page) {
      response.fallback_to_any = others.get_matches_upper_bound() > 0;
      response.counts.lower_bound += response.topped_up.lower_bound;
      response.counts.estimated += response.topped_up.estimated;
      response.counts.upper_bound += response.topped_up.upper_bound;
    }
    response.timing.match_ms = ms_since(match_started);
  }

  if (facets) {
    auto facets_started = Clock::now();
    response.facets = facets->results(database_, request.facet_size, every_match_seen);
    response.timing.facets_ms = ms_since(facets_started);
  }

  auto snippets_started = Clock::now();
  Highlighter highlighter(highlight_terms(highlighted, response.parsed.wildcards));
  auto add_hits = [&](const Xapian::MSet& hits, Xapian::doccount ranks_before) {
    for (auto it = hits.begin(); it != hits.end(); ++it) {
      Hit hit;
      hit.rank = ranks_before + it.get_rank() + 1;  // get_rank() already counts the offset
      hit.docid = *it;
      hit.weight = it.get_weight();
      hit.percent = it.get_percent();
      hit.duplicates_hidden = request.collapse_duplicates ? it.get_collapse_count() : 0;
      hit.article = article_from_stored_data(unpacker_.unpack(it.get_document().get_data()));
      hit.title = highlighter.title(hit.article.title);
      if (request.snippet_length > 0) hit.snippet = highlighter.snippet(snippet_blocks(hit.article), request.snippet_length);
      if (request.hit_sink) {
        request.hit_sink(hit);
      } else {
        response.hits.push_back(std::move(hit));
      }
    }
  };
  add_hits(mset, 0);
  add_hits(others, with_all);
  response.timing.snippets_ms = ms_since(snippets_started);
  response.timing.total_ms = ms_since(started);
  return response;
}

}  // namespace newsdex
