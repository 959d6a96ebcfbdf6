#include "common/store/shard_routing.hpp"

#include "common/base/hashing.hpp"

namespace newsdex {

std::size_t shard_of(std::string_view key, std::size_t shards) {
  if (shards <= 1) return 0;
  return static_cast<std::size_t>(fnv1a64(key) % shards);
}

Xapian::docid collection_docid(ShardDocid local, std::size_t shards) {
  return static_cast<Xapian::docid>((local.docid - 1) * shards + local.shard + 1);
}

ShardDocid shard_docid(Xapian::docid collection, std::size_t shards) {
  return {static_cast<std::size_t>((collection - 1) % shards),
          static_cast<Xapian::docid>((collection - 1) / shards + 1)};
}

}  // namespace newsdex
