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
#include "common/query/dates.hpp"
#include "common/search/collection_names.hpp"
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

// Ties are broken by the body hash (every article has one, and it is the same wherever the article is
// stored), never by the docid: a collection split into shards numbers its documents otherwise, and must
// still list the same articles in the same order (docs/search.md, "Order"). Filters-only queries (every
// weight 0) sort by date, then hash (date_order_slot, when every document has it: databases indexed
// before it sort by date, then docid); ranked ones by date, then weight (then the docid: two articles
// of one day with the very same weight are rare). Value sorts only: xapian-tcpsrv runs no KeyMaker.
void configure_order(Xapian::Enquire& enquire, const Xapian::Database& database, SortOrder order, bool ranked) {
  if (order == SortOrder::relevance) {
    enquire.set_sort_by_relevance_then_value(schema::collapse_slot, false);
    return;
  }
  bool newest = order == SortOrder::newest;
  bool date_then_hash = !ranked && database.get_value_freq(schema::date_order_slot) == database.get_doccount();
  enquire.set_sort_by_value_then_relevance(date_then_hash ? schema::date_order_slot : schema::date_slot, newest);
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
  auto* source = recency_source(database, half_life_days, top * recency_share_of_top_weight, newest);
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

// The date facet's buckets: those asked for, over --from/--to (already checked by the query builder).
DateBucketing date_bucketing(const SearchRequest& request) {
  const auto& filters = request.query.filters;
  return {request.date_granularity, date_range_from_options(filters.from, filters.to)};
}

// Facets and co-occurrence count every match, not just one page; so does an exact count.
bool counts_every_match(const SearchRequest& request) {
  return !request.facets.empty() || request.exact_count || request.cooccurrence;
}

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

// A more-like-this search needs no text of its own.
QueryOptions query_options_for(const SearchRequest& request) {
  auto options = request.query;
  options.allow_empty = options.allow_empty || !request.like.empty();
  return options;
}

// "Did you mean": the spelling correction, when there is one that differs from the query.
std::string suggestion_for(const ParsedQuery& parsed) {
  return !parsed.corrected.empty() && parsed.corrected != parsed.text ? parsed.corrected : std::string();
}

struct QueryToRun {
  Xapian::Query query;
  bool ranked;  // has words to rank by (a filters-only query has none)
};

// With --like, the query filters the articles most like the one named, which rank them.
QueryToRun like_filtered(const Xapian::Database& database, const SearchRequest& request, const ParsedQuery& parsed,
                         const std::string& language) {
  if (request.like.empty()) return {parsed.query, parsed.ranked};
  return {Xapian::Query(Xapian::Query::OP_FILTER, more_like_this(database, request.like, language), parsed.query),
          true};
}

// A query with nothing to rank by (filters only) is sorted newest first.
SortOrder sort_used(SortOrder asked, bool ranked) {
  return (asked == SortOrder::relevance && !ranked) ? SortOrder::newest : asked;
}

Xapian::BM25Weight bm25_weighting(const Bm25Parameters& bm25) {
  return Xapian::BM25Weight(bm25.k1, bm25.k2, bm25.k3, bm25.b, bm25.min_normlen);
}

Xapian::Enquire make_enquire(const Xapian::Database& database, const Xapian::Weight& weighting, bool collapse,
                             SortOrder order, bool ranked = true) {
  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(weighting);
  if (collapse) enquire.set_collapse_key(schema::collapse_slot);
  configure_order(enquire, database, order, ranked);
  return enquire;
}

// Pseudo-relevance feedback, for ranked word queries in relevance order: the query with the words
// added (recorded in the response), or `query` as it was.
Xapian::Query expanded(Xapian::Enquire& enquire, const SearchRequest& request, bool ranked, Xapian::Query query,
                       SearchResponse& response, const std::string& language) {
  auto expansion = expansion_for(request, response.parsed);
  if (expansion.terms == 0 || !ranked || !request.like.empty() || response.sort != SortOrder::relevance) return query;
  auto expanded = expand_query(enquire, response.parsed.text_query, response.parsed.filter, expansion, language);
  response.expanded_with = std::move(expanded.added);
  return expanded.query;
}

std::unique_ptr<FacetCollector> facet_collector(const std::vector<FacetField>& fields, FacetValueCache* cache,
                                                bool local) {
  return cache ? std::make_unique<FacetCollector>(fields, *cache) : std::make_unique<FacetCollector>(fields, local);
}

// --auto-correct: the query found nothing and a suggestion exists, so the suggestion runs instead.
bool runs_correction(const Xapian::MSet& matches, const SearchRequest& request, const std::string& suggestion) {
  return matches.get_matches_upper_bound() == 0 && request.auto_correct && !suggestion.empty();
}

SearchRequest corrected_request(const SearchRequest& request, const std::string& suggestion) {
  auto corrected = request;
  corrected.text = suggestion;
  corrected.auto_correct = false;
  return corrected;
}

// The corrected query's response, answering the request as the user made it.
SearchResponse as_corrected(SearchResponse again, const SearchRequest& request, std::string suggestion) {
  again.request = request;
  again.corrected_from = request.text;
  again.suggestion = std::move(suggestion);
  return again;
}

Xapian::doccount page_end(const SearchRequest& request) {
  return static_cast<Xapian::doccount>(request.offset + request.limit);
}

// The rest of the page after the `with_all` articles that have every word: the articles with only
// some of them (`any_words` but not `all_words`), ranked, in the room the page has left (none when
// the request lists every match instead of filling a page). Counted in full only when an exact count
// was asked for: facets do not need it (5 ms a query).
Xapian::MSet match_some_words(const Xapian::Database& database, const Xapian::Query& any_words,
                              const Xapian::Query& all_words, const Xapian::Weight& weighting,
                              const SearchRequest& request, SortOrder order, Xapian::doccount with_all) {
  auto rest = make_enquire(database, weighting, request.collapse_duplicates, order);
  rest.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, any_words, all_words));
  auto skip = request.offset > with_all ? request.offset - with_all : 0;
  auto room =
      request.top_up_page ? page_end(request) - std::max(static_cast<Xapian::doccount>(request.offset), with_all) : 0;
  auto count_all = request.exact_count ? database.get_doccount() : 0;
  return rest.get_mset(static_cast<Xapian::doccount>(skip), room, count_all);
}

