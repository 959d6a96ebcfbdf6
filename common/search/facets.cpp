#include "common/search/facets.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <unordered_map>

#include "common/base/option_choices.hpp"
#include "common/base/text.hpp"
#include "common/store/display_names.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

// Every matching article's day counted: the histogram and the undated count of a date facet.
Facet date_facet(const ValueCounts& day_counts, Xapian::doccount seen, const DateBucketing& dates) {
  Facet facet;
  facet.field = FacetField::date;
  auto histogram = date_histogram(day_counts, dates.granularity, dates.range);
  facet.granularity = std::string(date_granularity_name(histogram.granularity));
  for (const auto& [key, count] : histogram.buckets) facet.values.push_back({key, key, count});  // in date order, all
  Xapian::doccount dated = 0;
  for (const auto& [day, count] : day_counts) dated += count;
  facet.undated = seen > dated ? seen - dated : 0;
  return facet;
}

}  // namespace

FacetSlots slots_of(FacetField field) {
  switch (field) {
    case FacetField::person: return {schema::person_first_slot, schema::facet_slots_per_type, schema::person_prefix};
    case FacetField::org: return {schema::org_first_slot, schema::facet_slots_per_type, schema::org_prefix};
    case FacetField::place: return {schema::place_first_slot, schema::facet_slots_per_type, schema::place_prefix};
    case FacetField::source: return {schema::source_slot, 1, schema::source_prefix};
    default: return {schema::date_slot, 1, ""};
  }
}

std::string display_name(const std::vector<Xapian::Database>& shards, std::string_view prefix, const std::string& key,
                         DisplayNameCache* cache) {
  std::string* kept = nullptr;
  if (cache) {
    auto [found, added] = cache->try_emplace(schema::entity_name_key(prefix, key));
    if (!added) return found->second;
    kept = &found->second;
  }
  auto name = stored_display_name(shards, prefix, key);
  if (name.empty()) name = title_case(key);
  if (kept) *kept = name;
  return name;
}

std::string display_name(const std::vector<Xapian::Database>& shards, FacetField field, const std::string& key,
                         DisplayNameCache* cache) {
  return display_name(shards, slots_of(field).prefix, key, cache);
}

namespace {

constexpr OptionChoice<FacetField> facet_fields[] = {{"person", FacetField::person},
                                                     {"org", FacetField::org},
                                                     {"place", FacetField::place},
                                                     {"source", FacetField::source},
                                                     {"date", FacetField::date}};

}  // namespace

std::string_view facet_name(FacetField field) { return choice_name<FacetField>(field, facet_fields); }

std::vector<FacetField> parse_facet_fields(std::string_view list, DateGranularity* date_granularity) {
  std::vector<FacetField> fields;
  for (auto name : split(list, ',')) {
    if (name.empty()) continue;
    auto colon = name.find(':');
    auto field = parse_choice<FacetField>("facet", name.substr(0, colon), facet_fields);
    if (colon != std::string_view::npos) {
      if (field != FacetField::date)
        throw UsageError("facet '" + std::string(name) + "': only the date facet takes a granularity (date:week)");
      auto granularity = parse_date_granularity(name.substr(colon + 1));
      if (date_granularity) *date_granularity = granularity;
    }
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
  }
  return fields;
}

ValueCounts merge_counts(const std::vector<ValueCounts>& per_slot) {
  ValueCounts merged;
  for (const auto& counts : per_slot)
    for (const auto& [key, count] : counts) merged[key] += count;
  return merged;
}

std::vector<FacetValue> top_values(const ValueCounts& counts, std::size_t size) {
  std::vector<FacetValue> values;
  for (const auto& [key, count] : counts) values.push_back({key, key, count});
  auto by_count = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.key < b.key;
  };
  if (values.size() > size) {
    std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(size), values.end(), by_count);
    values.resize(size);
  } else {
    std::sort(values.begin(), values.end(), by_count);
  }
  return values;
}

std::string title_case(std::string_view key) {
  std::string out;
  bool word_start = true;
  Xapian::Utf8Iterator it(key.data(), key.size()), end;
  for (; it != end; ++it) {
    unsigned ch = *it;
    Xapian::Unicode::append_utf8(out, word_start ? Xapian::Unicode::toupper(ch) : ch);
    word_start = ch == ' ' || ch == '-';
  }
  return out;
}

// Counts the values of slots first, first+1, ... up to the first empty one. (Reading all of a
// document's values at once with values_begin() would be cheaper still, but the matcher reuses one
// document object for every candidate and would keep the first one's values.)
class FacetCollector::SlotRunSpy : public Xapian::MatchSpy {
 public:
  explicit SlotRunSpy(FacetSlots slots) : slots_(slots) {}
  void operator()(const Xapian::Document& document, double) override {
    ++seen_;
    for_each_value(document, slots_, [this](const std::string& value) { ++counts_[value]; });
  }
  const ValueCounts& counts() const { return counts_; }
  Xapian::doccount seen() const { return seen_; }

 private:
  FacetSlots slots_;
  ValueCounts counts_;
  Xapian::doccount seen_ = 0;
};

