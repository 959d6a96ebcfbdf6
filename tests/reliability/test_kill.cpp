// Promise: newsdex-index killed at any moment (SIGKILL: no chance to clean up) leaves a database
// that passes xapian-check, keeps every file it had committed, and a re-run completes it with every
// article exactly once. docs/reliability.md lists the promises and the tests that show them.
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <thread>

#include "tests/reliability/child_process.hpp"
#include "tests/reliability/collection.hpp"
#include "tests/reliability/index_checks.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

struct Campaign {
  int kills_wanted = 24;
  // Xapian commits by itself every XAPIAN_FLUSH_THRESHOLD changes (10,000 by default). A small
  // value makes it commit inside a file, as it does inside a huge JSON Lines export.
  std::vector<std::string> environment;
  // Whether every article seen committed must stay visible after every later kill. True when
  // commits only come between files; with flushes inside a file, a file being re-indexed may be
  // partly missing until the next run completes it (its record then says it is unfinished).
  bool committed_stay_visible = true;
};

std::vector<std::string> index_args(const fs::path& db, const Collection& collection, bool force) {
  std::vector<std::string> args{"--db",   db.string(), "--quiet",        "--entities", "none",
                                "--jobs", "2",         "--commit-every", "40"};
  if (force) args.push_back("--force");
  args.push_back(collection.root.string());
  return args;
}

ChildExit run_to_end(const fs::path& db, const Collection& collection, const fs::path& scratch,
                     const Campaign& campaign) {
  ChildProcess indexer(index_command(index_args(db, collection, false)), scratch, campaign.environment);
  return indexer.wait();
}

// Runs the indexer to the end on a copy of `db` and checks the copy then holds exactly the collection.
void check_rerun_completes(const fs::path& db, const Collection& collection, const fs::path& scratch,
                           const Campaign& campaign) {
  auto copy = scratch / "rerun-db";
  fs::remove_all(copy);
  fs::copy(db, copy, fs::copy_options::recursive);
  auto exit = run_to_end(copy, collection, scratch, campaign);
  INFO(exit.err);
  REQUIRE(exit.exit_code == 0);
  auto problems = differences(read_index(copy), collection.ids);
  INFO(problems);
  CHECK(problems.empty());
}

// What a database left by a kill must satisfy; `committed` collects the ids seen so far.
std::size_t check_after_kill(const fs::path& db, const Collection& collection, const Campaign& campaign,
                             std::set<std::string>& committed) {
  auto problems = integrity_problems(db);
  INFO(problems);
  REQUIRE(problems.empty());
  auto contents = read_index(db);
  std::string wrong;
  if (campaign.committed_stay_visible)
    for (const auto& id : committed)
      if (!contents.ids.count(id)) wrong += "committed before, now missing: " + id + "\n";
  for (const auto& [id, count] : contents.ids) {
    if (!collection.ids.count(id)) wrong += "not in the collection: " + id + "\n";
    if (count > 1) wrong += "indexed " + std::to_string(count) + " times: " + id + "\n";
    committed.insert(id);
  }
  for (const auto& missing : contents.records_without_articles)
    wrong += "file record names a missing article: " + missing + "\n";
  for (const auto& term : contents.id_terms_not_unique) wrong += "id term on several documents: " + term + "\n";
  INFO(wrong.substr(0, 2000));
  REQUIRE(wrong.empty());
  return contents.unfinished_records;
}

void run_campaign(const Campaign& campaign) {
  TempDir dir("kill");
  auto collection = make_collection(dir.path() / "in", {});
  auto db = dir.path() / "db";

  // One whole run on a scratch database tells how long a run takes, so kills land inside runs.
  auto started = steady_clock::now();
  auto whole = run_to_end(dir.path() / "timing-db", collection, dir.path(), campaign);
  INFO(whole.err);
  REQUIRE(whole.exit_code == 0);
  auto whole_run = duration_cast<milliseconds>(steady_clock::now() - started);
  fs::remove_all(dir.path() / "timing-db");

  std::mt19937 random(20241128);
  std::uniform_int_distribution<long> delay_ms(5, std::max<long>(10, whole_run.count() * 9 / 10));
  std::set<std::string> committed;
  int kills = 0, completed_runs = 0, cycles = 0;
  std::size_t unfinished_files_seen = 0;  // files a kill left half re-indexed (each redone by the next run)
  bool force = false;
  while (kills < campaign.kills_wanted && cycles < 4 * campaign.kills_wanted) {
    ++cycles;
    ChildProcess indexer(index_command(index_args(db, collection, force)), dir.path(), campaign.environment);
    auto delay = milliseconds(delay_ms(random));
    auto early = indexer.wait_for(delay);
    indexer.signal(SIGKILL);
    auto exit = early ? *early : indexer.wait();
    INFO("cycle " << cycles << ", delay " << delay.count() << " ms, --force " << force << "\n" << exit.err);
    if (exit.signal == SIGKILL) {
      ++kills;
    } else {
      REQUIRE(exit.exit_code == 0);
      ++completed_runs;
    }
    if (!fs::exists(db / "iamglass")) continue;  // killed before the first commit: nothing to check
    unfinished_files_seen += check_after_kill(db, collection, campaign, committed);
    if (exit.signal == SIGKILL && kills % 6 == 0) check_rerun_completes(db, collection, dir.path(), campaign);
    // A finished run leaves nothing to do: re-index everything so the next kill lands in real work;
    // otherwise half the runs go on where the last stopped and half re-index everything.
    force = exit.exit_code == 0 || random() % 2 == 0;
  }
  WARN("kills survived: " << kills << " (" << completed_runs << " runs finished before their kill; a whole run took "
                          << whole_run.count() << " ms; files left unfinished by a kill: " << unfinished_files_seen
                          << ")");
  CHECK(kills >= campaign.kills_wanted);

  auto exit = run_to_end(db, collection, dir.path(), campaign);
  INFO(exit.err);
  REQUIRE(exit.exit_code == 0);
  CHECK(integrity_problems(db).empty());
  auto problems = differences(read_index(db), collection.ids);
  INFO(problems);
  CHECK(problems.empty());
}

}  // namespace

TEST_CASE("SIGKILL at random moments: the index stays valid, keeps what it committed, a re-run completes it",
          "[reliability][kill][slow]") {
  run_campaign({});
}

TEST_CASE("SIGKILL while Xapian flushes inside files: a re-run still completes the index exactly",
          "[reliability][kill][slow]") {
  Campaign campaign;
  campaign.kills_wanted = 10;
  campaign.environment = {"XAPIAN_FLUSH_THRESHOLD=30"};
  campaign.committed_stay_visible = false;
  run_campaign(campaign);
}
