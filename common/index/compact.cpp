#include "common/index/compact.hpp"

#include <filesystem>

#include "common/base/errors.hpp"
#include "common/index/stats.hpp"
#include "common/store/compaction.hpp"
#include "common/store/database.hpp"
#include "common/store/database_folder.hpp"
#include "common/store/xapian_errors.hpp"

namespace newsdex {

namespace {

void check_exists(const std::string& db_path) {
  using database_folder::Layout;
  auto layout = database_folder::inspect(db_path).layout;
  if (layout == Layout::missing || layout == Layout::empty || layout == Layout::unfinished)
    throw DatabaseError(ExitCode::no_database,
                        "no database at " + db_path + ": create one with 'newsdex-index --db " + db_path + " FOLDER'");
}

// The folder's next version written by `write` (store/compaction.hpp), with the sizes around it.
template <typename Write>
CompactionResult rewrite(const std::string& db_path, bool wait, Write write) {
  check_exists(db_path);
  return with_newsdex_errors(DatabaseWork::indexing, [&] {
    CompactionResult result;
    result.bytes_before = directory_bytes(db_path);
    auto folder = open_for_writing(db_path, wait);
    write(folder);
    result.bytes_after = directory_bytes(db_path);
    return result;
  });
}

}  // namespace

CompactionResult compact_database(const std::string& db_path, bool wait) {
  return rewrite(db_path, wait, [](WritableFolder& folder) { compact(folder); });
}

CompactionResult merge_database(const std::string& db_path, bool wait) {
  return rewrite(db_path, wait, [](WritableFolder& folder) {
    if (folder.shards.size() > 1) merge_shards(folder);
  });
}

std::vector<ShardDescription> describe_shards(const std::string& db_path) {
  check_exists(db_path);
  return with_newsdex_errors(DatabaseWork::indexing, [&] {
    open_for_reading({db_path});  // the schema check and its messages
    auto seen = database_folder::inspect(db_path);
    std::vector<std::filesystem::path> paths{db_path};
    if (seen.layout == database_folder::Layout::versioned)
      paths = database_folder::shard_paths(db_path, seen.current, seen.shards);
    std::vector<ShardDescription> shards;
    auto opening = database_folder::lock_for_opening(db_path);  // no compaction retires them meanwhile
    for (const auto& path : paths) {
      Xapian::Database shard(path.string());
      shards.push_back({path.string(), shard.get_doccount(), directory_bytes(path.string())});
    }
    return shards;
  });
}

}  // namespace newsdex
