// Promises: searches answer while an indexer commits or compacts (a reader never sees an error), and
// a second indexer either stops at once with "database is locked" (exit 4) or, with --wait, waits its
// turn.
#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "tests/reliability/child_process.hpp"
#include "tests/reliability/collection.hpp"
#include "tests/reliability/index_checks.hpp"
#include "tests/reliability/wait_for.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

CollectionShape small_shape(const std::string& tag) {
  CollectionShape shape;
  shape.tag = tag;
  shape.text_files = 40;
  shape.jsonl_files = 1;
  shape.lines_per_jsonl = 10;
  return shape;
}

void index_fully(const fs::path& db, const Collection& collection, const fs::path& scratch) {
  ChildProcess indexer(index_command({"--db", db.string(), "--quiet", "--entities", "none", collection.root.string()}),
                       scratch);
  auto exit = indexer.wait();
  INFO(exit.err);
  REQUIRE(exit.exit_code == 0);
}

// Queries that read documents, values and term lists, so a commit can overtake them mid-read.
std::vector<std::string> reading_searches(const std::string& common_word) {
  return {"--json " + common_word,
          "--json --facet person,org,place,source,date --limit 50 harbour",
          "--json --sort newest --limit 100 --snippet-length 400 council OR ferry",
          "--json --any harbour river bridge school station flood market",
          "--json title:report",
          "--jsonl --limit 200 harb*"};
}

// Searcher processes in loops until `done`; every search must exit 0 with nothing on stderr.
class SearchLoops {
 public:
  SearchLoops(const fs::path& db, const fs::path& scratch, std::vector<std::string> searches, std::size_t loops)
      : searches_(std::move(searches)) {
    for (std::size_t i = 0; i < loops; ++i)
      threads_.emplace_back(
          [this, db, folder = scratch / ("searcher-" + std::to_string(i)), i] { loop(db, folder, i); });
  }
  ~SearchLoops() { stop(); }
  void stop() {
    done_ = true;
    for (auto& thread : threads_)
      if (thread.joinable()) thread.join();
  }
  std::size_t runs() const { return runs_; }
  const std::vector<std::string>& failures() const { return failures_; }

 private:
  void loop(const fs::path& db, const fs::path& folder, std::size_t offset) {
    for (std::size_t n = offset; !done_; ++n) {
      fs::create_directories(folder);
      std::vector<std::string> argv{search_bin(), "--db", db.string()};
      std::istringstream words(searches_[n % searches_.size()]);
      for (std::string word; words >> word;) argv.push_back(word);
      ChildProcess search(argv, folder);
      auto exit = search.wait();
      ++runs_;
      if (exit.exit_code != 0 || !exit.err.empty()) {
        std::lock_guard lock(mutex_);
        failures_.push_back(searches_[n % searches_.size()] + ": exit " + std::to_string(exit.exit_code) +
                            (exit.signal ? " signal " + std::to_string(exit.signal) : "") + ": " + exit.err);
      }
      fs::remove_all(folder);  // the outputs of thousands of searches
    }
  }
  std::vector<std::string> searches_;
  std::vector<std::thread> threads_;
  std::atomic<bool> done_{false};
  std::atomic<std::size_t> runs_{0};
  std::mutex mutex_;
  std::vector<std::string> failures_;
};

}  // namespace

TEST_CASE("searches during a long indexing run all answer, without an error", "[reliability][concurrency]") {
  TempDir dir("search-while-writing");
  auto seed = make_collection(dir.path() / "seed", small_shape("seed"));
  auto big = make_collection(dir.path() / "big", {});
  auto db = dir.path() / "db";
  index_fully(db, seed, dir.path());

  const auto searches = reading_searches(big.common_word);
  // A commit every 20 articles (about 150 in the run): far more often than anyone indexes, yet rare
  // enough that the slowest search here, under AddressSanitizer, finishes between two commits
  // (Xapian keeps only the last two revisions readable).
  ChildProcess indexer(index_command({"--db", db.string(), "--quiet", "--entities", "none", "--jobs", "1",
                                      "--commit-every", "20", big.root.string()}),
                       dir.path());
  std::size_t runs = 0;
  std::set<std::uint64_t> totals_seen;  // grows as commits land: the searches really overlapped them
  while (!indexer.finished()) {
    // Every other search is the counting one: with stems-only indexing the run lasts about 2 s, and
    // a count taken every sixth search saw too few commits on a loaded machine.
    bool counting = runs % 2 == 0;
    const auto& options = counting ? searches[0] : searches[1 + (runs / 2) % (searches.size() - 1)];
    auto result = run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " " + options);
    ++runs;
    INFO("search " << runs << ": " << options << "\nstderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    if (counting)
      totals_seen.insert(nlohmann::json::parse(result.out)["matches"]["lower_bound"].get<std::uint64_t>());
  }
  auto exit = indexer.wait();
  INFO(exit.err);
  REQUIRE(exit.exit_code == 0);
  WARN("searches during the indexing run: " << runs << ", distinct result counts seen: " << totals_seen.size());
  CHECK(runs >= 10);
  CHECK(totals_seen.size() >= 3);
  CHECK(differences(read_index(db), ids_of({seed, big})) == "");
}

