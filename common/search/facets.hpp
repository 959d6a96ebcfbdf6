// Facets: how many matching articles name each person, organisation, place, source, or fall in each
// year/month/day, counted exactly over every match. Three ways, with the same counts (a unit test
// compares them): on local databases one spy per field reads that field's value slots in order up
// to the first empty one; on databases that may be remote (xapian-tcpsrv stubs) Xapian's built-in
// ValueCountMatchSpy on every slot, summed per field, since only built-in spies run there; in batch
// mode, counters indexed by value id over each field's values read once (FacetValueCache).
// docs/search.md says what they cost.
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/search/date_buckets.hpp"

namespace newsdex {

enum class FacetField { person, org, place, source, date };

// "person,org,date" (names may repeat across calls); throws UsageError naming the bad one. The date
// facet may name its buckets, "date:week" (date_buckets.hpp), which sets `*date_granularity`.
std::vector<FacetField> parse_facet_fields(std::string_view list, DateGranularity* date_granularity = nullptr);
std::string_view facet_name(FacetField field);

using ValueCounts = std::map<std::string, Xapian::doccount>;

struct FacetValue {
  std::string key;   // the normalised key, or "2024-11" for dates
  std::string name;  // the display name
  Xapian::doccount count = 0;
  bool operator==(const FacetValue&) const = default;
};

struct Facet {
  FacetField field = FacetField::person;
  std::string granularity;  // "year", "month", "week" or "day" for dates, else empty
  std::vector<FacetValue> values;
  std::size_t other_values = 0;  // distinct values not shown (beyond --facet-size)
  Xapian::doccount undated = 0;  // dates: matching articles without a date
  bool exact = false;            // counted over every matching article
};

// How the date facet is bucketed: the granularity asked for, and the range to list every bucket of
// (--from/--to; an open end is the first or last matching date).
struct DateBucketing {
  DateGranularity granularity = DateGranularity::automatic;
  DateRange range;
};

// The value slots a field's values are kept in: `count` slots from `first`, filled from the first.
struct FacetSlots {
  Xapian::valueno first;
  std::size_t count;
  std::string_view prefix;  // of the display-name metadata key
};
FacetSlots slots_of(FacetField field);

// Calls visit(value) for each value of `field` in a document's slots, in order, up to the first
// empty slot (the indexer fills them from the first).
template <typename Visit>
void for_each_value(const Xapian::Document& document, const FacetSlots& slots, const Visit& visit) {
  for (std::size_t i = 0; i < slots.count; ++i) {
    auto value = document.get_value(slots.first + static_cast<Xapian::valueno>(i));
    if (value.empty()) break;
    visit(value);
  }
}


// Pure helpers, tested without a database.
ValueCounts merge_counts(const std::vector<ValueCounts>& per_slot);
// Largest counts first, ties by key; at most `size`.
std::vector<FacetValue> top_values(const ValueCounts& counts, std::size_t size);
// "zoe marchetti" -> "Zoe Marchetti": the display name when the index has none.
std::string title_case(std::string_view key);
// The name shown for a key: the stored display name, asked of every shard (common/store/display_names.hpp),
// else the key title-cased. `shards`: the databases each on its own.
// Names already read, by metadata key: a batch shows the same names again and again, and each costs a
// round trip per remote shard. Kept by the Searcher for one revision of the databases.
using DisplayNameCache = std::unordered_map<std::string, std::string>;
std::string display_name(const std::vector<Xapian::Database>& shards, std::string_view prefix, const std::string& key,
                         DisplayNameCache* cache = nullptr);
std::string display_name(const std::vector<Xapian::Database>& shards, FacetField field, const std::string& key,
                         DisplayNameCache* cache = nullptr);

// The values of facet fields by docid, each field read once in full from its value streams and
// kept: a batch of queries then counts facets from memory. Reading a value per matching document
// from Xapian's value chunks cost thousands of instructions each (a fifth of a batch search). The
// display names of the values are read with them, in one pass. For a single local database only
// (with several, a match spy does not see the combined docid); made anew when it is reopened.
class FacetValueCache {
 public:
  explicit FacetValueCache(Xapian::Database database);
  ~FacetValueCache();
  FacetValueCache(const FacetValueCache&) = delete;
  FacetValueCache& operator=(const FacetValueCache&) = delete;

  class Table;
  const Table& table(FacetField field);  // read on first use

 private:
  Xapian::Database database_;
  std::map<FacetField, std::unique_ptr<Table>> tables_;
};

// Owns the match spies of one search.
class FacetCollector {
 public:
  // With a cache (which must outlive the collector), values come from it instead.
  FacetCollector(std::vector<FacetField> fields, FacetValueCache& cache);
  // With `local_spies`, one spy of our own per field reads an entity type's slots in order and stops
  // at the first empty one (the indexer fills them from the first), instead of one built-in spy per
  // slot reading all 16: about 5x fewer instructions per search with three entity facets. Our own
  // spy cannot run on xapian-tcpsrv: leave it off when a database may be remote.
  explicit FacetCollector(std::vector<FacetField> fields, bool local_spies = false);
  ~FacetCollector();
  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  void attach(Xapian::Enquire& enquire);
  // Display names come from every shard's metadata (display_name()).
  std::vector<Facet> results(const std::vector<Xapian::Database>& shards, std::size_t size, bool exact,
                             const DateBucketing& dates = {}, DisplayNameCache* names = nullptr) const;

 private:
  ValueCounts merged_counts(std::size_t field_index) const;  // from every spy of that field
  Xapian::doccount documents_seen(std::size_t field_index) const;  // matching articles the spies saw

  std::vector<FacetField> fields_;
  class SlotRunSpy;
  class CachedSpy;
  std::vector<std::unique_ptr<SlotRunSpy>> local_spies_;                          // per field, or none
  std::vector<std::unique_ptr<CachedSpy>> cached_spies_;                          // per field, or none
  std::vector<std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;  // per field, per slot
};

}  // namespace newsdex
