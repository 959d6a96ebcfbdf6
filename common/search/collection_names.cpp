#include "common/search/collection_names.hpp"

#include "common/search/facets.hpp"
#include "common/store/schema.hpp"

namespace newsdex {

const std::string& CollectionNames::name_of(std::string_view prefix, const std::string& key) const {
  auto term = schema::boolean_term(prefix, key);
  auto known = names_.find(term);
  if (known == names_.end()) known = names_.emplace(term, display_name(shards_, prefix, key, cache_)).first;
  return known->second;
}

Entities CollectionNames::operator()(const Entities& stored) const {
  Entities named = curation_.empty() ? stored : curation_.apply(stored).entities;
  for (auto [list, prefix] :
       {std::pair{&named.people, schema::person_prefix}, std::pair{&named.organisations, schema::org_prefix},
        std::pair{&named.places, schema::place_prefix}})
    for (auto& entity : *list) entity.name = name_of(prefix, entity.key);
  return named;
}

}  // namespace newsdex
