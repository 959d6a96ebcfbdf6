// Searching shards gives one database's answers (docs/distributed.md): the sample collection indexed
// into one database and into three shards built apart, searched as several --db, through a stub of
// local paths and through a stub of stock xapian-tcpsrv servers on 127.0.0.1; counts, facets and
// their display names, the top results (order, weights, snippets, highlights) must be equal.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <functional>
#include <sstream>

#include "tests/reliability/sharded_collection.hpp"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

// The sample collection over three shards, each file to one shard in turn; the one pair of articles
// with the same body (tests/fixtures/corpus-expected.json, "duplicates") kept in one shard, as a
// collection routed by article would keep them (shards built apart cannot see each other's bodies).
ShardedCollection& sample_shards() {
  static auto collection = [] {
    auto made = std::make_unique<ShardedCollection>("shards-sample");
    auto corpus = source_dir() / "corpus";
    auto duplicate = corpus / "text/hospital-closes-two-wards.txt";
    std::vector<fs::path> files;
    for (const auto* folder : {"text", "html"})
      for (const auto& entry : fs::directory_iterator(corpus / folder))
        if (entry.path() != duplicate) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::vector<fs::path>> shards(3);
    shards[0] = {duplicate, corpus / "export/articles.jsonl"};
    for (std::size_t i = 0; i < files.size(); ++i) shards[i % 3].push_back(files[i]);
    made->index(shards);
    made->serve();
    return made;
  }();
  return *collection;
}

const char* const facets = " --facet person,org,place,source,date ";

// Every kind of query the issue names: words, phrases, wildcards, every filter and facet, dates,
// sorts, recency, spelling, expansion, --like, paging, co-occurrence.
const std::vector<std::string> sample_queries{
    "flood",
    "'\"river tembrel\"'",
    "'hospit*'" + std::string(facets),
    "'flood*' --sort newest",
    "--person 'Elena Castellan'",
    "--org 'Brightfold Labs'" + std::string(facets),
    "--place Brindlemouth",
    "--source 'Harbour Courier' --facet person",
    "'flood warning'" + std::string(facets),
    "flood --from 2024-09 --to 2024-11 --facet date:month",
    "'date:2024-10..2024-12 hospital'",
    "festival --sort oldest",
    "--recency-boost 30 flood",
    "--recency-boost 7 'strike port'",
    "hospitl",
    "'council budget harbour rail strike'",
    "--expand 5,3,0.3 --any flood river",
    "'title:festival'",
    "strike --offset 3 --limit 5",
    "ward --facet date:month,place --facet-size 3",
    "--sort newest --from 2024-10",
    "'castellan NEAR trask'",
    "--cooccurrence all flood",
    "--count flood",
};

void compare_layouts(ShardedCollection& collection, const std::string& query) {
  auto single = comparable_search(collection.single_db(), query);
  INFO("query: " << query << "\nsingle: " << single.dump().substr(0, 3000));
  CHECK(comparable_search(collection.shards_db(), query) == single);
  CHECK(comparable_search(collection.local_stub_db(), query) == single);
  // Xapian 1.4 reads no spelling table over the remote protocol (docs/distributed.md, "Known limits"):
  // remote shards suggest nothing, and the rest of the answer is the same.
  auto remote = comparable_search(collection.remote_stub_db(), query);
  CHECK(remote["suggestion"].is_null());
  remote["suggestion"] = single["suggestion"];
  CHECK(remote == single);
}

}  // namespace

TEST_CASE("Shards, local or remote, give one database's answers to every kind of query", "[shards]") {
  auto& collection = sample_shards();
  for (const auto& query : sample_queries) compare_layouts(collection, query);
}

TEST_CASE("Shards give one database's --like answers (exact term frequencies)", "[shards]") {
  auto& collection = sample_shards();
  auto top = comparable_search(collection.single_db(), "flood");
  REQUIRE(!top["results"].empty());
  auto id = top["results"][0]["id"].get<std::string>();
  compare_layouts(collection, "--like " + shell_quote(id));
  compare_layouts(collection, "--like " + shell_quote(id) + " --facet person");
}

TEST_CASE("Shards give one database's answers in --batch, line by line", "[shards]") {
  auto& collection = sample_shards();
  // Exact counts: batch mode counts only what the page needs unless asked, and Xapian's estimates
  // depend on the layout.
  const std::string lines =
      "{\"query\": \"flood\", \"exact_count\": true}\n"
      "{\"query\": \"hospit*\", \"facets\": [\"source\", \"date\"]}\n"
      "{\"query\": \"\", \"person\": [\"Elena Castellan\"], \"exact_count\": true}\n"
      "{\"query\": \"strike\", \"recency_boost\": 30, \"exact_count\": true}\n";
  auto single = comparable_batch(collection.single_db(), lines);
  REQUIRE(single.size() == 4);
  CHECK(comparable_batch(collection.shards_db(), lines) == single);
  CHECK(comparable_batch(collection.remote_stub_db(), lines) == single);
}

}  // namespace newsdex::test

