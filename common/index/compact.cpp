#include "common/index/compact.hpp"

#include "common/base/errors.hpp"
#include "common/index/stats.hpp"
#include "common/store/compaction.hpp"
#include "common/store/database.hpp"
#include "common/store/database_folder.hpp"
#include "common/store/xapian_errors.hpp"

namespace newsdex {

CompactionResult compact_database(const std::string& db_path, bool wait) {
  using database_folder::Layout;
  auto layout = database_folder::inspect(db_path).layout;
  if (layout == Layout::missing || layout == Layout::empty || layout == Layout::unfinished)
    throw DatabaseError(ExitCode::no_database,
                        "no database at " + db_path + ": create one with 'newsdex-index --db " + db_path + " FOLDER'");
  return with_newsdex_errors(DatabaseWork::indexing, [&] {
    CompactionResult result;
    result.bytes_before = directory_bytes(db_path);
    auto folder = open_for_writing(db_path, wait);
    compact(folder);
    result.bytes_after = directory_bytes(db_path);
    return result;
  });
}

}  // namespace newsdex
