// Promise: on SIGINT or SIGTERM newsdex-index finishes the file in progress (or, inside a large new
// JSON Lines export, the article in progress), commits, prints its summary and exits 6; what it
// committed is searchable and a re-run completes the collection.
#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/reliability/child_process.hpp"
#include "tests/reliability/collection.hpp"
#include "tests/reliability/index_checks.hpp"
#include "tests/reliability/interrupt_after_commit.hpp"
#include "tests/reliability/wait_for.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

// A plain re-run completes the collection: every article once, nothing else.
void check_rerun_completes(const fs::path& dir, const fs::path& db, const Collection& collection) {
  ChildProcess rerun(index_command({"--db", db.string(), "--quiet", "--entities", "none", collection.root.string()}),
                     dir);
  auto rerun_exit = rerun.wait();
  INFO(rerun_exit.err);
  CHECK(rerun_exit.exit_code == 0);
  CHECK(differences(read_index(db), collection.ids) == "");
}

}  // namespace

TEST_CASE("SIGINT and SIGTERM stop the indexer politely: commit, summary, exit 6, re-run completes",
          "[reliability][interrupt]") {
  struct Case {
    int signal;
    bool json_summary;
  };
  for (auto [signal_number, json_summary] : {Case{SIGINT, false}, Case{SIGTERM, true}}) {
    DYNAMIC_SECTION("signal " << signal_number << (json_summary ? " with --json" : "")) {
      TempDir dir("interrupt");
      CollectionShape shape;
      shape.text_files = 600;
      shape.jsonl_files = 4;
      auto collection = make_collection(dir.path() / "in", shape);
      auto db = dir.path() / "db";
      std::vector<std::string> args{"--db", db.string(), "--entities", "none", "--jobs", "2", "--commit-every", "25"};
      if (json_summary) args.push_back("--json");
      args.push_back(collection.root.string());

      ChildProcess indexer(index_command(args), dir.path());
      auto exit = interrupt_after_first_commit(indexer, db, signal_number);
      INFO(exit.err);
      std::size_t reported_added = 0;
      if (json_summary) {
        auto summary = nlohmann::json::parse(exit.out);
        CHECK(summary["interrupted"] == true);
        reported_added = summary["articles"]["added"];
      } else {
        CHECK(exit.err.find("interrupted, committed what was done:") != std::string::npos);
        reported_added = std::stoul(exit.err.substr(exit.err.find("done: ") + 6));
      }

      CHECK(integrity_problems(db).empty());
      auto contents = read_index(db);
      CHECK(contents.doc_count > 0);
      CHECK(contents.doc_count < collection.ids.size());
      CHECK(contents.doc_count == reported_added);  // everything it counted was committed
      CHECK(contents.records_without_articles.empty());

      auto search = run_command(shell_quote(search_bin()) + " --json --limit 5 --db " + shell_quote(db.string()) + " " +
                                collection.common_word);
      INFO(search.err);
      REQUIRE(search.exit_code == 0);
      CHECK(nlohmann::json::parse(search.out)["matches"]["lower_bound"] == contents.doc_count);

      check_rerun_completes(dir.path(), db, collection);
    }
  }
}

TEST_CASE("a signal inside one large new export stops at the next article, not at the end of the file",
          "[reliability][interrupt]") {
  TempDir dir("interrupt-export");
  CollectionShape shape;
  shape.text_files = 0;
  shape.jsonl_files = 1;
  shape.lines_per_jsonl = 20000;
  auto collection = make_collection(dir.path() / "in", shape);
  auto db = dir.path() / "db";
  ChildProcess indexer(index_command({"--db", db.string(), "--json", "--entities", "none", "--jobs", "2",
                                      "--commit-every", "100", collection.root.string()}),
                       dir.path());
  auto exit = interrupt_after_first_commit(indexer, db, SIGTERM);
  INFO(exit.err);
  auto summary = nlohmann::json::parse(exit.out);
  CHECK(summary["interrupted"] == true);
  CHECK(integrity_problems(db).empty());
  auto contents = read_index(db);
  CHECK(contents.doc_count > 0);
  CHECK(contents.doc_count < collection.ids.size());  // it did not go on to the end of the export
  CHECK(contents.doc_count == summary["articles"]["added"]);
  CHECK(contents.unfinished_records == 1);  // the next run finishes the file
  check_rerun_completes(dir.path(), db, collection);
}
