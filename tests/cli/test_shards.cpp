// Sharded collections through the real binaries (docs/distributed.md, "Sharded collections"): a
// collection indexed with --shards 3 answers every search as the same articles indexed as one
// database (counts, facet counts, display names, results, spelling), incremental runs, --prune and
// duplicates keep working across shards, stock Xapian opens it, and merge makes it one database.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/store/shard_routing.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* match_everything = "-qqzxqvvkjq";  // a negated word no article has

Json index_run(const fs::path& db, const std::vector<fs::path>& inputs, const std::string& options = {}) {
  std::string command =
      shell_quote(index_bin()) + " --json --no-compact " + options + " --db " + shell_quote(db.string());
  for (const auto& input : inputs) command += " " + shell_quote(input.string());
  auto result = run_command(command);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return Json::parse(result.out);
}

// What a search answers, without what depends on document numbers or timing: the count, the facets
// (counts and display names), the suggestion and every result (by id: ties may come in another order).
Json answer(const fs::path& db, const std::string& arguments) {
  auto result = run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " --json --limit 1000 " +
                            arguments);
  INFO(arguments << "\n" << result.err);
  REQUIRE(result.exit_code == 0);
  auto response = Json::parse(result.out);
  // Beyond the page the order of equal weights decides which results are shown: compared when all are.
  Json results = Json::object();
  if (response["matches"]["total"].get<int>() > 1000) response["results"] = Json::array();
  for (auto hit : response["results"]) {
    for (const char* volatile_member : {"docid", "rank", "weight", "percent"}) hit.erase(volatile_member);
    results[hit["id"].get<std::string>()] = hit;
  }
  return {{"matches", response["matches"]},
          {"facets", response["facets"]},
          {"suggestion", response["suggestion"]},
          {"results", results}};
}

// Each query answered alike by both databases; the number of queries that matched something.
int check_same_answers(const fs::path& one, const fs::path& sharded, const std::vector<std::string>& queries) {
  int matched = 0;
  for (const auto& query : queries) {
    INFO("query: " << query);
    auto expected = answer(one, query);
    auto differences = Json::diff(expected, answer(sharded, query));  // from one database to the shards
    INFO("differences: " << differences.dump().substr(0, 3000));
    CHECK(differences.empty());
    matched += expected["matches"]["total"].get<int>() > 0;
  }
  return matched;
}

// The databases the stub names, opened by Xapian alone; each must pass xapian-check.
std::vector<std::string> shard_paths_of(const fs::path& db) {
  std::istringstream stub(read_file(db / "XAPIANDB"));
  std::vector<std::string> paths;
  std::string line;
  while (std::getline(stub, line)) {
    REQUIRE(line.starts_with("auto "));
    paths.push_back((db / line.substr(5)).string());
  }
  return paths;
}

void write_page(const fs::path& path, const std::string& title, const std::string& body) {
  write_file(path, "2024-05-02\n\n" + title + "\n\n" + body + "\n");
}

const std::vector<std::string> corpus_queries = {
    "council",
    "'\"emergency grant\"'",
    "hospital OR school",
    "--sort newest river",
    "councl",  // a spelling suggestion, from the shards' spelling tables summed
    "'person:\"Elena Castellan\"'",
    "--facet person,org,place,source --facet-size 1000 -- " + std::string(match_everything),
    "--facet date:month flood",
};

}  // namespace

