// The promises of docs/reliability.md for a sharded collection (newsdex-index --shards N): a second
// indexer is refused by the lock, a stopped run commits what it counted in every shard, and a run
// killed at any moment leaves shards whose file records never claim an article no shard holds (the
// shard with the records commits last), with a re-run completing the collection exactly.
#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

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

// A collection of `text_files` pages and three small exports.
CollectionShape shape_of(const std::string& tag, std::size_t text_files) {
  return {.tag = tag, .text_files = text_files, .jsonl_files = 3, .lines_per_jsonl = 50};
}

// A temporary folder holding a generated collection and the place of its sharded database.
struct Scene {
  Scene(const std::string& tag, std::size_t text_files)
      : dir("shards-" + tag),
        collection(make_collection(dir.path() / "in", shape_of(tag, text_files))),
        db(dir.path() / "db") {}
  TempDir dir;
  Collection collection;
  fs::path db;
};

std::vector<std::string> sharded_run(const fs::path& db, const Collection& collection,
                                     std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"--db", db.string(), "--shards", "3", "--entities", "none", "--jobs", "2"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(collection.root.string());
  return index_command(args);
}

void check_rerun_completes(const fs::path& dir, const fs::path& db, const Collection& collection) {
  ChildProcess rerun(sharded_run(db, collection, {"--quiet"}), dir);
  auto exit = rerun.wait();
  INFO(exit.err);
  CHECK(exit.exit_code == 0);
  CHECK(differences(read_index(db), collection.ids) == "");
  CHECK(integrity_problems(db).empty());
}

}  // namespace

TEST_CASE("a sharded collection: a second indexer stops at once with 'database is locked'",
          "[reliability][shards][lock]") {
  Scene scene("lock", 60);
  auto& [dir, collection, db] = scene;
  ChildProcess holder(sharded_run(db, collection, {"--quiet", "--commit-every", "5"}), dir.path());
  freeze_after_first_commit(holder, db);
  // With or without --shards: the lock is the folder's, whatever the collection is made of.
  for (const auto* shards : {"", "--shards 3 "}) {
    auto refused = run_command(shell_quote(index_bin()) + " --entities none " + shards + "--db " +
                               shell_quote(db.string()) + " " + shell_quote(collection.root.string()));
    CHECK(refused.exit_code == 4);
    CHECK(refused.err.find("database is locked") != std::string::npos);
  }
  // A reader is not kept out.
  CHECK(run_command(shell_quote(search_bin()) + " --count --db " + shell_quote(db.string()) + " " +
                    collection.common_word)
            .exit_code == 0);
  holder.signal(SIGCONT);
  auto exit = holder.wait();
  INFO(exit.err);
  CHECK(exit.exit_code == 0);
  CHECK(differences(read_index(db), collection.ids) == "");
}

TEST_CASE("a sharded collection: SIGINT commits what was counted in every shard, and a re-run completes it",
          "[reliability][shards][interrupt]") {
  Scene scene("int", 400);
  auto& [dir, collection, db] = scene;
  ChildProcess indexer(sharded_run(db, collection, {"--json", "--commit-every", "25"}), dir.path());
  auto exit = interrupt_after_first_commit(indexer, db, SIGINT);
  INFO(exit.err);
  auto summary = nlohmann::json::parse(exit.out);
  auto contents = read_index(db);
  CHECK(contents.doc_count == summary["articles"]["added"].get<std::size_t>());
  CHECK(contents.doc_count < collection.ids.size());
  CHECK(contents.records_without_articles.empty());
  CHECK(integrity_problems(db).empty());
  check_rerun_completes(dir.path(), db, collection);
}

TEST_CASE("a sharded collection killed at random moments keeps its records true and a re-run completes it",
          "[reliability][shards][kill]") {
  Scene scene("kill", 1200);
  auto& [dir, collection, db] = scene;
  std::mt19937 random(7);
  const auto kills = number_from_environment("NEWSDEX_SHARD_KILLS", 10);
  std::size_t landed = 0;  // kills that stopped a run (the others came after it had finished)
  for (std::size_t kill = 0; kill < kills; ++kill) {
    {
      INFO("kill " << kill);
      // Every other run re-indexes everything, so a kill also lands among replacements.
      std::vector<std::string> extra{"--quiet", "--commit-every", "20"};
      if (kill % 2) extra.push_back("--force");
      ChildProcess indexer(sharded_run(db, collection, extra), dir.path());
      wait_until([&] { return committed_documents(db) > 0 || indexer.finished(); });
      std::this_thread::sleep_for(milliseconds(std::uniform_int_distribution<int>(0, 500)(random)));
      indexer.signal(SIGKILL);
      landed += indexer.wait().signal == SIGKILL;
      auto contents = read_index(db);
      INFO(contents.doc_count << " documents after the kill");
      CHECK(contents.records_without_articles.empty());
      CHECK(contents.id_terms_not_unique.empty());
      for (const auto& [id, documents] : contents.ids) CHECK(documents == 1);
      CHECK(integrity_problems(db).empty());
    }
  }
  CHECK(landed * 2 >= kills);
  check_rerun_completes(dir.path(), db, collection);
}