void add_counts(MatchCounts& counts, const MatchCounts& more) {
  counts.lower_bound += more.lower_bound;
  counts.estimated += more.estimated;
  counts.upper_bound += more.upper_bound;
}

// --cooccurrence where a shard may be remote: a match spy of our own cannot run on xapian-tcpsrv, so
// every match's document is fetched (in as few round trips as Xapian allows) and counted here.
void count_without_spy(CooccurrenceSpy& pairs, const Xapian::Database& database, const Xapian::Query& query,
                       const Xapian::Weight& weighting, bool collapse) {
  auto every = make_enquire(database, weighting, collapse, SortOrder::relevance);
  every.set_query(query);
  auto matches = every.get_mset(0, database.get_doccount());
  matches.fetch();
  for (auto it = matches.begin(); it != matches.end(); ++it) pairs(it.get_document(), it.get_weight());
}

// One match set's articles as hits, ranked after `ranks_before`: the stored article, its title and
// snippet highlighted.
void add_hits(std::vector<Hit>& hits, const Xapian::MSet& matches, Xapian::doccount ranks_before,
              const SearchRequest& request, const Highlighter& highlighter, DataUnpacker& unpacker,
              const CollectionNames& names) {
  // Documents are asked for a chunk at a time (MSet::fetch): from a remote shard in one round trip per
  // chunk instead of one per hit, and a list of every match is still never held whole.
  constexpr Xapian::doccount fetch_chunk = 64;
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    if (it.get_rank() % fetch_chunk == 0 || it == matches.begin()) {
      auto chunk_end = it;
      for (Xapian::doccount i = 0; i < fetch_chunk && chunk_end != matches.end(); ++i) ++chunk_end;
      matches.fetch(it, chunk_end);
    }
    Hit hit;
    hit.rank = ranks_before + it.get_rank() + 1;  // get_rank() already counts the offset
    hit.docid = *it;
    hit.weight = it.get_weight();
    hit.percent = it.get_percent();
    hit.duplicates_hidden = request.collapse_duplicates ? it.get_collapse_count() : 0;
    hit.article = article_from_stored_data(unpacker.unpack(it.get_document().get_data()));
    hit.article.entities = names(hit.article.entities);
    hit.title = highlighter.title(hit.article.title);
    if (request.snippet_length > 0)
      hit.snippet = highlighter.snippet(snippet_blocks(hit.article), request.snippet_length);
    if (request.hit_sink) {
      request.hit_sink(hit);
    } else {
      hits.push_back(std::move(hit));
    }
  }
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

