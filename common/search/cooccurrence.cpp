#include "common/search/cooccurrence.hpp"

#include <algorithm>
#include <tuple>

#include "common/base/errors.hpp"
#include "common/base/option_choices.hpp"
#include "common/base/option_numbers.hpp"
#include "common/base/text.hpp"

namespace newsdex {
namespace {

constexpr OptionChoice<FacetField> entity_types[] = {
    {"person", FacetField::person}, {"org", FacetField::org}, {"place", FacetField::place}};

// Where a type sorts in a pair: person, org, place.
int type_order(FacetField type) { return static_cast<int>(type); }

}  // namespace

std::vector<FacetField> parse_cooccurrence_types(std::string_view list) {
  if (list == "all") return {FacetField::person, FacetField::org, FacetField::place};
  std::vector<FacetField> types;
  for (auto name : split(list, ',')) {
    if (name.empty()) continue;
    if (std::none_of(std::begin(entity_types), std::end(entity_types), [&](auto& c) { return c.name == name; }))
      throw UsageError(unknown_choice_message("--cooccurrence entity type", name, {"person", "org", "place", "all"}));
    auto type = parse_choice<FacetField>("--cooccurrence entity type", name, entity_types);
    if (std::find(types.begin(), types.end(), type) == types.end()) types.push_back(type);
  }
  if (types.empty()) throw UsageError("--cooccurrence: name the entity types (person, org, place) or all");
  std::sort(types.begin(), types.end(), [](auto a, auto b) { return type_order(a) < type_order(b); });
  return types;
}

std::size_t parse_pair_limit(std::string_view option, std::string_view text) {
  if (text == "all") return max_pair_limit;
  return parse_count(option, text, {1, static_cast<double>(max_pair_limit)});
}

void PairCounter::add(FacetField type, std::string_view key) {
  lookup_.assign(1, static_cast<char>('0' + type_order(type)));
  lookup_.append(key);
  auto [found, added] = ids_.try_emplace(lookup_, static_cast<std::uint32_t>(entities_.size()));
  if (added) entities_.push_back({type, std::string(key)});
  article_.push_back(found->second);
}

void PairCounter::end_article() {
  ++articles_;
  std::sort(article_.begin(), article_.end());
  article_.erase(std::unique(article_.begin(), article_.end()), article_.end());
  for (std::size_t i = 0; i < article_.size(); ++i)
    for (std::size_t j = i + 1; j < article_.size(); ++j)
      ++pairs_[static_cast<std::uint64_t>(article_[i]) << 32 | article_[j]];
}

bool PairCounter::before(std::uint32_t a, std::uint32_t b) const {
  const auto &x = entities_[a], &y = entities_[b];
  return std::tie(x.type, x.key) < std::tie(y.type, y.key);
}

std::vector<EntityPair> PairCounter::top(std::size_t limit, std::size_t& distinct) const {
  struct Counted {
    std::uint32_t a, b;  // a before b
    Xapian::doccount articles;
  };
  std::vector<Counted> all;
  all.reserve(pairs_.size());
  for (const auto& [ids, articles] : pairs_) {
    auto a = static_cast<std::uint32_t>(ids >> 32), b = static_cast<std::uint32_t>(ids);
    if (before(b, a)) std::swap(a, b);
    all.push_back({a, b, articles});
  }
  auto first = [this](const Counted& x, const Counted& y) {
    if (x.articles != y.articles) return x.articles > y.articles;
    if (x.a != y.a) return before(x.a, y.a);
    return before(x.b, y.b);
  };
  auto shown = std::min(limit, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(shown), all.end(), first);
  distinct = all.size();
  std::vector<EntityPair> pairs;
  pairs.reserve(shown);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto &a = entities_[all[i].a], &b = entities_[all[i].b];
    pairs.push_back({{a.type, a.key, a.key}, {b.type, b.key, b.key}, all[i].articles});
  }
  return pairs;
}

void CooccurrenceSpy::operator()(const Xapian::Document& document, double) {
  counter_.begin_article();
  for (auto type : types_)
    for_each_value(document, slots_of(type), [&](const std::string& key) { counter_.add(type, key); });
  counter_.end_article();
}

Cooccurrence CooccurrenceSpy::results(const std::vector<Xapian::Database>& shards, std::size_t limit) const {
  Cooccurrence out;
  out.types = types_;
  out.articles = counter_.articles();
  std::size_t distinct = 0;
  out.pairs = counter_.top(limit, distinct);
  out.other_pairs = distinct - out.pairs.size();
  std::unordered_map<std::string, std::string> names;  // an entity is in many pairs: one look-up each
  auto name = [&](PairedEntity& entity) {
    auto lookup = std::string(facet_name(entity.type)) + ':' + entity.key;
    auto [found, added] = names.try_emplace(lookup);
    if (added) found->second = display_name(shards, entity.type, entity.key);
    entity.name = found->second;
  };
  for (auto& pair : out.pairs) {
    name(pair.a);
    name(pair.b);
  }
  return out;
}

}  // namespace newsdex
