#include "common/store/compaction.hpp"

#include <filesystem>

#include "common/base/errors.hpp"
#include "common/store/database_folder.hpp"

namespace newsdex {

void compact(WritableFolder& folder) {
  namespace fs = std::filesystem;
  namespace df = database_folder;
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
    folder.database.compact(target.string());
    df::sync_folder(target);
  } catch (const Xapian::Error& e) {
    fs::remove_all(target, error);
    throw DatabaseError(ExitCode::io_error, "compaction failed (the database is unchanged): " + e.get_msg());
  } catch (const DatabaseError& e) {
    fs::remove_all(target, error);
    throw DatabaseError(ExitCode::io_error, std::string("compaction failed (the database is unchanged): ") + e.what());
  }
  df::switch_to(folder.path, next);
  folder.database.close();
  folder.version = next;
  // Readers that opened the old version keep reading it (its files stay as they were); it goes once
  // none is still opening it, or in a later run.
  df::remove_retired(folder.path, next);
}

}  // namespace newsdex