Searcher::Searcher(const std::vector<std::string>& database_paths, bool allow_partial) try
    : paths_(database_paths), allow_partial_(allow_partial), local_(false), unpacker_(Xapian::Database()) {
  open_shards_of_paths();
} catch (const Xapian::Error& e) {
  throw_as_newsdex_error(e, DatabaseWork::searching);
}

Searcher::Searcher(Xapian::Database database, bool local)
    : database_(std::move(database)),
      shards_{database_},
      local_(local),
      builder_(std::make_unique<QueryBuilder>(database_)),
      unpacker_(database_) {}

void Searcher::open_shards_of_paths() {
  auto open = open_shards(paths_, allow_partial_);
  database_ = std::move(open.combined);
  shards_ = std::move(open.shards);
  addresses_ = std::move(open.addresses);
  missing_shards_ = std::move(open.missing);
  local_ = std::all_of(addresses_.begin(), addresses_.end(), [](const ShardAddress& address) {
    std::error_code error;
    return address.kind == ShardAddress::Kind::local && std::filesystem::is_directory(address.location, error);
  });
  builder_ = std::make_unique<QueryBuilder>(database_);
  unpacker_ = DataUnpacker(database_, shards_.size() > 1 ? shards_ : std::vector<Xapian::Database>{});
}

std::vector<ShardAddress> Searcher::unreachable_shards() const {
  std::vector<ShardAddress> down;
  for (const auto& address : addresses_) {
    if (address.kind == ShardAddress::Kind::local) continue;
    try {
      open_shard(address);
    } catch (const Xapian::Error&) {
      down.push_back(address);
    } catch (const Error&) {
      down.push_back(address);
    }
  }
  return down;
}

void Searcher::open_again() {
  if (paths_.empty()) {
    database_.reopen();
  } else {
    open_shards_of_paths();
  }
  curation_.reset();
  display_names_.clear();
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
  SearchResponse response;
  try {
    read([&](const Xapian::Database&, DataUnpacker&) { response = run(request); });
  } catch (const Xapian::WildcardError& e) {
    throw QueryError("a wildcard matches too many words (more than " +
                     std::to_string(request.query.max_wildcard_terms) + "): make it longer (" + e.get_msg() + ")");
  }
  return response;
}

void Searcher::read(const std::function<void(const Xapian::Database&, DataUnpacker&)>& work) {
  for (int attempt = 1;; ++attempt) {
    try {
      // Reopening reads the new revision, which a further commit can discard too: inside the try.
      if (attempt > 1 || reopen_before_next_) open_again();
      reopen_before_next_ = false;
      work(database_, unpacker_);
      return;
    } catch (const Xapian::NetworkError& e) {
      // A remote shard stopped answering (its server was stopped, or the network went): which one, and
      // then either without it (--allow-partial) or an error naming it. The next search opens every
      // shard again, so a batch goes on when the server is back.
      reopen_before_next_ = true;
      auto down = unreachable_shards();
      if (down.empty() && attempt < 3) continue;  // answering again: a dropped connection
      if (down.empty()) throw DatabaseError(ExitCode::io_error, "a remote shard stopped answering: " + e.get_msg());
      if (!allow_partial_ || down.size() == addresses_.size() || attempt == max_attempts)
        throw DatabaseError(ExitCode::io_error, shard_problem(down.front(), e.get_msg()));
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
    } catch (const Xapian::WildcardError&) {
      throw;  // the query's fault: search() says so
    } catch (const Xapian::DatabaseError& e) {
      throw DatabaseError(ExitCode::io_error, "cannot read the database: " + e.get_msg());
    } catch (const Xapian::Error& e) {
      throw_as_newsdex_error(e, DatabaseWork::searching);
    }
  }
}

