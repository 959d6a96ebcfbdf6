// Promise: newsdex-index killed at any moment (SIGKILL: no chance to clean up), compaction included,
// leaves a database that passes xapian-check, keeps every file it had committed, and a re-run
// completes it with every article exactly once. docs/reliability.md lists the promises and the tests
// that show them.
#include <signal.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
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

std::vector<std::string> index_args(const fs::path& db, const Collection& collection, bool force,
                                    bool compact = false) {
  std::vector<std::string> args{"--db",   db.string(), "--quiet",        "--entities", "none",
                                "--jobs", "2",         "--commit-every", "40"};
  if (force) args.push_back("--force");
  if (compact) args.push_back("--compact");
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
  CHECK(differences(read_index(copy), collection.ids) == "");
}

// Whether the kill left a database to check: a stub (or an earlier layout's version file). Killed
// before its first version was made, a first run leaves at most the marker.
bool has_database(const fs::path& db) { return fs::exists(db / "XAPIANDB") || fs::exists(db / "iamglass"); }

// The version folders in `db` (a compaction writes the next one beside the current).
std::size_t version_folders(const fs::path& db) {
  std::size_t count = 0;
  std::error_code error;
  for (fs::directory_iterator it(db, error), end; !error && it != end; it.increment(error))
    count += it->path().filename().string().starts_with("version-");
  return count;
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
  int kills = 0, completed_runs = 0, cycles = 0, compaction_kills = 0;
  std::size_t unfinished_files_seen = 0;  // files a kill left half re-indexed (each redone by the next run)
  bool force = false;
  while (kills < campaign.kills_wanted && cycles < 4 * campaign.kills_wanted) {
    ++cycles;
    // Every third run compacts, and is killed just after its compaction began (when the next version
    // folder appears) rather than at a random moment of the whole run.
    bool compacting = cycles % 3 == 0;
    ChildProcess indexer(index_command(index_args(db, collection, force || compacting, compacting)), dir.path(),
                         campaign.environment);
    auto delay = milliseconds(delay_ms(random));
    std::optional<ChildExit> early;
    if (compacting) {
      auto versions_before = std::max<std::size_t>(1, version_folders(db));
      while (!(early = indexer.wait_for(milliseconds(1))) && version_folders(db) <= versions_before) {
      }
      delay = milliseconds(random() % 60);
      if (!early) early = indexer.wait_for(delay);
      if (!early) ++compaction_kills;
    } else {
      early = indexer.wait_for(delay);
    }
    indexer.signal(SIGKILL);
    auto exit = early ? *early : indexer.wait();
    INFO("cycle " << cycles << ", delay " << delay.count() << " ms, --force " << force << ", --compact " << compacting
                  << "\n"
                  << exit.err);
    if (exit.signal == SIGKILL) {
      ++kills;
    } else {
      REQUIRE(exit.exit_code == 0);
      ++completed_runs;
    }
    if (!has_database(db)) continue;  // killed before its first version was made: nothing to check
    unfinished_files_seen += check_after_kill(db, collection, campaign, committed);
    if (exit.signal == SIGKILL && kills % 6 == 0) check_rerun_completes(db, collection, dir.path(), campaign);
    // A finished run leaves nothing to do: re-index everything so the next kill lands in real work;
    // otherwise half the runs go on where the last stopped and half re-index everything.
    force = exit.exit_code == 0 || random() % 2 == 0;
  }
  WARN("kills survived: " << kills << ", " << compaction_kills << " of them during a compaction (" << completed_runs
                          << " runs finished before their kill; a whole run took " << whole_run.count()
                          << " ms; files left unfinished by a kill: " << unfinished_files_seen << ")");
  CHECK(kills >= campaign.kills_wanted);
  CHECK(compaction_kills >= campaign.kills_wanted / 6);

  auto exit = run_to_end(db, collection, dir.path(), campaign);
  INFO(exit.err);
  REQUIRE(exit.exit_code == 0);
  CHECK(integrity_problems(db).empty());
  CHECK(version_folders(db) == 1);  // what the kills left half-made or retired is gone
  CHECK(differences(read_index(db), collection.ids) == "");
}

}  // namespace

TEST_CASE("SIGKILL at random moments: the index stays valid, keeps what it committed, a re-run completes it",
          "[reliability][kill][slow]") {
  Campaign campaign;
  campaign.kills_wanted = static_cast<int>(number_from_environment("NEWSDEX_KILLS", 24));
  run_campaign(campaign);
}

TEST_CASE("SIGKILL while Xapian flushes inside files: a re-run still completes the index exactly",
          "[reliability][kill][slow]") {
  Campaign campaign;
  campaign.kills_wanted = static_cast<int>(number_from_environment("NEWSDEX_FLUSH_KILLS", 10));
  campaign.environment = {"XAPIAN_FLUSH_THRESHOLD=30"};
  campaign.committed_stay_visible = false;
  run_campaign(campaign);
}
