// What the terminate handler of common/store/write_failure_guard.hpp says, and when it stays out of
// the way: a Xapian error in flight is reported as indexing reports it, none with a full disk is a
// full disk, anything else (a bug) is left to the previous handler.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <stdexcept>

#include "common/store/write_failure_guard.hpp"

using namespace newsdex;

TEST_CASE("the write failure guard reports a Xapian error or a full disk in one line and leaves other terminates alone",
          "[store]") {
  const std::string kept = "(everything committed before this point is kept)";
  auto full_disk = std::make_exception_ptr(Xapian::DatabaseError("Error writing block 191", ENOSPC));
  auto lock = std::make_exception_ptr(Xapian::DatabaseLockError("already locked"));
  auto bug = std::make_exception_ptr(std::logic_error("a bug"));
  struct Row {
    std::exception_ptr escaped;
    unsigned long long free_bytes;
    bool reported;
    int exit_code;
    std::string says;
  } rows[] = {
      {full_disk, 0, true, 5, "No space left on device"},
      {full_disk, 1ull << 30, true, 5, "Error writing block 191"},
      {lock, 1ull << 30, true, 4, "database is locked"},
      {nullptr, 0, true, 5, "No space left on device"},  // Xapian called std::terminate itself
      {nullptr, 4096, true, 5, "No space left on device"},
      {nullptr, 1ull << 30, false, 0, ""},  // room left: not a full disk, the old handler's business
      {bug, 0, false, 0, ""},               // not Xapian's: a bug stays an abort
  };
  for (const auto& row : rows) {
    auto report = write_failure_report(row.escaped, row.free_bytes);
    INFO(row.says << ", " << row.free_bytes << " bytes free");
    REQUIRE(report.has_value() == row.reported);
    if (!report) continue;
    CHECK(report->exit_code == row.exit_code);
    CHECK(report->message.find(row.says) != std::string::npos);
    CHECK(report->message.find('\n') == std::string::npos);
    if (row.exit_code == 5) CHECK(report->message.find(kept) != std::string::npos);
  }
}