// The stages of one search: parse, the query to run (like, expansion, recency), the match with the
// facet spies, auto-correction, the page's continuation with any word, facets, hits with snippets.
SearchResponse Searcher::run(const SearchRequest& request) {
  auto started = Clock::now();
  SearchResponse response;
  response.request = request;
  const auto query_options = query_options_for(request);
  response.parsed = builder_->build(request.text, query_options);
  response.suggestion = suggestion_for(response.parsed);

  auto [query, ranked] = like_filtered(database_, request, response.parsed, builder_->language());
  const auto highlighted = query;  // the words asked for: not those added by expansion
  const auto weighting = bm25_weighting(request.bm25);
  response.sort = sort_used(request.sort, ranked);
  const bool every_match_seen = counts_every_match(request);
  auto enquire = make_enquire(
      database_, weighting, request.collapse_duplicates && !(every_match_seen && no_duplicate_bodies()), response.sort,
      ranked);
  query = expanded(enquire, request, ranked, query, response, builder_->language());
  if (request.recency_half_life_days > 0 && response.sort == SortOrder::relevance)
    query = with_recency(database_, query, request.recency_half_life_days, weighting);
  response.timing.parse_ms = ms_since(started);

  auto match_started = Clock::now();
  enquire.set_query(query);
  std::unique_ptr<FacetCollector> facets;
  if (!request.facets.empty()) {
    facets = facet_collector(request.facets, facet_cache_.get(), local_);
    facets->attach(enquire);
  }
  std::unique_ptr<CooccurrenceSpy> pairs;
  if (request.cooccurrence) {
    pairs = std::make_unique<CooccurrenceSpy>(request.cooccurrence->types);
    if (local_) enquire.add_matchspy(pairs.get());  // else counted after the match: see below
  }
  Xapian::doccount check_at_least = every_match_seen ? database_.get_doccount() : 0;  // count every match
  auto mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                               static_cast<Xapian::doccount>(request.limit), check_at_least);
  response.counts = match_counts(mset, every_match_seen);
  response.matching = response.counts;
  response.timing.match_ms = ms_since(match_started);

  if (runs_correction(mset, request, response.suggestion))
    return as_corrected(run(corrected_request(request, response.suggestion)), request, response.suggestion);
  // Fewer articles have all the words than the page asks for: the page goes on with the articles
  // that have some of them, ranked, after all those with every word. Facets still count only the
  // articles with all the words (what was asked for; counting the others too cost 5 ms a query).
  Xapian::MSet others;
  Xapian::doccount with_all = response.counts.upper_bound;  // exact below the page end, or all seen
  // A list of every match (no page to fill) only counts the articles with some of the words, when
  // none has every word: the count then says how many have some.
  const bool short_list = request.top_up_page ? with_all < page_end(request) : with_all == 0;
  if (short_list && falls_back_to_any(request, response.parsed)) {
    auto any_options = query_options;
    any_options.word_operator = WordOperator::any;
    auto any = builder_->build(request.text, any_options);
    others = match_some_words(database_, any.query, response.parsed.query, weighting, request, response.sort, with_all);
    response.topped_up = match_counts(others, request.exact_count);
    if (request.top_up_page) {
      response.fallback_to_any = others.get_matches_upper_bound() > 0;
      add_counts(response.counts, response.topped_up);
    }
    response.timing.match_ms = ms_since(match_started);
  }

  if (facets) {
    auto facets_started = Clock::now();
    response.facets =
        facets->results(shards_, request.facet_size, every_match_seen, date_bucketing(request), &display_names_);
    response.timing.facets_ms = ms_since(facets_started);
  }
  if (pairs && !local_) count_without_spy(*pairs, database_, query, weighting, request.collapse_duplicates);
  if (pairs) response.cooccurrence = pairs->results(shards_, request.cooccurrence->limit);

  auto snippets_started = Clock::now();
  Highlighter highlighter(highlight_terms(highlighted, response.parsed.wildcards), builder_->language());
  if (!curation_) curation_ = load_curation(database_);  // here, where a newer revision is retried
  const CollectionNames names(shards_, *curation_, &display_names_);
  add_hits(response.hits, mset, 0, request, highlighter, unpacker_, names);
  add_hits(response.hits, others, with_all, request, highlighter, unpacker_, names);
  response.timing.snippets_ms = ms_since(snippets_started);
  response.missing_shards = missing_shards_;
  response.timing.total_ms = ms_since(started);
  return response;
}

}  // namespace newsdex