TEST_CASE("sharded collections: corpus/ with --shards 3 answers as one database, and stock Xapian opens it",
          "[shards][cli]") {
  TempDir dir("shards-corpus");
  auto one = dir.path() / "one", sharded = dir.path() / "sharded";
  auto corpus = source_dir() / "corpus";
  auto first = index_run(sharded, {corpus}, "--shards 3");
  index_run(one, {corpus});
  CHECK(first["articles"]["added"].get<int>() > 40);

  CHECK(check_same_answers(one, sharded, corpus_queries) >= 6);

  // The stub names three databases; Xapian opens the folder (and the stub) as one, each shard passes
  // xapian-check and holds some of the articles.
  auto shards = shard_paths_of(sharded);
  REQUIRE(shards.size() == 3);
  Xapian::Database whole(sharded.string());
  CHECK(whole.get_doccount() == Xapian::Database(one.string()).get_doccount());
  CHECK(Xapian::Database((sharded / "XAPIANDB").string()).get_doccount() == whole.get_doccount());
  for (const auto& shard : shards) {
    CHECK(Xapian::Database(shard).get_doccount() > 0);
    auto check = run_command("xapian-check " + shell_quote(shard));
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
  }
  auto delve = run_command("xapian-delve " + shell_quote((sharded / "XAPIANDB").string()));
  CHECK(delve.exit_code == 0);
  CHECK(delve.out.find("number of documents = " + std::to_string(whole.get_doccount())) != std::string::npos);

  // `shards` lists them with their articles.
  auto listing = run_command(shell_quote(index_bin()) + " shards --json --db " + shell_quote(sharded.string()));
  REQUIRE(listing.exit_code == 0);
  auto listed = Json::parse(listing.out)["shards"];
  REQUIRE(listed.size() == 3);
  std::uint64_t listed_articles = 0;
  for (const auto& shard : listed) {
    listed_articles += shard["articles"].get<std::uint64_t>();
    CHECK(shard["bytes"].get<std::uint64_t>() > 0);
  }
  CHECK(listed_articles == whole.get_doccount());

  // A re-run writes nothing; leaving --shards out uses the collection's; another count is refused.
  auto again = index_run(sharded, {corpus});
  CHECK_FALSE(again["wrote_anything"].get<bool>());
  auto other = run_command(shell_quote(index_bin()) + " -q --db " + shell_quote(sharded.string()) + " --shards 2 " +
                           shell_quote(corpus.string()));
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("has 3 shards, not --shards 2") != std::string::npos);
  CHECK(other.err.find("newsdex-index merge") != std::string::npos);
  CHECK(std::count(other.err.begin(), other.err.end(), '\n') == 1);
  auto single = run_command(shell_quote(index_bin()) + " -q --db " + shell_quote(one.string()) + " --shards 3 " +
                            shell_quote(corpus.string()));
  CHECK(single.exit_code == 2);
  CHECK(single.err.find("is one database, not --shards 3") != std::string::npos);

  // Merged into one database: the same answers, and a re-run still finds every file up to date.
  auto merged = run_command(shell_quote(index_bin()) + " merge -q --db " + shell_quote(sharded.string()));
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  CHECK(shard_paths_of(sharded).size() == 1);
  check_same_answers(one, sharded, corpus_queries);
  CHECK_FALSE(index_run(sharded, {corpus})["wrote_anything"].get<bool>());
}

