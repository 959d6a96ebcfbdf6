// Compacting a database in place: Xapian's compactor writes a new copy (about half the size of a
// freshly built database) that then replaces the old one.
#pragma once
#include <string>

#include <xapian.h>

namespace newsdex {

// `db` must be the open writable database at `path` (so no other writer can start meanwhile); it is
// closed by this call. Readers that have the old copy open keep reading it until they reopen.
void compact_in_place(Xapian::WritableDatabase& db, const std::string& path);

}  // namespace newsdex
