// The Xapian boundary: an exception of Xapian's that escapes the library's work becomes a
// newsdex::Error here (a one-line message and the exit code of docs/exit-codes.md), in one place,
// so that the programs catch newsdex::Error only and never see Xapian's types.
#pragma once
#include <xapian.h>

#include <utility>

namespace newsdex {

// What the library was doing: the same Xapian error reads differently to a user of each program.
enum class DatabaseWork {
  indexing,   // newsdex-index: a lock is exit 4, anything else exit 5 and "committed work is kept"
  searching,  // newsdex-search: exit 5 with Xapian's description
};

// Throws the newsdex::Error that stands for `error` when it escapes `work`.
[[noreturn]] void throw_as_newsdex_error(const Xapian::Error& error, DatabaseWork work);

// Runs `job` and returns what it returns; a Xapian error escaping it is thrown as a newsdex::Error.
// Errors the library maps itself with a better message (opening, a lock, a bad query) are
// newsdex::Errors already and pass through unchanged.
template <typename Job>
decltype(auto) with_newsdex_errors(DatabaseWork work, Job&& job) {
  try {
    return std::forward<Job>(job)();
  } catch (const Xapian::Error& error) {
    throw_as_newsdex_error(error, work);
  }
}

}  // namespace newsdex