namespace newsdex::test {

namespace fs = std::filesystem;

TEST_CASE("newsdex-serve serves shards on 127.0.0.1, writes the stub, and stops them by PID", "[shards][serve]") {
  auto& collection = sample_shards();
  auto stub = collection.dir.path() / "served.stub";
  auto serve = "python3 " + shell_quote((source_dir() / "scripts/newsdex-serve").string());
  std::string shards;
  for (const auto& shard : collection.shards) shards += " " + shell_quote(shard.string());
  auto started = run_command(serve + " start --stub " + shell_quote(stub.string()) + shards);
  INFO(started.err);
  REQUIRE(started.exit_code == 0);
  struct StopAtEnd {  // also when a check below fails
    std::string command;
    ~StopAtEnd() { run_command(command); }
  } stop_at_end{serve + " stop --stub " + shell_quote(stub.string())};

  std::vector<unsigned> ports;
  std::istringstream lines(read_file(stub));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    REQUIRE(line.rfind("remote 127.0.0.1:", 0) == 0);
    ports.push_back(static_cast<unsigned>(std::stoul(line.substr(line.rfind(':') + 1))));
  }
  REQUIRE(ports.size() == collection.shards.size());
  for (auto port : ports) CHECK(accepts_connections(port));
  const std::string query = "flood --facet person,source,date";
  CHECK(comparable_search("--db " + shell_quote(stub.string()), query) == comparable_search(collection.single_db(), query));

  auto stopped = run_command(stop_at_end.command);
  CHECK(stopped.exit_code == 0);
  for (auto port : ports) CHECK_FALSE(accepts_connections(port));
  CHECK_FALSE(fs::exists(stub.string() + ".pids"));
}

TEST_CASE("newsdex-serve serves a collection built with --shards, one server per shard", "[shards][serve]") {
  auto& collection = sample_shards();
  auto db = collection.dir.path() / "built-with-shards";
  auto corpus = source_dir() / "corpus";
  auto indexed = run_command(shell_quote(index_bin()) + " -q --shards 3 --db " + shell_quote(db.string()) + " " +
                             sample_corpus_paths());
  INFO(indexed.err);
  REQUIRE(indexed.exit_code == 0);
  auto stub = collection.dir.path() / "built-with-shards.stub";
  auto serve = "python3 " + shell_quote((source_dir() / "scripts/newsdex-serve").string());
  auto started = run_command(serve + " start --stub " + shell_quote(stub.string()) + " " + shell_quote(db.string()));
  INFO(started.err);
  REQUIRE(started.exit_code == 0);
  struct StopAtEnd {  // also when a check below fails
    std::string command;
    ~StopAtEnd() { run_command(command); }
  } stop_at_end{serve + " stop --stub " + shell_quote(stub.string())};
  std::size_t servers = 0;
  std::istringstream lines(read_file(stub));
  for (std::string line; std::getline(lines, line);) servers += line.rfind("remote 127.0.0.1:", 0) == 0;
  CHECK(servers == 3);
  for (const std::string query : {"flood --facet person,org,place,source,date", "'hospit*' --sort newest"})
    CHECK(comparable_search("--db " + shell_quote(stub.string()), query) ==
          comparable_search(collection.single_db(), query));
}

}  // namespace newsdex::test

namespace newsdex::test {

// Reuters-21578's first 1,800 stories over three shards indexed apart: each shard trains its own
// compression dictionary (a stub of them failed 14 queries of 20 with exit 5 when only the first
// shard's dictionaries were consulted). Each story gets a URL from its id so that its article id is
// the same whichever file it is read from; stories go to shards by their body (as a collection routed
// by body keeps its duplicates together: shards indexed apart cannot see each other's bodies). The file
// and position an article was read from differ by construction and are left out.
TEST_CASE("Reuters shards indexed apart give one database's answers", "[shards][reuters]") {
  NEWSDEX_REQUIRE_SHARED(shared);
  if (!fs::exists(shared / "corpora/reuters21578")) {
    WARN("SKIPPED: ../shared/corpora/reuters21578 is missing");
    return;
  }
  ShardedCollection collection("shards-reuters");
  auto converted = run_command("python3 " + shell_quote((source_dir() / "corpus/tools/reuters_to_jsonl.py").string()) +
                               " " + shell_quote((shared / "corpora/reuters21578").string()));
  REQUIRE(converted.exit_code == 0);
  std::istringstream stories(converted.out);
  std::vector<std::string> parts(3);
  std::string line;
  for (std::size_t i = 0; i < 1800 && std::getline(stories, line); ++i) {
    auto story = nlohmann::json::parse(line);
    story["url"] = "https://reuters.example/" + story["id"].get<std::string>();
    std::string body;  // the body's words, lower-cased: copies of a story differ in spacing at most
    std::istringstream words(story.value("body", ""));
    for (std::string word; words >> word;) body += word + " ";
    std::transform(body.begin(), body.end(), body.begin(), [](unsigned char c) { return std::tolower(c); });
    parts[std::hash<std::string>{}(body) % 3] += story.dump() + "\n";
  }
  std::vector<std::vector<fs::path>> files(3);
  for (std::size_t i = 0; i < 3; ++i) {
    files[i] = {collection.dir.path() / ("part" + std::to_string(i) + ".jsonl")};
    write_file(files[i][0], parts[i]);
  }
  collection.index(files);
  collection.serve();
  for (std::string query : {"'oil prices'", "'coffee export*' --facet source,date", "--sort newest --from 1987-03",
                                  "--recency-boost 30 grain", "'bank rate' --expand 5,5,0.3 --any",
                                  "wheat --facet date:month --limit 20"})
    compare_layouts(collection, query);
  auto top = comparable_search(collection.single_db(), "'oil prices'");
  REQUIRE(!top["results"].empty());
  compare_layouts(collection, "--like " + shell_quote(top["results"][0]["id"].get<std::string>()));
}

}  // namespace newsdex::test
