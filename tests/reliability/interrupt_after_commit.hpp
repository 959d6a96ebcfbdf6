// Signalling an indexer at a moment that surely lands inside its run: after its first commit, while
// it is frozen (SIGSTOP), so that it cannot have finished meanwhile.
#pragma once
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

#include "tests/reliability/child_process.hpp"
#include "tests/reliability/wait_for.hpp"

namespace newsdex::test {

// Waits for a first commit in `db` and freezes the indexer there.
inline void freeze_after_first_commit(ChildProcess& indexer, const std::filesystem::path& db) {
  REQUIRE(wait_until([&] { return committed_documents(db) > 0 || indexer.finished(); }));
  indexer.signal(SIGSTOP);
  REQUIRE_FALSE(indexer.finished());
}

// Freezes it after its first commit, signals it and lets it go on; returns how it ended (it must end
// within a minute, with exit code 6).
inline ChildExit interrupt_after_first_commit(ChildProcess& indexer, const std::filesystem::path& db,
                                              int signal_number) {
  freeze_after_first_commit(indexer, db);
  indexer.signal(signal_number);
  indexer.signal(SIGCONT);
  auto exit = indexer.wait_for(std::chrono::seconds(60));
  REQUIRE(exit);
  INFO(exit->err);
  CHECK(exit->exit_code == 6);
  return *exit;
}

}  // namespace newsdex::test
