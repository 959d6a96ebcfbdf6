// A database's curation (docs/entities.md, "Curation"): the rules of a curation file applied to an
// article's entities as extracted. The extracted lists stay in each document's data; the entity
// terms, facet slots and what a search shows are the curated lists, so the curation can be changed
// or removed again without reading the articles. Applying it is pure.
#pragma once
#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/base/article.hpp"
#include "common/store/curation_file.hpp"

namespace newsdex {

// What curation makes of one extracted entity of an article.
struct CuratedEntity {
  schema::EntityType from_type;
  const Entity* from = nullptr;  // the extracted entity
  bool kept = true;              // false: stopped
  schema::EntityType type;       // the type, key and name it has after curation
  std::string key, name;
  std::vector<std::size_t> rules;  // the rules that changed it (indexes into Curation::rules())
};

struct CuratedArticle {
  Entities entities;                       // the curated lists: one entry per key and type, most mentioned first
  std::vector<std::size_t> rules_applied;  // the rules (indexes into Curation::rules()) that changed something
  bool changed = false;                    // entities differs from the extracted lists
};

class Curation {
 public:
  Curation() = default;
  explicit Curation(std::vector<CurationRule> rules);

  bool empty() const { return rules_.empty(); }
  const std::vector<CurationRule>& rules() const { return rules_; }

  // Each extracted entity, in list order (people, organisations, places), with what it becomes.
  std::vector<CuratedEntity> curate_each(const Entities& extracted) const;
  // The article's lists as curated. A list no rule touches is returned as it is; a list a rule
  // touched has each key once (mentions added up, the name a rule gave, else the most mentioned
  // written form) and is ordered by mentions, most first.
  CuratedArticle apply(const Entities& extracted) const;

 private:
  struct Match {
    std::size_t rule;
    std::string target_key;  // a rename's or split's new key
  };
  // Rules of one kind by the key of the name they apply to.
  using RulesByKey = std::unordered_multimap<std::string, Match>;

  const Match* find(const RulesByKey& rules, schema::EntityType type, const std::string& key) const;
  bool applies_to(const CurationRule& rule, schema::EntityType type) const;

  std::vector<CurationRule> rules_;
  RulesByKey stops_, renames_, splits_, types_;
};

// The curation kept in the database's metadata (schema::curation_key): the text of the curation file
// last applied. Empty when none was. Throws DatabaseError when the stored text no longer parses.
std::string stored_curation_text(const Xapian::Database& db);
Curation load_curation(const Xapian::Database& db);

}  // namespace newsdex
