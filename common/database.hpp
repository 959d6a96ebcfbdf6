// Opening newsdex databases: where the default one lives, and Xapian's errors mapped to ours.
#pragma once
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

// --db when given, else $NEWSDEX_DB, else $XDG_DATA_HOME/newsdex/db (~/.local/share/newsdex/db).
std::string default_database_path();

// Throws DatabaseError when `db` was written with another index schema (schema::schema_version).
void check_schema(const Xapian::Database& db, const std::string& path);

// Opens (creating when missing) for writing; throws DatabaseError "database is locked" when another
// writer holds it. With wait=true it retries until the lock is free.
Xapian::WritableDatabase open_for_writing(const std::string& path, bool wait = false);

// Opens one or several databases (local paths, or remote stubs) as one; a missing database gets a
// message saying how to create it, one of another schema a message saying to build it again.
Xapian::Database open_for_reading(const std::vector<std::string>& paths);

}  // namespace newsdex
