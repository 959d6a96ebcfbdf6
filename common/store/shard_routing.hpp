// Which shard of a sharded collection holds what (docs/schema.md, "Sharded collections"): an article
// by a stable hash of its id (the key of its id term and of the file records), a spelling word by a
// hash of the word, and the collection's document numbers as Xapian numbers several databases opened
// as one (interleaved: shard k of n holds numbers k+1, k+1+n, ...). Pure functions.
#pragma once
#include <xapian.h>

#include <cstddef>
#include <string_view>

namespace newsdex {

// 0 .. shards-1; the same for the same key on every platform and run (FNV-1a, common/base/hashing).
std::size_t shard_of(std::string_view key, std::size_t shards);

struct ShardDocid {
  std::size_t shard = 0;
  Xapian::docid docid = 0;  // within the shard
};

// The document number of the collection opened as one, and back.
Xapian::docid collection_docid(ShardDocid local, std::size_t shards);
ShardDocid shard_docid(Xapian::docid collection, std::size_t shards);

}  // namespace newsdex
