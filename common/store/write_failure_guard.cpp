#include "common/store/write_failure_guard.hpp"

#include <sys/statvfs.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>  // program_invocation_short_name
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "common/base/errors.hpp"
#include "common/store/xapian_errors.hpp"

namespace newsdex {
namespace {

// Less than this left on the database's file system, a write that failed without saying why failed
// for want of space (a glass block is 8 KiB; a full disk leaves less than one).
constexpr unsigned long long nearly_full_bytes = 64 * 1024;

// A terminate handler is a plain function: the guarded database lives here while a guard does.
std::string guarded_db_path;
std::terminate_handler unguarded = nullptr;

unsigned long long free_bytes_at(const std::string& path) {
  struct statvfs stats {};
  if (::statvfs(path.c_str(), &stats) != 0) return std::numeric_limits<unsigned long long>::max();
  return static_cast<unsigned long long>(stats.f_bavail) * stats.f_frsize;
}

[[noreturn]] void report_and_exit() {
  auto report = write_failure_report(std::current_exception(), free_bytes_at(guarded_db_path));
  if (!report) {
    if (unguarded) unguarded();
    std::abort();
  }
  std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, report->message.c_str());
  std::fflush(stderr);
  std::_Exit(report->exit_code);  // no destructor may run: the process is in the middle of Xapian's commit
}

}  // namespace

std::optional<WriteFailureReport> write_failure_report(const std::exception_ptr& escaped,
                                                       unsigned long long free_bytes) {
  if (escaped) {
    try {
      std::rethrow_exception(escaped);
    } catch (const Xapian::Error& error) {
      try {
        throw_as_newsdex_error(error, DatabaseWork::indexing);
      } catch (const Error& mapped) {
        return WriteFailureReport{mapped.what(), static_cast<int>(mapped.code())};
      }
    } catch (...) {
    }
    return std::nullopt;
  }
  if (free_bytes >= nearly_full_bytes) return std::nullopt;
  return WriteFailureReport{
      "database error: a write to the database failed during a commit (No space left on "
      "device) (everything committed before this point is kept)",
      static_cast<int>(ExitCode::io_error)};
}

WriteFailureGuard::WriteFailureGuard(const std::string& db_path) {
  guarded_db_path = db_path;
  previous_ = std::set_terminate(report_and_exit);
  unguarded = previous_;
}

WriteFailureGuard::~WriteFailureGuard() { std::set_terminate(previous_); }

}  // namespace newsdex
