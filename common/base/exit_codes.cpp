#include "common/base/exit_codes.hpp"

namespace newsdex {
namespace {

constexpr ExitCodeMeaning meanings[] = {
    {ExitCode::ok, "ok", "everything readable was indexed, or nothing had changed",
     "the search ran, whether or not it found anything"},
    {ExitCode::partial, "partial",
     "some files or folders could not be read, a path given is missing or holds nothing to index, or some "
     "JSON records were malformed; the rest was indexed",
     "--batch: some lines failed (each has an error object)"},
    {ExitCode::usage, "usage", "bad command line or option value, or a --db that is not newsdex's own",
     "bad command line or option value, or a query that cannot be parsed"},
    {ExitCode::no_database, "no database", "stats on a missing database, or a database of another index schema",
     "no database at the path, or one of another index schema"},
    {ExitCode::locked, "locked", "another newsdex-index is writing to the database (--wait waits)", ""},
    {ExitCode::io_error, "I/O error",
     "the database could not be read or written (full disk, permissions) or a data file is missing",
     "the database could not be read (permissions, damage)"},
    {ExitCode::interrupted, "interrupted", "SIGINT or SIGTERM: what was done is committed", ""},
    {ExitCode::internal, "internal", "a bug: please report it", "a bug: please report it"},
};

}  // namespace

std::span<const ExitCodeMeaning> exit_code_meanings() { return meanings; }

std::string exit_codes_help(Program program) {
  std::string text;
  for (const auto& meaning : meanings) {
    auto what = program == Program::index ? meaning.index : meaning.search;
    if (what.empty()) continue;
    auto code = std::to_string(static_cast<int>(meaning.code));
    text +=
        std::string(3 - code.size(), ' ') + code + "  " + std::string(meaning.name) + ": " + std::string(what) + "\n";
  }
  return text;
}

}  // namespace newsdex
