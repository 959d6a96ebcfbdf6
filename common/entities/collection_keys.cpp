#include "common/entities/collection_keys.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "common/base/text.hpp"
#include "common/entities/name_forms.hpp"

namespace newsdex::ner {
namespace {

constexpr std::array<EntityType, 3> entity_types = {EntityType::person, EntityType::organisation, EntityType::location};
using TypeCounts = std::array<std::size_t, 3>;

std::size_t index_of(EntityType type) { return static_cast<std::size_t>(type); }

std::size_t total(const TypeCounts& counts) { return counts[0] + counts[1] + counts[2]; }

bool holds_clear_majority(std::size_t part, std::size_t whole) {
  return whole > 0 && static_cast<double>(part) >= clear_majority * static_cast<double>(whole);
}

// The best of `candidates` (key -> articles) when it holds a clear majority of them; ties go to the
// alphabetically first key, so the answer never depends on the order evidence was read in.
const std::string* clear_winner(const std::map<std::string, std::size_t>& candidates) {
  const std::string* best = nullptr;
  std::size_t best_articles = 0, all = 0;
  for (const auto& [key, articles] : candidates) {
    all += articles;
    if (best == nullptr || articles > best_articles) best = &key, best_articles = articles;
  }
  return best != nullptr && holds_clear_majority(best_articles, all) ? best : nullptr;
}

// What the rules work on: every raw key's articles per type, and the resolution built so far.
class Resolver {
 public:
  explicit Resolver(const CollectionEvidence& evidence) : evidence_(evidence) {
    for (const auto& [name, articles] : evidence.keys) {
      if (name.type == EntityType::misc || name.key.empty()) continue;
      counts_[name.key][index_of(name.type)] += articles;
    }
    for (const auto& [key, counts] : counts_) {
      if (counts[index_of(EntityType::person)] > 0 && split_words(key).size() >= 2) full_names_.push_back(key);
    }
  }

  KeyResolution run() {
    decide_types();
    resolve_surnames();
    resolve_bare_place_names();
    resolve_acronyms();
    return closed();
  }

 private:
  // One type per key: the type of a clear majority of its articles.
  void decide_types() {
    for (const auto& [key, counts] : counts_) {
      const auto winner = type_of_key(key, counts);
      type_[key] = winner;
      if (winner == EntityType::misc) continue;
      for (const EntityType type : entity_types) {
        if (type != winner && counts[index_of(type)] > 0) map({type, key}, {winner, key});
      }
    }
  }

  EntityType type_of_key(const std::string& key, const TypeCounts& counts) const {
    const std::size_t person = counts[index_of(EntityType::person)], all = total(counts);
    auto best = [&](bool with_person) {
      EntityType winner = EntityType::misc;
      for (const EntityType type : entity_types) {
        if (type == EntityType::person && !with_person) continue;
        if (winner == EntityType::misc || counts[index_of(type)] > counts[index_of(winner)]) winner = type;
      }
      return winner;
    };
    // "Kestrelby" tagged as a person beside "Kestrelby Athletic": a one-word name no article writes after
    // a given name, listed as a place or organisation in a third of its articles, is not a person.
    if (person > 0 && person < all && split_words(key).size() == 1 && !has_full_name(key) &&
        3 * (all - person) >= all) {
      const EntityType winner = best(false);
      return holds_clear_majority(counts[index_of(winner)], all - person) ? winner : mixed_type(counts);
    }
    const EntityType winner = best(true);
    return holds_clear_majority(counts[index_of(winner)], all) ? winner : mixed_type(counts);
  }

  // No clear majority: every type stays (misc marks "no one type").
  static EntityType mixed_type(const TypeCounts& counts) {
    int types = 0;
    EntityType only = EntityType::misc;
    for (const EntityType type : entity_types) {
      if (counts[index_of(type)] > 0) ++types, only = type;
    }
    return types == 1 ? only : EntityType::misc;
  }

  bool has_full_name(const std::string& word) const {
    return std::any_of(full_names_.begin(), full_names_.end(), [&](const std::string& full) {
      return full.size() > word.size() + 1 && full.ends_with(word) && full[full.size() - word.size() - 1] == ' ';
    });
  }

  bool is_person(const std::string& key) const {
    auto it = type_.find(key);
    return it != type_.end() && it->second == EntityType::person;
  }

