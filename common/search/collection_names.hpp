// An article's entities as the collection names them, for whatever shows one article (a hit, --show):
// the database's curation applied, and each name the display name the facets show for its key ("Zoë
// Marchetti" where the article wrote "Zoe"), so that a result, its facets and its filters agree.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "common/base/article.hpp"
#include "common/search/facets.hpp"
#include "common/store/curation.hpp"

namespace newsdex {

class CollectionNames {
 public:
  // `shards`: the databases each on its own (display names are asked of every shard, facets.hpp);
  // `cache`: the searcher's names of this revision, when there is one.
  CollectionNames(const std::vector<Xapian::Database>& shards, const Curation& curation,
                  DisplayNameCache* cache = nullptr)
      : shards_(shards), curation_(curation), cache_(cache) {}

  Entities operator()(const Entities& stored) const;

 private:
  const std::string& name_of(std::string_view prefix, const std::string& key) const;

  const std::vector<Xapian::Database>& shards_;
  const Curation& curation_;
  DisplayNameCache* cache_;
  mutable std::map<std::string, std::string, std::less<>> names_;  // facet term -> display name, as read
};

}  // namespace newsdex
