// A database write that fails where Xapian cannot let the error unwind still ends the run with one
// line and exit 5, never with std::terminate's abort.
//
// Xapian 1.4's glass backend (up to 1.4.28 at least) writes the value streams of every commit from
// a destructor, Glass::ValueUpdater::~ValueUpdater (GlassValueManager::merge_changes). A block write
// that fails there, as on a full disk, cannot be thrown out of the destructor and Xapian's own code
// calls std::terminate, sometimes with the DatabaseError in flight and sometimes with no exception at
// all. Nothing newsdex can catch is thrown: the only place left to act is the terminate handler.
// The committed revision is untouched (Xapian switches revisions only once everything is written and
// synced), so the promise "everything committed before this point is kept" holds as after a kill.
#pragma once
#include <exception>
#include <optional>
#include <string>

namespace newsdex {

class WriteFailureGuard {
 public:
  // While it lives, std::terminate on this process reports the Xapian error in flight as indexing
  // reports any other (one line on stderr, prefixed with the program's name) and exits with its code
  // at once; with no exception in flight, it does so when `db_path`'s file system is full. Any other
  // std::terminate (a bug) goes to the handler there was before, as it did.
  explicit WriteFailureGuard(const std::string& db_path);
  ~WriteFailureGuard();
  WriteFailureGuard(const WriteFailureGuard&) = delete;
  WriteFailureGuard& operator=(const WriteFailureGuard&) = delete;

 private:
  std::terminate_handler previous_;
};

// The line and exit code the guard ends the process with (testable without ending it): `escaped` is
// the exception in flight (may be null), `free_bytes` what the database's file system has left;
// nullopt when the terminate is none of the guard's business.
struct WriteFailureReport {
  std::string message;
  int exit_code;
};
std::optional<WriteFailureReport> write_failure_report(const std::exception_ptr& escaped,
                                                       unsigned long long free_bytes);

}  // namespace newsdex
