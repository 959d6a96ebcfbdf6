// `newsdex-index compact`, `merge` and `shards`: compacting a database or merging a sharded collection
// on its own, outside an index run, and listing the shards. The work is
// common/store/compaction.hpp's (the next version written beside the current one, the stub switched
// by rename: killed at any moment, the database is the old one or the new one, whole).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace newsdex {

struct CompactionResult {
  std::uint64_t bytes_before = 0, bytes_after = 0;
};

// Throws DatabaseError: no database at `db_path` (exit 3, nothing created), locked by another writer
// (exit 4; wait=true waits), or it could not be read or written (exit 5, the database unchanged).
CompactionResult compact_database(const std::string& db_path, bool wait);

// `newsdex-index merge`: a sharded collection made one database (the shards compacted together into the
// next version; the shards stay until it is complete). The same errors; a database that is one already
// is left as it is (bytes_before == bytes_after).
CompactionResult merge_database(const std::string& db_path, bool wait);

// `newsdex-index shards`: each database of the collection (one, or each shard), in the stub's order.
struct ShardDescription {
  std::string path;
  std::uint64_t articles = 0, bytes = 0;
};
std::vector<ShardDescription> describe_shards(const std::string& db_path);

}  // namespace newsdex
