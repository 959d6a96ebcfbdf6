#include "common/store/compaction.hpp"

#include <filesystem>

#include "common/base/errors.hpp"
#include "common/store/database_folder.hpp"

namespace newsdex {

namespace {

namespace fs = std::filesystem;
namespace df = database_folder;

// Writes the next version with `write` (each of its databases complete and synced), switches the stub
// to it (of `shards` databases) and retires the current one. On failure the next version goes and the
// stub still names the current one.
template <typename Write>
void write_next_version(WritableFolder& folder, unsigned shards, const std::string& what, Write write) {
  if (folder.version == 0) {
    // A legacy database: the marker makes the folder ours from here on (other writers now wait on
    // it), and half-made versions of an earlier, killed attempt go.
    folder.lock = df::take_marker(folder.path);
    if (!folder.lock)
      throw DatabaseError(ExitCode::locked, "database is locked: another newsdex-index is writing to " +
                                                folder.path.string() + " (use --wait to wait for it)");
    df::clean_up(folder.path, 0);
  }
  auto next = folder.version + 1;
  auto target = df::version_path(folder.path, next);
  std::error_code error;
  fs::remove_all(target, error);
  try {
    write(df::shard_paths(folder.path, next, shards));
    df::sync_folder(target);
  } catch (const Xapian::Error& e) {
    fs::remove_all(target, error);
    throw DatabaseError(ExitCode::io_error, what + " failed (the database is unchanged): " + e.get_msg());
  } catch (const DatabaseError& e) {
    fs::remove_all(target, error);
    throw DatabaseError(ExitCode::io_error, what + " failed (the database is unchanged): " + e.what());
  }
  df::switch_to(folder.path, next, shards);
  for (auto& shard : folder.shards) shard.close();
  folder.version = next;
  // Readers that opened the old version keep reading it (its files stay as they were); it goes once
  // none is still opening it, or in a later run.
  df::remove_retired(folder.path, next);
}

}  // namespace

void compact(WritableFolder& folder) {
  auto shards = static_cast<unsigned>(folder.shards.size());
  write_next_version(folder, shards, "compaction", [&](const std::vector<fs::path>& targets) {
    if (shards > 1) fs::create_directories(targets.front().parent_path());
    for (std::size_t i = 0; i < targets.size(); ++i) folder.shards[i].compact(targets[i].string());
  });
}

void merge_shards(WritableFolder& folder) {
  write_next_version(folder, 1, "merging", [&](const std::vector<fs::path>& targets) {
    Xapian::Database all;
    for (const auto& shard : folder.shards) all.add_database(shard);
    // Every shard holds the same collection metadata, and the file records only the first: the
    // compactor keeps a key's value from the first database that has it.
    all.compact(targets.front().string());
  });
}

}  // namespace newsdex
