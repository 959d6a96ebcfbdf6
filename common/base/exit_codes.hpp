// The exit codes of both programs, what each means for each program, in one table: --help, the
// man pages and docs/exit-codes.md (checked against it by tests/unit/test_exit_codes.cpp) say the same.
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "common/base/errors.hpp"

namespace newsdex {

enum class Program { index, search };

struct ExitCodeMeaning {
  ExitCode code;
  std::string_view name;    // as in docs/exit-codes.md
  std::string_view index;   // for newsdex-index; empty: never returned
  std::string_view search;  // for newsdex-search; empty: never returned
};

std::span<const ExitCodeMeaning> exit_code_meanings();

// One line per code `program` returns: " 0  ok: the search ran ...".
std::string exit_codes_help(Program program);

}  // namespace newsdex
