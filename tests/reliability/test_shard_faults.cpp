// Shards that are down or die (docs/distributed.md, "Faults"): an unreachable shard is an error that
// names it, in text, --json and each --batch line (the batch goes on); --allow-partial answers from
// the shards that are up and says which are missing; a shard rewritten while searched is read anew.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/reliability/sharded_collection.hpp"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

// Two shards of the sample collection's text pages and HTML pages, each served.
struct TwoServedShards {
  ShardedCollection collection{"shard-faults"};
  TwoServedShards() {
    auto corpus = source_dir() / "corpus";
    collection.index({{corpus / "text"}, {corpus / "html"}});
    collection.serve();
  }
  std::string stub_with_dead_shard(unsigned dead_port) const {
    auto stub = collection.dir.path() / "with-dead.stub";
    write_file(stub, collection.servers[0]->stub_line() + "\nremote 127.0.0.1:" + std::to_string(dead_port) + "\n");
    return "--db " + shell_quote(stub.string());
  }
};

CommandResult search(const std::string& db, const std::string& args) {
  return run_command(shell_quote(search_bin()) + " " + db + " " + args);
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

}  // namespace

TEST_CASE("An unreachable shard is an error naming it; --allow-partial answers from the others", "[shards][faults]") {
  TwoServedShards shards;
  auto dead = free_local_port();
  auto db = shards.stub_with_dead_shard(dead);
  auto named = "127.0.0.1:" + std::to_string(dead);

  auto text = search(db, "flood");
  CHECK(text.exit_code == 5);
  CHECK(text.err.find(named) != std::string::npos);
  CHECK(text.err.find('\n') == text.err.size() - 1);  // one line

  auto json = search(db, "--json flood");
  CHECK(json.exit_code == 5);
  CHECK(nlohmann::json::parse(json.out)["error"]["message"].get<std::string>().find(named) != std::string::npos);

  auto partial = search(db, "--allow-partial --json flood");
  INFO(partial.err);
  REQUIRE(partial.exit_code == 0);
  auto answer = nlohmann::json::parse(partial.out);
  REQUIRE(answer["missing_shards"].size() == 1);
  CHECK(answer["missing_shards"][0]["shard"].get<std::string>().find(named) != std::string::npos);
  // The answer of the shard that is up, as it alone gives it.
  auto alone = comparable_search("--db " + shell_quote(shards.collection.shards[0].string()), "flood");
  CHECK(answer["matches"] == alone["matches"]);

  auto partial_text = search(db, "--allow-partial flood");
  CHECK(partial_text.exit_code == 0);
  CHECK(partial_text.out.find("partial answer: shard " + named) != std::string::npos);
}

TEST_CASE("A server stopped during a batch gives that line an error object; the batch goes on", "[shards][faults]") {
  for (bool allow_partial : {false, true}) {
    TwoServedShards shards;
    auto fifo = shards.collection.dir.path() / "queries";
    auto out = shards.collection.dir.path() / "answers";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CommandResult result;
    std::thread batch([&] {
      result = run_command(shell_quote(search_bin()) + " " + shards.collection.remote_stub_db() + " --batch" +
                           (allow_partial ? " --allow-partial" : "") + " < " + shell_quote(fifo.string()) + " > " +
                           shell_quote(out.string()));
    });
    {
      std::ofstream queries(fifo);
      auto answered = [&](std::size_t lines) {
        for (int i = 0; i < 1000 && json_lines(read_file(out)).size() < lines; ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return json_lines(read_file(out)).size() >= lines;
      };
      queries << "flood" << std::endl;
      REQUIRE(answered(1));
      shards.collection.servers[1]->stop();  // the HTML pages' server goes while the batch runs
      queries << "flood" << std::endl << "festival" << std::endl;
    }
    batch.join();
    auto lines = json_lines(read_file(out));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].contains("results"));
    auto named = "127.0.0.1:" + std::to_string(shards.collection.servers[1]->port());
    for (std::size_t i : {1, 2}) {
      INFO("allow_partial " << allow_partial << ", line " << i + 1 << ": " << lines[i].dump());
      if (allow_partial) {
        REQUIRE(lines[i].contains("missing_shards"));
        CHECK(lines[i]["missing_shards"][0]["shard"].get<std::string>().find(named) != std::string::npos);
        CHECK(lines[i]["matches"]["total"].get<int>() > 0);
      } else {
        REQUIRE(lines[i].contains("error"));
        CHECK(lines[i]["error"]["message"].get<std::string>().find(named) != std::string::npos);
        CHECK(lines[i]["line"] == i + 1);
      }
    }
    CHECK(result.exit_code == (allow_partial ? 0 : 1));
  }
}

TEST_CASE("A shard rewritten while the shards are searched is read anew, never an error", "[shards][faults]") {
  ShardedCollection collection("shard-rewritten");
  auto corpus = source_dir() / "corpus";
  collection.index({{corpus / "text"}, {corpus / "html"}});
  std::atomic<bool> done{false};
  std::thread writer([&] {
    // Shard 1 takes the export, then is compacted and indexed again, while searches run.
    run_command(shell_quote(index_bin()) + " -q --db " + shell_quote(collection.shards[1].string()) + " " +
                shell_quote((corpus / "export").string()));
    run_command(shell_quote(index_bin()) + " compact --db " + shell_quote(collection.shards[1].string()));
    run_command(shell_quote(index_bin()) + " -q --db " + shell_quote(collection.shards[1].string()) + " " +
                shell_quote((corpus / "html").string()));
    done = true;
  });
  int searches = 0;
  while (!done || searches < 5) {
    auto result = search(collection.shards_db(), "--json flood --facet person,source");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(nlohmann::json::parse(result.out)["matches"]["total"].get<int>() > 0);
    ++searches;
  }
  writer.join();
}

}  // namespace newsdex::test