TEST_CASE("sharded collections: edits, deletions, --prune and duplicates across shards as in one database",
          "[shards][cli]") {
  TempDir dir("shards-incremental");
  auto pages = dir.path() / "pages";
  fs::create_directories(pages);
  for (int i = 0; i < 12; ++i)
    write_page(pages / ("page-" + std::to_string(i) + ".txt"), "Harbour story number " + std::to_string(i),
               "The harbour board met on day " + std::to_string(i) + " to discuss the ferry timetable and moorings " +
                   std::string(i % 2 ? "for the lighthouse." : "for the marina."));
  // The same article in two files whose ids go to different shards: one document, one duplicate.
  const std::string copied_body = "A lantern parade crossed the old quay while the brass band played sea shanties.";
  std::vector<fs::path> copies;
  std::set<std::size_t> copy_shards;
  for (int i = 0; copies.size() < 2 && i < 100; ++i) {
    auto path = fs::absolute(pages / ("copy-" + std::to_string(i) + ".txt")).lexically_normal();
    auto shard = newsdex::shard_of("file:" + path.string() + "#0", 3);
    if (copy_shards.insert(shard).second) copies.push_back(path);
  }
  REQUIRE(copies.size() == 2);
  for (const auto& copy : copies) write_page(copy, "Lantern parade on the quay", copied_body);

  auto one = dir.path() / "one", sharded = dir.path() / "sharded";
  std::vector<std::string> queries = {"harbour", "lantern",   "lighthouse",
                                      "marina",  "timetable", "--facet place -- " + std::string(match_everything)};
  auto step = [&](const std::string& options, const std::string& what) {
    INFO(what);
    auto single = index_run(one, {pages}, options);
    auto shards = index_run(sharded, {pages}, options + (fs::exists(sharded) ? "" : " --shards 3"));
    CHECK(shards["articles"] == single["articles"]);
    CHECK(shards["files"] == single["files"]);
    check_same_answers(one, sharded, queries);
    return shards;
  };
  auto first = step("", "first run");
  CHECK(first["articles"]["duplicates"].get<int>() == 1);
  CHECK(answer(sharded, "lantern")["matches"]["total"].get<int>() == 1);

  write_page(pages / "page-3.txt", "Harbour story rewritten",
             "The lighthouse keeper of the harbour retired on Friday after forty winters of service on the rocks, "
             "the harbour board said.");
  auto edited = step("", "a file edited");
  CHECK(edited["articles"]["updated"].get<int>() == 1);
  CHECK(answer(sharded, "keeper")["matches"]["total"].get<int>() == 1);

  fs::remove(pages / "page-4.txt");
  fs::remove(copies.front());  // the document's own file: the copy in the other shard takes over
  auto pruned = step("--prune", "files deleted, --prune");
  CHECK(pruned["files"]["pruned"].get<int>() == 2);
  CHECK(answer(sharded, "lantern")["matches"]["total"].get<int>() == 1);
  CHECK(answer(sharded, "'day 4'")["matches"]["total"].get<int>() == 0);
  CHECK_FALSE(step("", "nothing changed")["wrote_anything"].get<bool>());
  CHECK(step("--force", "everything again")["articles"]["updated"].get<int>() == 12);
}

TEST_CASE("sharded collections: part of Reuters-21578 with --shards 3 answers as one database",
          "[shards][cli][reuters]") {
  NEWSDEX_REQUIRE_SHARED(shared);
  TempDir dir("shards-reuters");
  auto converted = run_command("python3 " + shell_quote((source_dir() / "corpus/tools/reuters_to_jsonl.py").string()) +
                               " " + shell_quote((shared / "corpora/reuters21578").string()));
  REQUIRE(converted.exit_code == 0);
  // The first 2,500 stories, in two exports (Reuters repeats some stories: duplicates across shards).
  std::istringstream lines(converted.out);
  std::string line;
  std::ofstream first(dir.path() / "part-1.jsonl"), second(dir.path() / "part-2.jsonl");
  for (int i = 0; i < 2500 && std::getline(lines, line); ++i) (i < 1250 ? first : second) << line << '\n';
  first.close();
  second.close();
  auto one = dir.path() / "one", sharded = dir.path() / "sharded";
  auto inputs = std::vector<fs::path>{dir.path() / "part-1.jsonl", dir.path() / "part-2.jsonl"};
  auto single = index_run(one, inputs);
  auto shards = index_run(sharded, inputs, "--shards 3");
  CHECK(shards["articles"] == single["articles"]);
  CHECK(single["articles"]["duplicates"].get<int>() > 0);
  int matched = check_same_answers(
      one, sharded,
      {"oil", "'\"interest rates\"'", "gold OR silver", "--sort oldest bank", "petrolium", "--place japan trade",
       "--facet place,org,person,source --facet-size 1000 -- " + std::string(match_everything),
       "--facet date:week coffee"});
  CHECK(matched >= 7);
}
