#include "common/database.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "common/errors.hpp"
#include "common/schema.hpp"

namespace newsdex {

std::string default_database_path() {
  if (const char* env = std::getenv("NEWSDEX_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/newsdex/db";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/newsdex/db";
  return "newsdex-db";
}

void check_schema(const Xapian::Database& db, const std::string& path) {
  auto version = db.get_metadata(std::string(schema::schema_version_key));
  if (version.empty() || version == schema::schema_version) return;
  throw DatabaseError(ExitCode::no_database,
                      "the database at " + path + " has index schema " + version + ", and this newsdex uses schema " +
                          std::string(schema::schema_version) +
                          ": build it again (remove " + path + ", or give another --db, and run newsdex-index on the collection)");
}

Xapian::WritableDatabase open_for_writing(const std::string& path, bool wait) {
  std::error_code error;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  while (true) {
    try {
      Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
      check_schema(db, path);
      return db;
    } catch (const Xapian::DatabaseLockError&) {
      if (!wait)
        throw DatabaseError(ExitCode::locked, "database is locked: another newsdex-index is writing to " + path +
                                                  " (use --wait to wait for it)");
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    } catch (const Xapian::Error& e) {
      throw DatabaseError(ExitCode::io_error, "cannot open database " + path + " for writing: " + e.get_msg());
    }
  }
}

namespace {

// Opening reads the newest revision, which an indexer committing twice meanwhile can discard: try
// again (with a short, growing pause) rather than show the user Xapian's DatabaseModifiedError.
Xapian::Database open_one(const std::string& path) {
  constexpr int max_attempts = 20;
  for (int attempt = 1;; ++attempt) {
    try {
      Xapian::Database db(path);
      check_schema(db, path);  // reads the metadata: a commit may overtake it too
      return db;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == max_attempts) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    }
  }
}

}  // namespace

Xapian::Database open_for_reading(const std::vector<std::string>& paths) {
  Xapian::Database combined;
  for (const auto& path : paths) {
    try {
      if (!std::filesystem::exists(path) && !std::filesystem::exists(path + ".stub"))
        throw DatabaseError(ExitCode::no_database, "no database at " + path +
                                                       ": create one with 'newsdex-index --db " + path + " FOLDER'");
      combined.add_database(open_one(path));
    } catch (const Xapian::DatabaseOpeningError& e) {
      throw DatabaseError(ExitCode::no_database, "cannot open database " + path + ": " + e.get_msg() +
                                                     " (create one with 'newsdex-index --db " + path + " FOLDER')");
    } catch (const Xapian::Error& e) {
      throw DatabaseError(ExitCode::io_error, "cannot read database " + path + ": " + e.get_msg());
    }
  }
  return combined;
}

}  // namespace newsdex
