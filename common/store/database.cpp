#include "common/store/database.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "common/base/errors.hpp"
#include "common/store/database_folder.hpp"
#include "common/store/schema.hpp"
#include "common/store/shards.hpp"

namespace newsdex {

std::string default_database_path() {
  if (const char* env = std::getenv("NEWSDEX_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/newsdex/db";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/newsdex/db";
  return "newsdex-db";
}

void check_schema(const Xapian::Database& db, const std::string& path) {
  auto version = db.get_metadata(std::string(schema::schema_version_key));
  if (version.empty() || version == schema::schema_version || version == schema::oldest_readable_schema) return;
  throw DatabaseError(ExitCode::no_database,
                      "the database at " + path + " has index schema " + version + ", and this newsdex uses schema " +
                          std::string(schema::schema_version) +
                          ": build it again (remove " + path + ", or give another --db, and run newsdex-index on the collection)");
}

std::string index_language(const Xapian::Database& db) {
  auto language = db.get_metadata(std::string(schema::language_key));
  if (language.empty()) return "english";  // built before the language was recorded: English only
  try {
    Xapian::Stem check(language);
  } catch (const Xapian::InvalidArgumentError&) {
    throw DatabaseError(ExitCode::no_database, "the database says it was built with --language " + language +
                                                   ", which this Xapian has no stemmer for: build it again");
  }
  return language;
}

namespace {

namespace folder = database_folder;
using folder::Layout;

std::string listing(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// Refuses, before anything is created or removed, a path newsdex-index must not write to.
void check_writable_here(const std::string& path, const folder::Inspection& seen) {
  if (seen.layout == Layout::not_a_folder)
    throw UsageError("--db " + path + " is a file, not a folder: give the folder the database is (to be) kept in");
  if (seen.layout == Layout::foreign)
    throw UsageError("--db " + path + " holds other files (" + listing(seen.strangers) +
                     "): newsdex-index keeps its database in a folder of its own and writes nowhere else; give a "
                     "new or empty folder");
  if (auto problem = folder::write_problem(path); !problem.empty())
    throw DatabaseError(ExitCode::io_error, "cannot write to the database at " + path + ": " + problem);
}

[[noreturn]] void locked(const std::string& path) {
  throw DatabaseError(ExitCode::locked, "database is locked: another newsdex-index is writing to " + path +
                                            " (use --wait to wait for it)");
}

// Xapian's own lock: "already locked" means another writer (an older newsdex, a Xapian tool); any other
// reason (a read-only file system, permissions) is not a lock and gets exit 5.
[[noreturn]] void lock_failed(const std::string& path, const Xapian::DatabaseLockError& e) {
  if (e.get_msg().find("already locked") != std::string::npos) locked(path);
  throw DatabaseError(ExitCode::io_error, "cannot write to the database at " + path + ": " + e.get_msg());
}

// A glass database right in the folder, made by an earlier newsdex (or by something else: refused).
std::optional<WritableFolder> open_legacy(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
  if (db.get_metadata(std::string(schema::schema_version_key)).empty() && db.get_doccount() > 0)
    throw UsageError("--db " + path + " is a Xapian database that newsdex did not make: give another folder");
  check_schema(db, path);
  // Moved to the versioned layout meanwhile (another indexer compacted it): start again.
  if (folder::inspect(path).layout != Layout::legacy) return std::nullopt;
  return WritableFolder{path, 0, std::nullopt, {std::move(db)}};
}

// Under the marker lock: the current version, made first when there is none (of `shards` databases).
std::optional<WritableFolder> open_versioned(const std::string& path, folder::FolderLock lock, unsigned shards) {
  auto seen = folder::inspect(path);
  if (seen.layout == Layout::legacy) return std::nullopt;  // being moved by another run: start again
  if (seen.layout == Layout::versioned) {
    check_shard_count(path, seen.shards, shards);
    folder::clean_up(path, seen.current);
    folder::remove_retired(path, seen.current);
    WritableFolder opened{path, seen.current, std::move(lock), {}};
    for (const auto& shard : folder::shard_paths(path, seen.current, seen.shards)) {
      opened.shards.emplace_back(shard.string(), Xapian::DB_OPEN);
      check_schema(opened.shards.back(), path);
    }
    return opened;
  }
  folder::clean_up(path, 0);
  WritableFolder made{path, 1, std::move(lock), {}};
  if (shards > 1) std::filesystem::create_directory(folder::version_path(path, 1));
  for (const auto& shard : folder::shard_paths(path, 1, std::max(shards, 1u))) {
    made.shards.emplace_back(shard.string(), Xapian::DB_CREATE);
    made.shards.back().commit();
  }
  folder::sync_folder(folder::version_path(path, 1));
  folder::switch_to(path, 1, std::max(shards, 1u));
  return made;
}

}  // namespace

void check_shard_count(const std::string& path, unsigned existing, unsigned requested) {
  if (requested == 0 || requested == existing) return;
  auto has = existing == 1 ? std::string("is one database") : "has " + std::to_string(existing) + " shards";
  throw UsageError("the database at " + path + " " + has + ", not --shards " + std::to_string(requested) +
                   ": the shard count is fixed when a collection is created; to change it, 'newsdex-index merge --db " +
                   path + "' makes it one database, then index the collection into a new --db with --shards " +
                   std::to_string(requested) + " (or leave --shards out to use what it has)");
}

WritableFolder open_for_writing(const std::string& path, bool wait, unsigned shards) {
  while (true) {
    auto seen = folder::inspect(path);
    check_writable_here(path, seen);
    try {
      std::optional<WritableFolder> opened;
      if (seen.layout == Layout::legacy) {
        check_shard_count(path, 1, shards);
        opened = open_legacy(path);
      } else if (auto lock = folder::take_marker(path)) {
        opened = open_versioned(path, std::move(*lock), shards);
      } else if (!wait) {
        locked(path);
      }
      if (opened) return std::move(*opened);
    } catch (const Xapian::DatabaseLockError& e) {
      if (!wait || e.get_msg().find("already locked") == std::string::npos) lock_failed(path, e);
    } catch (const Xapian::Error& e) {
      throw DatabaseError(ExitCode::io_error, "cannot open database " + path + " for writing: " + e.get_msg());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

namespace {

// Opening reads the newest revision, which an indexer committing twice meanwhile can discard: try
// again (with a short, growing pause) rather than show the user Xapian's DatabaseModifiedError.
// Xapian 1.4 sometimes reports such a discarded block as corrupt instead ("Expected block 18 to be
// level 1, not 0": several searchers beside an indexer committing every 50 articles saw it about once
// in a hundred opens); real damage stays and is reported after the last attempt.
Xapian::Database open_one(const std::string& path) {
  constexpr int max_attempts = 20;
  for (int attempt = 1;; ++attempt) {
    try {
      // Held while opening, so that a compacting writer removes no version a reader is opening.
      auto opening = database_folder::lock_for_opening(path);
      Xapian::Database db(path);
      check_schema(db, path);  // reads the metadata: a commit may overtake it too
      return db;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == max_attempts) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempt == max_attempts) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    }
  }
}

}  // namespace

Xapian::Database open_local_for_reading(const std::string& path) {
  try {
    if (!std::filesystem::exists(path) && !std::filesystem::exists(path + ".stub"))
      throw DatabaseError(ExitCode::no_database,
                          "no database at " + path + ": create one with 'newsdex-index --db " + path + " FOLDER'");
    return open_one(path);
  } catch (const Xapian::DatabaseOpeningError& e) {
    // A database that is there but cannot be read (permissions) is not a missing one.
    if (auto problem = folder::read_problem(path); !problem.empty())
      throw DatabaseError(ExitCode::io_error, "cannot read database " + path + ": " + problem);
    throw DatabaseError(ExitCode::no_database, "cannot open database " + path + ": " + e.get_msg() +
                                                   " (create one with 'newsdex-index --db " + path + " FOLDER')");
  } catch (const Xapian::Error& e) {
    throw DatabaseError(ExitCode::io_error, "cannot read database " + path + ": " + e.get_msg());
  }
}

Xapian::Database open_for_reading(const std::vector<std::string>& paths) { return open_shards(paths).combined; }

}  // namespace newsdex
