#include "common/compaction.hpp"

#include <unistd.h>

#include <filesystem>

#include "common/errors.hpp"

namespace newsdex {

void compact_in_place(Xapian::WritableDatabase& db, const std::string& path) {
  namespace fs = std::filesystem;
  auto suffix = "." + std::to_string(::getpid());
  fs::path fresh = path + ".compacting" + suffix, old = path + ".old" + suffix;
  std::error_code error;
  fs::remove_all(fresh, error);
  try {
    db.compact(fresh.string());
  } catch (const Xapian::Error& e) {
    fs::remove_all(fresh, error);
    throw Error(ExitCode::io_error, "compaction failed (the database is unchanged): " + e.get_msg());
  }
  db.close();
  fs::rename(path, old, error);
  if (error) {
    fs::remove_all(fresh, error);
    throw Error(ExitCode::io_error, "compaction could not replace " + path + ": " + error.message());
  }
  fs::rename(fresh, path, error);
  if (error) {
    fs::rename(old, path, error);
    throw Error(ExitCode::io_error, "compaction could not replace " + path + " (the database is unchanged)");
  }
  fs::remove_all(old, error);
}

}  // namespace newsdex
