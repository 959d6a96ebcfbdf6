#include "common/store/xapian_errors.hpp"

#include <string_view>

#include "common/base/errors.hpp"

namespace newsdex {

void throw_as_newsdex_error(const Xapian::Error& error, DatabaseWork work) {
  if (work == DatabaseWork::searching) throw DatabaseError(ExitCode::io_error, error.get_description());
  // Xapian::Error has no virtual functions (no dynamic_cast): its type is told by name.
  if (std::string_view(error.get_type()) == "DatabaseLockError")
    throw DatabaseError(ExitCode::locked, "database is locked: " + error.get_msg());
  throw DatabaseError(ExitCode::io_error, "database error: " + error.get_description() +
                                              " (everything committed before this point is kept)");
}

}  // namespace newsdex
