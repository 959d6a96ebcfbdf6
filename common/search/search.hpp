// Running a search: the query, BM25 ranking, sort order, paging, duplicate collapsing, recency boost,
// more-like-this, facets, snippets, spelling suggestion; reads stay consistent while an indexer writes
// (DatabaseModifiedError -> reopen and run again). docs/search.md explains the choices.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/base/article.hpp"
#include "common/query/query.hpp"
#include "common/search/cooccurrence.hpp"
#include "common/search/expansion.hpp"
#include "common/search/facets.hpp"
#include "common/search/snippets.hpp"
#include "common/store/curation.hpp"
#include "common/store/shards.hpp"
#include "common/store/stored_data.hpp"

namespace newsdex {

enum class SortOrder { relevance, newest, oldest };
SortOrder parse_sort_order(std::string_view name);  // throws UsageError
std::string_view sort_order_name(SortOrder order);

// Xapian's BM25Weight parameters (Xapian's own defaults are k1=1, b=0.5). b is the usual 0.75; k1=2
// ranked best over the three test collections together (docs/benchmarks.md).
struct Bm25Parameters {
  double k1 = 2.0, k2 = 0.0, k3 = 1.0, b = 0.75, min_normlen = 0.5;
  bool operator==(const Bm25Parameters&) const = default;
};
// "k1,k2,k3,b,min_normlen" (all five, or fewer to keep the later defaults); throws UsageError.
Bm25Parameters parse_bm25(std::string_view text);

struct Hit;

// The limit of a list of every match (--limit all): Xapian counts documents in 32 bits and stops at
// the last match. Such a request sets top_up_page = false too (common/output/stream.hpp).
inline constexpr std::size_t every_match = 0xFFFFFFFFu;

struct SearchRequest {
  std::string text;
  QueryOptions query;
  std::size_t limit = 10, offset = 0;
  SortOrder sort = SortOrder::relevance;
  Bm25Parameters bm25;
  double recency_half_life_days = 0;  // 0: no recency boost
  bool collapse_duplicates = true;
  std::vector<FacetField> facets;
  DateGranularity date_granularity = DateGranularity::automatic;  // of the date facet (--facet date:week)
  std::size_t facet_size = 10;
  // Pairs of entities named together in the matching articles, counted over every match (--cooccurrence).
  std::optional<CooccurrenceRequest> cooccurrence;
  std::size_t snippet_length = 200;   // code points; 0: no snippets
  bool auto_correct = false;          // run the suggestion when the query finds nothing
  std::optional<Expansion> expansion; // unset: automatic (default_expansion when ranking with any word)
  std::string like;                   // more like this article (its id, or a docid)
  // Count every match, not just enough for the page, so that the counts are exact (facets do anyway).
  // Costs a visit of every matching article: the command line pays it, batch mode only when asked.
  bool exact_count = false;
  // false: the list is every match, not a page (--limit all, --count), so a short page is not topped
  // up with articles having some of the words (docs/search.md, "Counts").
  bool top_up_page = true;
  // When set, each hit is handed to it as it is made instead of being kept in the response: an
  // export of every match reads and prints one article at a time (common/output/stream.hpp).
  std::function<void(const Hit&)> hit_sink;
};

// Pseudo-relevance feedback used by default for queries ranked with any word (long queries); short
// all-words queries are not expanded (docs/search.md).
inline constexpr Expansion default_expansion{5, 5, 0.3};

struct Hit {
  std::size_t rank = 0;          // 1-based, over the whole result list
  Xapian::docid docid = 0;
  double weight = 0;
  int percent = 0;
  Xapian::doccount duplicates_hidden = 0;
  Article article;
  HighlightedText title, snippet;
};

struct MatchCounts {
  Xapian::doccount lower_bound = 0, estimated = 0, upper_bound = 0;
  bool exact() const { return lower_bound == upper_bound; }
};

struct Timing {
  double parse_ms = 0, match_ms = 0, facets_ms = 0, snippets_ms = 0, total_ms = 0;
};

struct SearchResponse {
  SearchRequest request;
  ParsedQuery parsed;             // the query that ran (the corrected one after auto-correction)
  std::string corrected_from;     // the original text when auto-correction ran another query
  std::string suggestion;         // "did you mean", or empty
  bool fallback_to_any = false;   // no article had all the words: ranked with any word instead
  std::vector<std::string> expanded_with;  // words added by pseudo-relevance feedback (stems)
  SortOrder sort = SortOrder::relevance;  // the order used (a filters-only query is sorted newest first)
  MatchCounts counts;                     // the articles the page was drawn from (a top-up's included)
  MatchCounts matching;                   // the articles matching the query as it ran (every word with "all")
  MatchCounts topped_up;                  // with fallback_to_any: the articles having only some of the words
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  std::optional<Cooccurrence> cooccurrence;  // when the request asked for it
  // With --allow-partial: the shards that could not be searched (the answer is from the others).
  std::vector<MissingShard> missing_shards;
  Timing timing;
};

// Holds the open databases and a configured QueryBuilder: batch mode reuses one for every query.
class Searcher {
 public:
  // With `allow_partial`, shards that cannot be opened or stop answering are left out and listed in
  // each response's missing_shards; without, such a shard is an error that names it.
  explicit Searcher(const std::vector<std::string>& database_paths, bool allow_partial = false);
  // `local`: every shard is a local database (not a remote stub), so our own match spies can run.
  explicit Searcher(Xapian::Database database, bool local = false);
  // Throws QueryError for a bad query, DatabaseError when the database cannot be read.
  SearchResponse search(const SearchRequest& request);
  const Xapian::Database& database() const { return database_; }
  // The same databases each on its own (metadata is asked of every one), in database()'s order.
  const std::vector<Xapian::Database>& shards() const { return shards_; }
  // The database paths given, one per shard of database() in order; empty when made from an open
  // database.
  const std::vector<std::string>& paths() const { return paths_; }
  // Runs `work` on the open databases as search() runs a query: again on the newest revision when
  // an indexer commits underneath (so `work` must start afresh each time), Xapian's errors turned
  // into newsdex::Errors. `work` gets the database and the reader of its stored data.
  void read(const std::function<void(const Xapian::Database&, DataUnpacker&)>& work);
  // For many queries (batch mode): facet values are read in full once and counted from memory.
  // Costs a read of every value of the facets asked for, so not worth it for one query. Only on a
  // single local database; elsewhere it changes nothing.
  void keep_facet_values();

