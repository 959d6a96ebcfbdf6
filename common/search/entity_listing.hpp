// The collection's entities for review (newsdex-search --entities, docs/search.md): each key of each
// type with its display name, its number of articles, the written forms the articles give it and the
// other types the same key has, so that a user can see what to correct in a curation file.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/store/schema.hpp"

namespace newsdex {

struct EntityVariant {
  std::string name;  // a name an article gives it, as extracted (before curation)
  std::size_t articles = 0;
};

struct ListedEntity {
  schema::EntityType type;
  std::string key, name;                // name: the display name (the index's, as facets show it)
  std::size_t articles = 0;             // what the filter `person:<key>` (etc.) finds
  std::vector<EntityVariant> variants;  // most articles first
  std::vector<std::pair<schema::EntityType, std::size_t>> other_types;  // the same key as another type: articles
};

struct EntityListing {
  std::optional<schema::EntityType> type;  // the type asked for (none: all three)
  std::size_t limit = 0;                   // the most entities asked for (SIZE_MAX: all)
  std::size_t articles_read = 0;
  std::size_t curation_rules = 0;      // of the database's curation (0: none)
  std::size_t total = 0;               // entities of the type asked for, before the limit
  std::vector<ListedEntity> entities;  // most articles first (then by key), at most `limit`
};

// Reads every article's stored entities and applies the database's curation, so the counts are those
// of the entity filters and the names those of the facets. `only`: one type, or all three.
EntityListing list_entities(const std::vector<std::string>& database_paths, std::optional<schema::EntityType> only,
                            std::size_t limit);

}  // namespace newsdex