  // A surname (or any shorter ending of a full name: "de clercq") becomes the one full name of the
  // collection that ends with it, when that name holds a clear majority of the articles of all such
  // full names. Longer names are resolved first, so "otto poehl" and "karl otto poehl" count as one.
  void resolve_surnames() {
    std::vector<std::string> people;
    for (const auto& [key, type] : type_) {
      if (type == EntityType::person) people.push_back(key);
    }
    std::stable_sort(people.begin(), people.end(), [](const std::string& a, const std::string& b) {
      return split_words(a).size() > split_words(b).size();
    });
    // Ending (words) -> the full names with it.
    std::unordered_map<std::string, std::vector<std::string>> by_ending;
    for (const auto& key : people) {
      const auto words = split_words(key);
      for (std::size_t first = 1; first < words.size(); ++first)
        by_ending[join_words(words, first, words.size())].push_back(key);
    }
    for (const auto& key : people) {
      auto it = by_ending.find(key);
      if (it == by_ending.end()) continue;
      std::map<std::string, std::size_t> candidates;
      for (const auto& full : it->second) {
        const TypedKey target = final_name({EntityType::person, full});
        if (target.type == EntityType::person && target.key != key) candidates[target.key] += person_articles(full);
      }
      const std::string* winner = clear_winner(candidates);
      if (winner != nullptr && full_name_outweighs(candidates.at(*winner), person_articles(key)))
        map({EntityType::person, key}, {EntityType::person, *winner});
    }
  }

  // A full name seen in a few articles only does not claim a bare name used far more often: "mark" (the
  // currency, tagged as a person in 11 articles) is not Reuben Mark (1 article); "reagan" (446) is Ronald
  // Reagan (23).
  static bool full_name_outweighs(std::size_t full_articles, std::size_t bare_articles) {
    return full_articles >= established_name_articles || full_articles * surname_evidence_ratio >= bare_articles;
  }

  // "The Tembrel" tagged as a person: a one-word person the collection never writes after a given name,
  // that is the last word of a place it knows ("River Tembrel"), is that place when one place holds a
  // clear majority (the collection-wide form of the per-article "the Strip" -> "Gaza Strip").
  void resolve_bare_place_names() {
    std::unordered_map<std::string, std::map<std::string, std::size_t>> places_by_last_word;
    for (const auto& [key, type] : type_) {
      const auto words = split_words(key);
      if (type == EntityType::location && words.size() >= 2)
        places_by_last_word[words.back()][key] += counts_.at(key)[index_of(EntityType::location)];
    }
    for (const auto& [key, type] : type_) {
      if (type != EntityType::person || mapping_.count({EntityType::person, key}) || has_full_name(key)) continue;
      auto it = places_by_last_word.find(key);
      if (it == places_by_last_word.end()) continue;
      const std::string* winner = clear_winner(it->second);
      if (winner != nullptr && full_name_outweighs(it->second.at(*winner), person_articles(key)))
        map({EntityType::person, key}, {EntityType::location, *winner});
    }
  }

  std::size_t person_articles(const std::string& key) const {
    auto it = counts_.find(key);
    return it == counts_.end() ? 0 : it->second[index_of(EntityType::person)];
  }

  // An acronym becomes the name articles spell it out as, when one name holds a clear majority of
  // the pairings; every type the acronym was listed under goes there.
  void resolve_acronyms() {
    std::map<std::string, std::map<std::string, std::size_t>> pairings;
    for (const auto& [acronym, key, articles] : evidence_.acronyms) {
      if (!acronym.empty() && !key.empty() && acronym != key) pairings[acronym][key] += articles;
    }
    for (const auto& [acronym, candidates] : pairings) {
      auto counted = counts_.find(acronym);
      if (counted == counts_.end()) continue;  // never listed on its own: nothing to re-key
      std::map<std::string, std::size_t> targets;
      for (const auto& [key, articles] : candidates) {
        const TypedKey target = final_name({type_for(key), key});
        if (target.key != acronym && target.type != EntityType::person) targets[target.key] += articles;
      }
      const std::string* winner = clear_winner(targets);
      if (winner == nullptr) continue;
      const TypedKey target{type_for(*winner), *winner};
      for (const EntityType type : entity_types) {
        if (counted->second[index_of(type)] > 0) map({type, acronym}, target);
      }
    }
  }

