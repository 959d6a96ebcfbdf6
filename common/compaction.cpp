#include "common/compaction.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc 2.28+)
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/errors.hpp"

namespace newsdex {

void compact_in_place(Xapian::WritableDatabase& db, const std::string& path) {
  namespace fs = std::filesystem;
  auto suffix = "." + std::to_string(::getpid());
  fs::path fresh = path + ".compacting" + suffix;
  std::error_code error;
  fs::remove_all(fresh, error);
  try {
    db.compact(fresh.string());
  } catch (const Xapian::Error& e) {
    fs::remove_all(fresh, error);
    throw Error(ExitCode::io_error, "compaction failed (the database is unchanged): " + e.get_msg());
  }
  // Swap the two folders in one atomic step while this process still holds the write lock: at every
  // moment `path` is a whole database, whatever happens to this process. After the swap `fresh`
  // names the old copy, which goes once the lock is released.
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0) {
    auto reason = std::string(std::strerror(errno));
    fs::remove_all(fresh, error);
    throw Error(ExitCode::io_error, "compaction could not replace " + path + " (" + reason +
                                        "); the database is unchanged and valid (use --no-compact)");
  }
  db.close();
  fs::remove_all(fresh, error);
}

}  // namespace newsdex
