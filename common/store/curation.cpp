#include "common/store/curation.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "common/base/errors.hpp"
#include "common/base/text.hpp"
#include "common/store/document.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

using schema::EntityType;

constexpr EntityType entity_types[] = {EntityType::person, EntityType::organisation, EntityType::place};

// The entities an article names, by type and key, for split rules' "by": as extracted, and under
// the names renames give them.
using ArticleKeys = std::set<std::pair<EntityType, std::string>>;

bool names_key(const ArticleKeys& keys, const std::optional<EntityType>& type, const std::string& key) {
  if (type) return keys.count({*type, key}) > 0;
  return std::any_of(entity_types, std::end(entity_types), [&](EntityType t) { return keys.count({t, key}) > 0; });
}

// One key of a curated list while it is made: the entities that became it.
struct Group {
  std::string key, name;
  int mentions = 0, name_mentions = -1;
  bool named_by_rule = false;
};

void add_to(std::vector<Group>& groups, const CuratedEntity& entity) {
  auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.key == entity.key; });
  if (it == groups.end()) it = groups.insert(groups.end(), Group{entity.key, {}, 0, -1, false});
  it->mentions += entity.from->mentions;
  bool by_rule = entity.name != entity.from->name;
  // The name a rule gave wins; else the written form with the most mentions (the first of equals).
  if ((by_rule && !it->named_by_rule) || (by_rule == it->named_by_rule && entity.from->mentions > it->name_mentions)) {
    it->name = entity.name;
    it->name_mentions = entity.from->mentions;
    it->named_by_rule = by_rule;
  }
}

}  // namespace

Curation::Curation(std::vector<CurationRule> rules) : rules_(std::move(rules)) {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const auto& rule = rules_[i];
    auto key = fold_key(rule.names.front());
    switch (rule.verb) {
      case CurationVerb::stop:
        stops_.emplace(key, Match{i, {}});
        break;
      case CurationVerb::type:
        types_.emplace(key, Match{i, {}});
        break;
      case CurationVerb::split:
        splits_.emplace(key, Match{i, fold_key(rule.target)});
        break;
      case CurationVerb::alias:
        renames_.emplace(key, Match{i, fold_key(rule.target)});
        break;
      case CurationVerb::merge:  // every name but the first (the one kept) becomes the first
        for (std::size_t n = 1; n < rule.names.size(); ++n)
          renames_.emplace(fold_key(rule.names[n]), Match{i, fold_key(rule.target)});
        break;
    }
  }
}

bool Curation::applies_to(const CurationRule& rule, EntityType type) const {
  // A type rule's type is the one it gives: it applies to the name under any type.
  return rule.verb == CurationVerb::type || !rule.type || *rule.type == type;
}

const Curation::Match* Curation::find(const RulesByKey& rules, EntityType type, const std::string& key) const {
  const Match* found = nullptr;
  auto [begin, end] = rules.equal_range(key);
  for (auto it = begin; it != end; ++it)
    if (applies_to(rules_[it->second.rule], type) && (!found || it->second.rule < found->rule)) found = &it->second;
  return found;
}

std::vector<CuratedEntity> Curation::curate_each(const Entities& extracted) const {
  ArticleKeys keys;
  for (auto type : entity_types)
    for (const auto& entity : entities_of(extracted, type)) {
      keys.insert({type, entity.key});
      if (const auto* rename = find(renames_, type, entity.key)) keys.insert({type, rename->target_key});
    }
  std::vector<CuratedEntity> curated;
  for (auto type : entity_types) {
    for (const auto& entity : entities_of(extracted, type)) {
      auto& c = curated.emplace_back(CuratedEntity{type, &entity, true, type, entity.key, entity.name, {}});
      auto stopped = [&] {
        const auto* stop = find(stops_, c.type, c.key);
        if (stop) c.kept = false, c.rules.push_back(stop->rule);
        return stop != nullptr;
      };
      if (stopped()) continue;
      // A split whose "by" entity the article names, else a rename (alias or merge).
      const Match* rename = nullptr;
      auto [begin, end] = splits_.equal_range(entity.key);
      for (auto it = begin; it != end; ++it) {
        const auto& rule = rules_[it->second.rule];
        if (applies_to(rule, type) && names_key(keys, rule.context_type, fold_key(rule.context)) &&
            (!rename || it->second.rule < rename->rule))
          rename = &it->second;
      }
      if (!rename) rename = find(renames_, type, entity.key);
      if (rename && (rename->target_key != c.key || rules_[rename->rule].target != c.name)) {
        c.key = rename->target_key;
        c.name = rules_[rename->rule].target;
        c.rules.push_back(rename->rule);
      }
      if (const auto* retype = find(types_, c.type, c.key); retype && *rules_[retype->rule].type != c.type) {
        c.type = *rules_[retype->rule].type;
        c.rules.push_back(retype->rule);
      }
      if (!c.rules.empty()) stopped();  // the name or type it now has may be on the stop list
    }
  }
  return curated;
}

CuratedArticle Curation::apply(const Entities& extracted) const {
  CuratedArticle result;
  if (empty()) {
    result.entities = extracted;
    return result;
  }
  auto curated = curate_each(extracted);
  bool touched[std::size(entity_types)] = {};
  std::set<std::size_t> applied;
  for (const auto& c : curated) {
    if (c.rules.empty()) continue;
    touched[static_cast<std::size_t>(c.from_type)] = touched[static_cast<std::size_t>(c.type)] = true;
    applied.insert(c.rules.begin(), c.rules.end());
  }
  for (auto type : entity_types) {
    auto& list = entities_of(result.entities, type);
    if (!touched[static_cast<std::size_t>(type)]) {
      list = entities_of(extracted, type);
      continue;
    }
    std::vector<Group> groups;
    for (const auto& c : curated)
      if (c.kept && c.type == type) add_to(groups, c);
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group& a, const Group& b) { return a.mentions > b.mentions; });
    for (auto& group : groups) list.push_back({std::move(group.name), std::move(group.key), group.mentions});
  }
  result.rules_applied.assign(applied.begin(), applied.end());
  result.changed = !applied.empty();
  return result;
}

std::string stored_curation_text(const Xapian::Database& db) {
  return db.get_metadata(std::string(schema::curation_key));
}

Curation load_curation(const Xapian::Database& db) {
  auto text = stored_curation_text(db);
  if (text.empty()) return {};
  try {
    return Curation(parse_curation(text, "the curation stored in the database"));
  } catch (const UsageError& e) {
    throw DatabaseError(ExitCode::io_error,
                        std::string(e.what()) + " (apply a corrected curation file with newsdex-index --curate)");
  }
}

}  // namespace newsdex
