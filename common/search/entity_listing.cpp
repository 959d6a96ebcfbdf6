#include "common/search/entity_listing.hpp"

#include <algorithm>
#include <map>

#include "common/base/errors.hpp"
#include "common/search/facets.hpp"
#include "common/store/curation.hpp"
#include "common/store/database.hpp"
#include "common/store/shards.hpp"
#include "common/store/stored_article.hpp"
#include "common/store/stored_data.hpp"
#include "common/store/xapian_errors.hpp"

namespace newsdex {
namespace {

using schema::EntityType;
using TypedKey = std::pair<EntityType, std::string>;

// Counts each article once per entry, however many of its entities fall in it.
struct ArticleCount {
  std::size_t articles = 0;
  Xapian::docid last = 0;
  void add(Xapian::docid docid) {
    if (docid != last) ++articles, last = docid;
  }
};

struct Tally {
  ArticleCount count;
  std::map<std::string, ArticleCount> variants;
};

// Every curated entity of every article: what the index's entity terms hold.
std::map<TypedKey, Tally> tally_entities(const Xapian::Database& db, DataUnpacker& unpacker, const Curation& curation,
                                         std::size_t& articles_read) {
  std::map<TypedKey, Tally> tallies;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    ++articles_read;
    auto article = article_from_stored_data(unpacker.unpack(db.get_document(*it).get_data()));
    for (const auto& entity : curation.curate_each(article.entities)) {
      if (!entity.kept || entity.key.empty()) continue;
      // The key as the term holds it (a very long one is cut, as schema::boolean_term cuts it).
      auto& tally = tallies[{entity.type, schema::boolean_term("", entity.key)}];
      tally.count.add(*it);
      tally.variants[entity.from->name].add(*it);
    }
  }
  return tallies;
}

ListedEntity listed(const std::vector<Xapian::Database>& shards, const std::map<TypedKey, Tally>& tallies, const TypedKey& typed_key,
                    const Tally& tally) {
  const auto& [type, key] = typed_key;
  ListedEntity entity{type,
                      key,
                      display_name(shards, schema::entity_fields[static_cast<std::size_t>(type)].prefix, key),
                      tally.count.articles,
                      {},
                      {}};
  for (const auto& [name, count] : tally.variants) entity.variants.push_back({name, count.articles});
  std::stable_sort(entity.variants.begin(), entity.variants.end(),
                   [](const EntityVariant& a, const EntityVariant& b) { return a.articles > b.articles; });
  for (const auto& field : schema::entity_fields)
    if (auto other = tallies.find({field.type, key}); field.type != type && other != tallies.end())
      entity.other_types.emplace_back(field.type, other->second.count.articles);
  return entity;
}

EntityListing list(const std::vector<std::string>& paths, std::optional<EntityType> only, std::size_t limit) {
  auto shards = open_shards(paths);
  const auto& db = shards.combined;
  DataUnpacker unpacker(db, shards.shards);
  auto curation = load_curation(db);
  EntityListing listing;
  listing.type = only;
  listing.limit = limit;
  listing.curation_rules = curation.rules().size();
  auto tallies = tally_entities(db, unpacker, curation, listing.articles_read);
  std::vector<const std::pair<const TypedKey, Tally>*> chosen;
  for (const auto& entry : tallies)
    if (!only || entry.first.first == *only) chosen.push_back(&entry);
  // Most articles first; equal counts in the map's order: by type, then key.
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const auto* a, const auto* b) { return a->second.count.articles > b->second.count.articles; });
  listing.total = chosen.size();
  for (std::size_t i = 0; i < chosen.size() && i < limit; ++i)
    listing.entities.push_back(listed(shards.shards, tallies, chosen[i]->first, chosen[i]->second));
  return listing;
}

}  // namespace

EntityListing list_entities(const std::vector<std::string>& database_paths, std::optional<EntityType> only,
                            std::size_t limit) {
  return with_newsdex_errors(DatabaseWork::searching, [&] {
    constexpr int attempts = 5;
    for (int attempt = 1;; ++attempt) {
      try {
        return list(database_paths, only, limit);
      } catch (const Xapian::DatabaseModifiedError&) {
        // An indexer committed twice while the articles were read: read them again, at the new revision.
        if (attempt == attempts) throw DatabaseError(ExitCode::io_error, "the database kept changing while being read");
      }
    }
  });
}

}  // namespace newsdex
