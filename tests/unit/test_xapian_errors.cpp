// The Xapian boundary (common/store/xapian_errors.hpp): every Xapian error that escapes the library's
// work reaches the programs as a newsdex::Error with the message and exit code of docs/exit-codes.md.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <functional>

#include "common/base/errors.hpp"
#include "common/store/xapian_errors.hpp"

using namespace newsdex;

namespace {

struct Translated {
  ExitCode code = ExitCode::ok;
  std::string message;
};

Translated translated(const std::function<void()>& throw_xapian_error, DatabaseWork work) {
  try {
    with_newsdex_errors(work, throw_xapian_error);
  } catch (const Error& e) {
    return {e.code(), e.what()};
  }
  return {};
}

}  // namespace

TEST_CASE("Xapian errors become newsdex errors with the programs' messages and exit codes", "[store][errors]") {
  struct Case {
    std::function<void()> thrown;
    DatabaseWork work;
    ExitCode code;
    std::string message;
  };
  const Case cases[] = {
      {[] { throw Xapian::DatabaseLockError("Unable to get write lock on db: already locked"); },
       DatabaseWork::indexing, ExitCode::locked, "database is locked: Unable to get write lock on db: already locked"},
      {[] { throw Xapian::DatabaseError("Error writing block 7", "", ENOSPC); }, DatabaseWork::indexing,
       ExitCode::io_error,
       "database error: DatabaseError: Error writing block 7 (No space left on device) (everything committed before "
       "this point is kept)"},
      {[] { throw Xapian::InvalidArgumentError("bad"); }, DatabaseWork::indexing, ExitCode::io_error,
       "database error: InvalidArgumentError: bad (everything committed before this point is kept)"},
      {[] { throw Xapian::DatabaseLockError("held"); }, DatabaseWork::searching, ExitCode::io_error,
       "DatabaseLockError: held"},
      {[] { throw Xapian::NetworkError("connection refused"); }, DatabaseWork::searching, ExitCode::io_error,
       "NetworkError: connection refused"},
  };
  for (const auto& c : cases) {
    INFO(c.message);
    auto result = translated(c.thrown, c.work);
    CHECK(result.code == c.code);
    CHECK(result.message == c.message);
  }
}

TEST_CASE("the boundary returns what the work returns and lets newsdex errors through unchanged", "[store][errors]") {
  CHECK(with_newsdex_errors(DatabaseWork::searching, [] { return 42; }) == 42);
  try {
    with_newsdex_errors(DatabaseWork::indexing, [] { throw UsageError("--db x is a file"); });
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "--db x is a file");
  }
}
