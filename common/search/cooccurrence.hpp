// Co-occurrence: for the articles matching a query, how many name each pair of entities together
// (people, organisations, places), counted exactly over every match, so that a network can be drawn
// from it. Counted during the match by a spy that reads each matching article's entity value slots
// (as the local facet spies do: no stored data is read), keeping one counter per distinct pair;
// docs/search.md, "Co-occurrence".
#pragma once
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/search/facets.hpp"

namespace newsdex {

inline constexpr std::size_t default_pair_limit = 100;
inline constexpr std::size_t max_pair_limit = 100'000'000;

struct CooccurrenceRequest {
  std::vector<FacetField> types;           // among person, org, place
  std::size_t limit = default_pair_limit;  // pairs listed, most articles first
};

// "all" (person, org and place) or a comma list of them; throws UsageError naming a bad one.
std::vector<FacetField> parse_cooccurrence_types(std::string_view list);
// A number from 1 to max_pair_limit, or "all"; throws UsageError naming `option`.
std::size_t parse_pair_limit(std::string_view option, std::string_view text);

struct PairedEntity {
  FacetField type = FacetField::person;
  std::string key, name;  // the normalised key, and the display name (as facets show it)
  bool operator==(const PairedEntity&) const = default;
};

// Two entities named in the same articles. `a` comes before `b` by type (person, org, place), then
// by key; an article counts once for a pair, whatever its mentions.
struct EntityPair {
  PairedEntity a, b;
  Xapian::doccount articles = 0;
  bool operator==(const EntityPair&) const = default;
};

struct Cooccurrence {
  std::vector<FacetField> types;
  std::vector<EntityPair> pairs;  // most articles first; ties by a, then b
  std::size_t other_pairs = 0;    // distinct pairs left out by the limit
  Xapian::doccount articles = 0;  // matching articles looked at
};

// Counts pairs article by article, without Xapian: begin_article(), add() each entity, end_article().
// An entity added twice to one article counts once. Pure, so that it is tested on its own.
class PairCounter {
 public:
  void begin_article() { article_.clear(); }
  void add(FacetField type, std::string_view key);
  void end_article();

  // The `limit` pairs with the most articles (ties as EntityPair says), named by their keys; sets
  // `distinct` to the number of distinct pairs.
  std::vector<EntityPair> top(std::size_t limit, std::size_t& distinct) const;
  Xapian::doccount articles() const { return articles_; }

 private:
  struct Known {
    FacetField type;
    std::string key;
  };
  bool before(std::uint32_t a, std::uint32_t b) const;         // by type, then key
  std::vector<Known> entities_;                                // by id
  std::unordered_map<std::string, std::uint32_t> ids_;         // type letter + key -> id
  std::unordered_map<std::uint64_t, Xapian::doccount> pairs_;  // smaller id << 32 | larger id -> articles
  std::vector<std::uint32_t> article_;                         // ids of the article being added
  std::string lookup_;                                         // reused for the id look-up key
  Xapian::doccount articles_ = 0;
};

// The match spy: each matching article's entities of the types asked for, from their value slots.
// Our own spy, so it cannot run on a remote database (xapian-tcpsrv).
class CooccurrenceSpy : public Xapian::MatchSpy {
 public:
  explicit CooccurrenceSpy(std::vector<FacetField> types) : types_(std::move(types)) {}
  void operator()(const Xapian::Document& document, double) override;
  // The pairs, with display names from `database` (facets.hpp: display_name).
  Cooccurrence results(const std::vector<Xapian::Database>& shards, std::size_t limit) const;  // names from every shard

 private:
  std::vector<FacetField> types_;
  PairCounter counter_;
};

}  // namespace newsdex