  // The type a key's entries go to: its decided type, else the type most of its articles give it.
  EntityType type_for(const std::string& key) const {
    auto decided = type_.find(key);
    if (decided != type_.end() && decided->second != EntityType::misc) return decided->second;
    auto counted = counts_.find(key);
    if (counted == counts_.end()) return EntityType::organisation;
    EntityType best = EntityType::organisation;
    for (const EntityType type : entity_types) {
      if (counted->second[index_of(type)] > counted->second[index_of(best)]) best = type;
    }
    return best;
  }

  void map(const TypedKey& from, const TypedKey& to) {
    if (from != to) mapping_[from] = to;
  }

  // Where a name ends up after every step (a chain is followed; a loop, which the rules should never
  // make, stops where it would close).
  TypedKey final_name(TypedKey name) const {
    for (std::size_t step = 0; step < mapping_.size() + 1; ++step) {
      auto it = mapping_.find(name);
      if (it == mapping_.end()) break;
      name = it->second;
    }
    return name;
  }

  KeyResolution closed() const {
    KeyResolution resolution;
    for (const auto& [from, to] : mapping_) {
      TypedKey end = final_name(from);
      if (end != from) resolution.emplace(from, ResolvedName{std::move(end), {}});
    }
    return resolution;
  }

  const CollectionEvidence& evidence_;
  std::map<std::string, TypeCounts> counts_;
  std::vector<std::string> full_names_;
  std::map<std::string, EntityType> type_;  // misc: several types, none with a clear majority
  std::map<TypedKey, TypedKey> mapping_;
};

template <class AnyEntities>
auto* list_of(AnyEntities& entities, EntityType type) {
  using List = decltype(&entities.people);
  switch (type) {
    case EntityType::person:
      return &entities.people;
    case EntityType::organisation:
      return &entities.organisations;
    case EntityType::location:
      return &entities.places;
    default:
      return List{nullptr};
  }
}

char type_letter(EntityType type) { return type_code(type).front(); }  // P, O, L

std::optional<EntityType> type_from_letter(std::string_view letter) {
  for (const EntityType type : entity_types) {
    if (letter.size() == 1 && letter.front() == type_letter(type)) return type;
  }
  return std::nullopt;
}

}  // namespace

KeyResolution resolve_collection_keys(const CollectionEvidence& evidence) { return Resolver(evidence).run(); }

Entities apply_resolution(const Entities& own, const KeyResolution& resolution) {
  Entities resolved;
  resolved.acronyms = own.acronyms;
  std::map<TypedKey, std::size_t> placed;  // canonical name -> its index in its list
  for (const EntityType type : entity_types) {
    for (const Entity& entity : *list_of(own, type)) {
      Entity renamed = entity;
      TypedKey name{type, entity.key};
      if (auto it = resolution.find(name); it != resolution.end()) {
        name = it->second.name;
        renamed.key = name.key;
        if (!it->second.display.empty()) renamed.name = it->second.display;
      }
      auto* list = list_of(resolved, name.type);
      if (list == nullptr) continue;
      auto [at, inserted] = placed.try_emplace(name, list->size());
      if (inserted)
        list->push_back(std::move(renamed));
      else
        (*list)[at->second].mentions += renamed.mentions;
    }
  }
  for (const EntityType type : entity_types) {
    auto* list = list_of(resolved, type);
    std::stable_sort(list->begin(), list->end(),
                     [](const Entity& a, const Entity& b) { return a.mentions > b.mentions; });
  }
  return resolved;
}

// One line per entry: type letter, key, type letter, key, display name, separated by tabs. Keys and
// names never hold a tab or a line end (collapse_whitespace made them).
std::string serialise_resolution(const KeyResolution& resolution) {
  std::string text;
  for (const auto& [from, to] : resolution) {
    text += type_letter(from.type);
    text += '\t' + from.key + '\t';
    text += type_letter(to.name.type);
    text += '\t' + to.name.key + '\t' + to.display + '\n';
  }
  return text;
}

KeyResolution parse_resolution(std::string_view text) {
  KeyResolution resolution;
  for (const auto& line : split(text, '\n')) {
    const auto fields = split(line, '\t');
    if (fields.size() != 5) continue;
    const auto from_type = type_from_letter(fields[0]), to_type = type_from_letter(fields[2]);
    if (!from_type || !to_type || fields[1].empty() || fields[3].empty()) continue;
    resolution[{*from_type, std::string(fields[1])}] = {{*to_type, std::string(fields[3])}, std::string(fields[4])};
  }
  return resolution;
}

}  // namespace newsdex::ner
