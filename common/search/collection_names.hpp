// An article's entities as the collection names them, for whatever shows one article (a hit, --show):
// the database's curation applied, and each name the display name the facets show for its key ("Zoë
// Marchetti" where the article wrote "Zoe"), so that a result, its facets and its filters agree.
#pragma once

#include <xapian.h>

#include <map>
#include <string>

#include "common/base/article.hpp"
#include "common/store/curation.hpp"

namespace newsdex {

class CollectionNames {
 public:
  CollectionNames(const Xapian::Database& database, const Curation& curation)
      : database_(database), curation_(curation) {}

  Entities operator()(const Entities& stored) const;

 private:
  const std::string& name_of(std::string_view prefix, const std::string& key) const;

  const Xapian::Database& database_;
  const Curation& curation_;
  mutable std::map<std::string, std::string, std::less<>> names_;  // facet term -> display name, as read
};

}  // namespace newsdex
