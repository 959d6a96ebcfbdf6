// `newsdex-index compact`: compacting a database on its own, outside an index run. The work is
// common/store/compaction.hpp's (the next version written beside the current one, the stub switched
// by rename: killed at any moment, the database is the old one or the new one, whole).
#pragma once
#include <cstdint>
#include <string>

namespace newsdex {

struct CompactionResult {
  std::uint64_t bytes_before = 0, bytes_after = 0;
};

// Throws DatabaseError: no database at `db_path` (exit 3, nothing created), locked by another writer
// (exit 4; wait=true waits), or it could not be read or written (exit 5, the database unchanged).
CompactionResult compact_database(const std::string& db_path, bool wait);

}  // namespace newsdex