TEST_CASE("a second indexer stops at once with 'database is locked', or waits with --wait",
          "[reliability][concurrency][lock]") {
  TempDir dir("two-indexers");
  auto first = make_collection(dir.path() / "first", small_shape("first"));
  auto second = make_collection(dir.path() / "second", small_shape("second"));
  auto db = dir.path() / "db";

  ChildProcess holder(
      index_command({"--db", db.string(), "--quiet", "--entities", "none", "--commit-every", "5", first.root.string()}),
      dir.path());
  // Frozen after its first commit, the first indexer holds the write lock for as long as the test needs.
  REQUIRE(wait_until([&] { return committed_documents(db) > 0 || holder.finished(); }));
  holder.signal(SIGSTOP);
  REQUIRE_FALSE(holder.finished());

  auto started = steady_clock::now();
  auto refused = run_command(shell_quote(index_bin()) + " --entities none --db " + shell_quote(db.string()) + " " +
                             shell_quote(second.root.string()));
  CHECK(refused.exit_code == 4);
  CHECK(refused.err.find("database is locked") != std::string::npos);
  CHECK(refused.err.find("--wait") != std::string::npos);
  CHECK(steady_clock::now() - started < seconds(20));

  ChildProcess waiter(
      index_command({"--db", db.string(), "--quiet", "--entities", "none", "--wait", second.root.string()}),
      dir.path());
  CHECK_FALSE(waiter.wait_for(milliseconds(1500)));  // still waiting for the lock
  holder.signal(SIGCONT);
  auto holder_exit = holder.wait();
  auto waiter_exit = waiter.wait_for(seconds(120));
  REQUIRE(waiter_exit);
  INFO(holder_exit.err << waiter_exit->err);
  CHECK(holder_exit.exit_code == 0);
  CHECK(waiter_exit->exit_code == 0);
  CHECK(integrity_problems(db).empty());
  CHECK(differences(read_index(db), ids_of({first, second})) == "");
}

// The case: an indexer alternating compacting runs and plain runs (a commit every 50
// articles) while several searcher processes loop. Compaction switches the stub to a new version and
// leaves the old one's files as they are, so no search may fail. NEWSDEX_COMPACTION_RUNS and
// NEWSDEX_COMPACTION_TEXT_FILES make a longer run (docs/reliability.md gives one's figures).
TEST_CASE("searches beside an indexer that compacts between plain runs all answer, without an error",
          "[reliability][concurrency][compaction]") {
  TempDir dir("search-while-compacting");
  CollectionShape shape = small_shape("churn");
  shape.text_files = number_from_environment("NEWSDEX_COMPACTION_TEXT_FILES", 300);
  shape.jsonl_files = 2;
  shape.lines_per_jsonl = 50;
  auto collection = make_collection(dir.path() / "in", shape);
  auto db = dir.path() / "db";
  index_fully(db, collection, dir.path());

  const auto runs_wanted = number_from_environment("NEWSDEX_COMPACTION_RUNS", 8);
  std::size_t compactions = 0;
  std::string indexer_errors;
  {
    SearchLoops searchers(db, dir.path(), reading_searches(collection.common_word), 4);
    for (std::size_t run = 0; run < runs_wanted; ++run) {
      // --force: every run rewrites every article, so commits (and the compaction) have real work.
      std::vector<std::string> args{"--db", db.string(), "--quiet", "--entities", "none", "--force", "--json"};
      if (run % 2 == 0) {
        args.push_back("--compact");
      } else {
        args.insert(args.end(), {"--no-compact", "--commit-every", "50"});
      }
      args.push_back(collection.root.string());
      ChildProcess indexer(index_command(args), dir.path());
      auto exit = indexer.wait();
      if (exit.exit_code != 0)
        indexer_errors += exit.err;
      else
        compactions += nlohmann::json::parse(exit.out)["compacted"].get<bool>();
    }
    searchers.stop();
    WARN("searches beside " << runs_wanted << " indexing runs (" << compactions << " compacting): " << searchers.runs()
                            << ", failed: " << searchers.failures().size());
    std::string shown;
    for (std::size_t i = 0; i < searchers.failures().size() && i < 5; ++i) shown += searchers.failures()[i] + "\n";
    INFO(shown);
    CHECK(searchers.failures().empty());
    CHECK(searchers.runs() >= 4 * runs_wanted);
  }
  INFO(indexer_errors);
  CHECK(indexer_errors.empty());
  CHECK(compactions == (runs_wanted + 1) / 2);
  CHECK(integrity_problems(db).empty());
  CHECK(differences(read_index(db), collection.ids) == "");
}
