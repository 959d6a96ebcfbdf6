// Compacting a database: Xapian's compactor writes the next version of the database folder (about
// half the size of a freshly built database) and the stub is switched to it by rename, so readers
// never see files change under them (common/store/database_folder.hpp has the layout).
#pragma once

#include "common/store/database.hpp"

namespace newsdex {

// `folder` must be open for writing with everything committed; its database is closed by this call.
// A legacy database (glass files right in the folder) moves to the versioned layout here. Killed at
// any moment, the stub names a complete version; the next run removes what was left half-made.
// A sharded collection stays sharded: each shard is compacted into the next version.
void compact(WritableFolder& folder);

// A sharded collection made one database (Xapian's compactor merging the shards) in the next version,
// with the same promises as compact(): the shards are kept until the merged database is complete.
void merge_shards(WritableFolder& folder);

}  // namespace newsdex