// Every value of a field's slots, by docid: starts_[did]..starts_[did + 1] index ids_, which index
// values_. Built from each slot's value stream in turn (sequential reads of the value chunks).
// Display names are read with the values, in one pass over the metadata keys: looking up the name
// of every value shown by every query was a twelfth of a batch search, and a batch process (one
// per benchmark run) shows each name about twice.
class FacetValueCache::Table {
 public:
  Table(const Xapian::Database& database, FacetSlots slots) {
    std::vector<std::pair<Xapian::docid, std::uint32_t>> entries;
    std::unordered_map<std::string, std::uint32_t> id_of;
    for (std::size_t i = 0; i < slots.count; ++i) {
      auto slot = slots.first + static_cast<Xapian::valueno>(i);
      for (auto it = database.valuestream_begin(slot); it != database.valuestream_end(slot); ++it) {
        auto [found, added] = id_of.try_emplace(*it, static_cast<std::uint32_t>(values_.size()));
        if (added) values_.push_back(*it);
        entries.emplace_back(it.get_docid(), found->second);
      }
    }
    number_in_string_order(entries);
    read_names(database, slots.prefix);
    starts_.assign(static_cast<std::size_t>(database.get_lastdocid()) + 2, 0);
    for (const auto& entry : entries) ++starts_[entry.first + 1];
    for (std::size_t i = 1; i < starts_.size(); ++i) starts_[i] += starts_[i - 1];
    ids_.resize(entries.size());
    auto next = starts_;
    for (const auto& [docid, id] : entries) ids_[next[docid]++] = id;
  }

  template <typename Visit>
  void for_each_value(Xapian::docid docid, const Visit& visit) const {
    if (docid + 1 >= starts_.size()) return;
    for (auto i = starts_[docid]; i < starts_[docid + 1]; ++i) visit(ids_[i]);
  }
  const std::string& value(std::uint32_t id) const { return values_[id]; }
  // Zeroed counters, one per value id, for one spy: lent and taken back, so that a batch of queries
  // allocates them once (and several spies may count at the same time).
  std::vector<Xapian::doccount> lend_counters() const {
    if (spare_counters_.empty()) return std::vector<Xapian::doccount>(values_.size(), 0);
    auto counters = std::move(spare_counters_.back());
    spare_counters_.pop_back();
    return counters;
  }
  // `used` lists every id whose counter is not zero.
  void take_back(std::vector<Xapian::doccount> counters, const std::vector<std::uint32_t>& used) const {
    for (auto id : used) counters[id] = 0;
    spare_counters_.push_back(std::move(counters));
  }

  // What display_name() gives.
  const std::string& name(std::uint32_t id) const {
    if (names_[id].empty()) names_[id] = title_case(values_[id]);  // no metadata name: values are never empty
    return names_[id];
  }

 private:
  std::vector<std::uint32_t> starts_, ids_;
  std::vector<std::string> values_;
  mutable std::vector<std::string> names_;  // by id: from the metadata, else title-cased when first shown
  mutable std::vector<std::vector<Xapian::doccount>> spare_counters_;

  // The metadata names "name:<prefix><value>" of the values, walking the keys and the values (both
  // in byte order) side by side.
  void read_names(const Xapian::Database& database, std::string_view prefix) {
    names_.assign(values_.size(), std::string());
    auto key_prefix = schema::entity_name_key(prefix, "");
    try {
      std::size_t id = 0;
      for (auto it = database.metadata_keys_begin(key_prefix); it != database.metadata_keys_end(key_prefix); ++it) {
        const std::string& key = *it;
        auto value = std::string_view(key).substr(key_prefix.size());
        while (id < values_.size() && std::string_view(values_[id]) < value) ++id;
        if (id == values_.size()) break;
        if (values_[id] == value) names_[id] = database.get_metadata(key);
      }
    } catch (const Xapian::UnimplementedError&) {  // the in-memory backend lists no keys: one by one
      for (std::size_t id = 0; id < values_.size(); ++id) names_[id] = database.get_metadata(key_prefix + values_[id]);
    }
  }

  // Renumbers the values so that ids compare as their strings do: ties between counts are then
  // broken by comparing ids.
  void number_in_string_order(std::vector<std::pair<Xapian::docid, std::uint32_t>>& entries) {
    std::vector<std::uint32_t> by_string(values_.size());
    std::iota(by_string.begin(), by_string.end(), 0);
    std::sort(by_string.begin(), by_string.end(), [this](auto a, auto b) { return values_[a] < values_[b]; });
    std::vector<std::uint32_t> new_id(values_.size());
    std::vector<std::string> sorted(values_.size());
    for (std::uint32_t i = 0; i < by_string.size(); ++i) {
      new_id[by_string[i]] = i;
      sorted[i] = std::move(values_[by_string[i]]);
    }
    values_ = std::move(sorted);
    for (auto& entry : entries) entry.second = new_id[entry.second];
  }
};

FacetValueCache::FacetValueCache(Xapian::Database database) : database_(std::move(database)) {}

FacetValueCache::~FacetValueCache() = default;

const FacetValueCache::Table& FacetValueCache::table(FacetField field) {
  auto& table = tables_[field];
  if (!table) table = std::make_unique<Table>(database_, slots_of(field));
  return *table;
}

