// Promises: searches answer while an indexer commits (a reader never sees an error), and a second
// indexer either stops at once with "database is locked" (exit 4) or, with --wait, waits its turn.
#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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

}  // namespace

TEST_CASE("searches during a long indexing run all answer, without an error", "[reliability][concurrency]") {
  TempDir dir("search-while-writing");
  auto seed = make_collection(dir.path() / "seed", small_shape("seed"));
  auto big = make_collection(dir.path() / "big", {});
  auto db = dir.path() / "db";
  index_fully(db, seed, dir.path());

  // Queries that read documents, values and term lists, so a commit can overtake them mid-read.
  const std::vector<std::string> searches{
      "--json " + big.common_word,
      "--json --facet person,org,place,source,date --limit 50 harbour",
      "--json --sort newest --limit 100 --snippet-length 400 council OR ferry",
      "--json --any harbour river bridge school station flood market",
      "--json title:report",
      "--jsonl --limit 200 harb*",
  };
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
  auto expected = seed.ids;
  expected.insert(big.ids.begin(), big.ids.end());
  auto problems = differences(read_index(db), expected);
  INFO(problems);
  CHECK(problems.empty());
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
  auto expected = first.ids;
  expected.insert(second.ids.begin(), second.ids.end());
  CHECK(integrity_problems(db).empty());
  auto problems = differences(read_index(db), expected);
  INFO(problems);
  CHECK(problems.empty());
}
