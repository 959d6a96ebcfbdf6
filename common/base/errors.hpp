// The error hierarchy: every failure a user can act on is a newsdex::Error carrying a one-line
// message and the exit code main() returns for it (documented in docs/exit-codes.md).
#pragma once
#include <stdexcept>
#include <string>

namespace newsdex {

enum class ExitCode : int {
  ok = 0,
  partial = 1,        // the run finished but some inputs failed (indexer)
  usage = 2,          // bad command line or bad query
  no_database = 3,    // the database does not exist or cannot be opened
  locked = 4,         // another writer holds the database
  io_error = 5,       // reading or writing files failed (disk full, permissions)
  interrupted = 6,    // stopped by SIGINT/SIGTERM after committing what was done
  no_results = 7,     // reserved for scripts that ask for it (not used by default)
  internal = 70,      // a bug: please report
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

class QueryError : public Error {
 public:
  // position: byte offset in the query where the problem was found (npos when unknown)
  QueryError(const std::string& message, std::size_t position = std::string::npos)
      : Error(ExitCode::usage, message), position_(position) {}
  std::size_t position() const noexcept { return position_; }

 private:
  std::size_t position_;
};

class DatabaseError : public Error {
 public:
  using Error::Error;
};

}  // namespace newsdex
