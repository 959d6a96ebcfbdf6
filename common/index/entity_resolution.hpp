// The collection-wide entity resolution step of an index run (docs/entities.md, "Across the
// collection"): counts what the database's articles say about each raw entity key, decides the
// canonical names (common/entities/collection_keys.hpp) and re-keys only the articles whose names
// change. Run at the end of every run, so a later article that supplies a full name or an acronym's
// expansion fixes the earlier ones; a run that changed nothing finds nothing to do.
#pragma once

#include <xapian.h>

#include <cstddef>

#include "common/entities/collection_keys.hpp"
#include "common/index/writer.hpp"

namespace newsdex {

// The resolution the database's documents were last keyed with (empty for a new database).
ner::KeyResolution stored_entity_resolution(const Xapian::Database& db);

// Every raw key with its articles per type, and every acronym pairing with its articles, read from
// the term lists (the XR... terms of docs/schema.md): no document is opened.
ner::CollectionEvidence collection_evidence(const Xapian::Database& db);

struct ResolutionCounts {
  std::size_t names = 0;    // raw names with a canonical name other than their own
  std::size_t changed = 0;  // raw names whose canonical name this run changed
  std::size_t rekeyed = 0;  // documents rewritten
  bool wrote = false;       // the database changed (documents or the stored resolution)
};

// Decides the resolution from the whole collection (every shard) and applies what changed through
// `writer`, which re-keys each document in its own shard.
ResolutionCounts resolve_collection_entities(ShardWriters& shards, IndexWriter& writer);

}  // namespace newsdex