// Counts the value ids of the matches from a cached table, in counters indexed by id (lent by the
// table), and lists the ids met: a query costs nothing per distinct value it does not meet.
class FacetCollector::CachedSpy : public Xapian::MatchSpy {
 public:
  explicit CachedSpy(const FacetValueCache::Table& table) : table_(table), counters_(table.lend_counters()) {}
  ~CachedSpy() override { table_.take_back(std::move(counters_), met_); }
  CachedSpy(const CachedSpy&) = delete;
  CachedSpy& operator=(const CachedSpy&) = delete;

  void operator()(const Xapian::Document& document, double) override {
    ++seen_;
    table_.for_each_value(document.get_docid(), [this](std::uint32_t id) {
      if (counters_[id]++ == 0) met_.push_back(id);
    });
  }

  Xapian::doccount seen() const { return seen_; }

  ValueCounts counts() const {
    ValueCounts out;
    for (auto id : met_) out.emplace(table_.value(id), counters_[id]);
    return out;
  }

  // What top_values(counts(), size) gives, with display names, without making a string for every
  // value met; sets `distinct` to the number of values met.
  std::vector<FacetValue> top(std::size_t size, std::size_t& distinct) const {
    distinct = met_.size();
    auto ids = met_;
    auto first = [this](std::uint32_t a, std::uint32_t b) {  // ids are in string order
      return counters_[a] != counters_[b] ? counters_[a] > counters_[b] : a < b;
    };
    auto shown = std::min(size, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(shown), ids.end(), first);
    std::vector<FacetValue> values;
    for (std::size_t i = 0; i < shown; ++i) values.push_back({table_.value(ids[i]), table_.name(ids[i]), counters_[ids[i]]});
    return values;
  }

 private:
  const FacetValueCache::Table& table_;
  std::vector<Xapian::doccount> counters_;  // by value id
  std::vector<std::uint32_t> met_;          // the ids with a counter above zero, as first met
  Xapian::doccount seen_ = 0;
};

FacetCollector::FacetCollector(std::vector<FacetField> fields, FacetValueCache& cache) : fields_(std::move(fields)) {
  for (auto field : fields_) {
    spies_.emplace_back();
    cached_spies_.push_back(std::make_unique<CachedSpy>(cache.table(field)));
  }
}

FacetCollector::FacetCollector(std::vector<FacetField> fields, bool local_spies) : fields_(std::move(fields)) {
  for (auto field : fields_) {
    auto slots = slots_of(field);
    auto& field_spies = spies_.emplace_back();
    if (local_spies) {
      local_spies_.push_back(std::make_unique<SlotRunSpy>(slots));
      continue;
    }
    for (std::size_t i = 0; i < slots.count; ++i)
      field_spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slots.first + static_cast<Xapian::valueno>(i)));
  }
}

FacetCollector::~FacetCollector() = default;

void FacetCollector::attach(Xapian::Enquire& enquire) {
  for (auto& spy : local_spies_) enquire.add_matchspy(spy.get());
  for (auto& spy : cached_spies_) enquire.add_matchspy(spy.get());
  for (auto& field_spies : spies_)
    for (auto& spy : field_spies) enquire.add_matchspy(spy.get());
}

ValueCounts FacetCollector::merged_counts(std::size_t f) const {
  std::vector<ValueCounts> per_slot;
  if (!local_spies_.empty()) per_slot.push_back(local_spies_[f]->counts());
  if (!cached_spies_.empty()) per_slot.push_back(cached_spies_[f]->counts());
  for (const auto& spy : spies_[f]) {
    auto& counts = per_slot.emplace_back();
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it) counts[*it] = it.get_termfreq();
  }
  return merge_counts(per_slot);
}

Xapian::doccount FacetCollector::documents_seen(std::size_t f) const {
  if (!local_spies_.empty()) return local_spies_[f]->seen();
  if (!cached_spies_.empty()) return cached_spies_[f]->seen();
  return spies_[f].empty() ? 0 : spies_[f].front()->get_total();  // every spy of a field sees every match
}

std::vector<Facet> FacetCollector::results(const std::vector<Xapian::Database>& shards, std::size_t size, bool exact,
                                           const DateBucketing& dates, DisplayNameCache* names) const {
  std::vector<Facet> facets;
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    if (fields_[f] == FacetField::date) {
      facets.push_back(date_facet(merged_counts(f), documents_seen(f), dates));
      facets.back().exact = exact;
      continue;
    }
    Facet facet;
    facet.field = fields_[f];
    facet.exact = exact;
    std::size_t distinct = 0;
    if (!cached_spies_.empty()) {
      facet.values = cached_spies_[f]->top(size, distinct);  // named by the cache
    } else {
      auto merged = merged_counts(f);
      facet.values = top_values(merged, size);
      distinct = merged.size();
      for (auto& value : facet.values) value.name = display_name(shards, fields_[f], value.key, names);
    }
    facet.other_values = distinct - facet.values.size();
    facets.push_back(std::move(facet));
  }
  return facets;
}

}  // namespace newsdex