 private:
  SearchResponse run(const SearchRequest& request);
  // After an indexer committed (or compacted) under a search: the newest revision. Opened anew from
  // the paths (a compaction switches the folder's stub, which reopen() does not read again).
  void open_again();
  // The remote shards that do not answer a new connection now.
  std::vector<ShardAddress> unreachable_shards() const;
  // True when no two articles share a collapse key (a body hash), known in batch mode only: the
  // indexer stores such duplicates once, so within one database collapsing usually has nothing to
  // hide. A match that counts every article (facets) then skips it, since Xapian would read every
  // match's key (half the match time); the results and counts are the same.
  bool no_duplicate_bodies();
  // Opens the shards of paths_ (leaving out those that fail with allow_partial_).
  void open_shards_of_paths();
  std::vector<std::string> paths_;  // empty when made from an open database: then it is reopened
  bool allow_partial_ = false;
  Xapian::Database database_;
  std::vector<Xapian::Database> shards_;
  std::vector<ShardAddress> addresses_;       // of shards_, when opened from paths
  std::vector<MissingShard> missing_shards_;  // left out (allow_partial_)
  bool reopen_before_next_ = false;           // a shard failed: open them all again before the next search
  bool local_;
  std::unique_ptr<QueryBuilder> builder_;  // set up with database_ (spelling), made anew with it
  DataUnpacker unpacker_;  // the hits' stored data
  // The database's curation (the first database's, with several): the hits show their entities as
  // curated, as the filters and facets count them (docs/entities.md, "Curation"). Read by the first
  // search of each revision, inside its retries: reading it when opening could meet a revision an
  // indexer had just discarded, with nothing to retry it.
  std::optional<Curation> curation_;
  std::unique_ptr<FacetValueCache> facet_cache_;  // with keep_facet_values()
  std::optional<bool> no_duplicate_bodies_;       // unknown until asked
  DisplayNameCache display_names_;                // of this revision
};

}  // namespace newsdex
