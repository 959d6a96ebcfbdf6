// Opening newsdex databases: where the default one lives, and Xapian's errors mapped to ours.
#pragma once
#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/store/database_folder.hpp"

namespace newsdex {

// --db when given, else $NEWSDEX_DB, else $XDG_DATA_HOME/newsdex/db (~/.local/share/newsdex/db).
std::string default_database_path();

// Throws DatabaseError when `db` was written with an index schema this newsdex cannot read
// (schema::schema_version and schema::oldest_readable_schema are read).
void check_schema(const Xapian::Database& db, const std::string& path);

// A database open for writing, with the folder lock that keeps other writers out until it goes.
struct WritableFolder {
  std::filesystem::path path;
  unsigned version = 0;  // the current version (docs: database_folder.hpp); 0 for a legacy database
  std::optional<database_folder::FolderLock> lock;  // held for the whole run (none on a legacy database)
  // The databases: one, or the shards of a sharded collection in the stub's order (the first holds
  // the file records; every one holds the same collection metadata).
  std::vector<Xapian::WritableDatabase> shards;
  Xapian::WritableDatabase& database() { return shards.front(); }
};

// Opens (creating when missing) for writing. Throws UsageError for a folder that is not newsdex's
// (it holds other files) or is a file, DatabaseError "database is locked" (exit 4) when another
// writer holds it (with wait=true it waits instead), DatabaseError exit 5 when it cannot be written
// (read-only file system, permissions), with the reason. `shards`: the shard databases a new
// collection gets (0: one database, or whatever the existing collection has); for an existing one
// another count is a UsageError saying how to change it.
WritableFolder open_for_writing(const std::string& path, bool wait = false, unsigned shards = 0);

// The shard count `seen` has, checked against the one asked for (0: any): UsageError when they differ.
void check_shard_count(const std::string& path, unsigned existing, unsigned requested);

// The stemming language the index was built with (newsdex-index --language, kept in the metadata
// schema::language_key): a Xapian::Stem name or "none"; "english" for a database that says nothing.
// Queries are stemmed with it, or they would miss the stems the index holds.
std::string index_language(const Xapian::Database& db);

// Opens one or several databases (local paths, or remote stubs) as one; a missing database gets a
// message saying how to create it, one of another schema a message saying to build it again. Each
// path's stub is read anew: a caller that must follow a compaction opens again rather than reopen().
// A stub file is read line by line (common/store/shards.hpp), each shard opened on its own.
Xapian::Database open_for_reading(const std::vector<std::string>& paths);

// One local database (a newsdex folder, a Xapian database or a stub Xapian opens itself), with the
// messages above; what open_for_reading does for each local shard.
Xapian::Database open_local_for_reading(const std::string& path);

}  // namespace newsdex
