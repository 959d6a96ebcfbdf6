// Every number option of both programs, and the number keys of batch JSON requests, through the real
// binaries: a value out of range or not a number is a usage error (exit 2, one line naming the option,
// the value and the allowed range; the JSON error with --json or in --batch), never wrapped, truncated
// or silently taken. Before: --offset 4294967296 showed page 1, --limit 4294967296 nothing, --limit -1
// and --offset -5 were taken, --max-file-size 99999999999999999999G wrapped to 0 and skipped every
// file with exit 0, a negative recency_boost passed in batch JSON; --like 0 and --language klingon
// gave Xapian's text and exit 5 (the indexer after stamping the database with the language).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/cli/test_search_fixture.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

struct Fixture {
  TempDir dir{"option-ranges"};
  std::filesystem::path db = dir.path() / "db";
  Fixture() { build_fixture_db(db, fixture_articles()); }
  CommandResult run(const std::string& args, const std::string& stdin_text = {}) const {
    return run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " " + args, stdin_text);
  }
};

struct Bad {
  std::string args, message;
};

void check_usage_error(const CommandResult& result, const std::string& message) {
  INFO("stderr: " << result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains(message));
  CHECK(result.err.find('\n') == result.err.size() - 1);  // one line
  CHECK(result.err.find("Xapian") == std::string::npos);
}

}  // namespace

TEST_CASE("search options: numbers out of range are usage errors naming option, value and range",
          "[cli][search][options]") {
  Fixture f;
  const Bad cases[] = {
      {"--limit 4294967296 gaza", "--limit: 4294967296 is out of range (allowed: 0 to 1000000)"},
      {"--limit -1 gaza", "--limit: -1 is out of range (allowed: 0 to 1000000)"},
      {"--limit abc gaza", "--limit: 'abc' is not a whole number (allowed: 0 to 1000000)"},
      {"--limit 2.5 gaza", "--limit: '2.5' is not a whole number"},
      {"--offset 4294967296 gaza", "--offset: 4294967296 is out of range (allowed: 0 to 1000000000)"},
      {"--offset -5 gaza", "--offset: -5 is out of range"},
      {"--facet place --facet-size -1 gaza", "--facet-size: -1 is out of range (allowed: 0 to 100000)"},
      {"--snippet-length 99999999999 gaza", "--snippet-length: 99999999999 is out of range"},
      {"--recency-boost -1 gaza", "--recency-boost: -1 is out of range (allowed: 0 to 100000)"},
      {"--recency-boost nan gaza", "--recency-boost: 'nan' is not a number"},
      {"--max-wildcard 0 'h*'", "--max-wildcard: 0 is out of range (allowed: 1 to 1000000)"},
      {"--max-wildcard 4294967297 'h*'", "--max-wildcard: 4294967297 is out of range"},
      {"--bm25 1,0,1,2 gaza", "--bm25 b: 2 is out of range (allowed: 0 to 1)"},
      {"--bm25 inf gaza", "--bm25 k1: 'inf' is not a number"},
      {"--expand 4294967297 gaza", "--expand terms: 4294967297 is out of range (allowed: 0 to 1000)"},
      {"--expand 5,5,-1 gaza", "--expand weight: -1 is out of range"},
      {"--limit", "--limit"},  // CLI11's own error: exit 2 too, not its 106
      {"--no-such-option gaza", "--no-such-option"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    auto text = f.run(c.args);
    check_usage_error(text, c.message);
    CHECK(text.out.empty());
    auto as_json = f.run("--json " + c.args);
    CHECK(as_json.exit_code == 2);
    auto error = json::parse(as_json.out, nullptr, false);
    REQUIRE(error.is_object());
    CHECK(error["error"]["exit_code"] == 2);
    CHECK_THAT(error["error"]["message"].get<std::string>(), Catch::Contains(c.message));
  }
  // In range, paging still pages.
  auto first = json::parse(f.run("--json --limit 1 hostages").out)["results"][0]["id"];
  auto second = json::parse(f.run("--json --limit 1 --offset 1 hostages").out)["results"][0]["id"];
  CHECK(first != second);
}

TEST_CASE("search options: --like with an id or docid that does not exist is a usage error", "[cli][search][options]") {
  Fixture f;
  for (const std::string id : {"0", "999999", "url:https://news.example/no-such-article", "file:nowhere.txt#0"}) {
    INFO(id);
    for (const std::string query : {"", " gaza"}) {
      auto result = f.run("--like " + shell_quote(id) + query);
      check_usage_error(result, "--like: no article with id '" + id + "'");
    }
  }
  CHECK(f.run("--like 1").exit_code == 0);
}

TEST_CASE("batch: number keys are checked as the command line checks its options", "[cli][search][options][batch]") {
  Fixture f;
  const std::vector<std::pair<std::string, std::string>> lines{
      {R"({"query": "hostages", "limit": 4294967296})",
       "\"limit\": 4294967296 is out of range (allowed: 0 to 1000000)"},
      {R"({"query": "hostages", "offset": -5})", "\"offset\": -5 is out of range"},
      {R"({"query": "hostages", "limit": 2.5})", "\"limit\": '2.5' is not a whole number"},
      {R"({"query": "hostages", "recency_boost": -1})", "\"recency_boost\": -1 is out of range (allowed: 0 to 100000)"},
      {R"({"query": "hostages", "facet_size": "3"})", "\"facet_size\" must be a number"},
      {R"({"query": "hostages", "snippet_length": 1e300})", "\"snippet_length\": 1e+300 is out of range"},
      {R"({"query": "hostages", "expand": -2})", "--expand terms: -2 is out of range"},
      {R"({"query": "hostages", "bm25": "1,0,1,2"})", "--bm25 b: 2 is out of range"},
      {R"({"like": "0"})", "--like: no article with id '0'"},
      {R"({"query": "hostages", "limit": 1, "recency_boost": 7.5})", ""},  // fine
  };
  std::string input;
  for (const auto& [line, message] : lines) input += line + "\n";
  auto result = f.run("--batch", input);
  CHECK(result.exit_code == 1);  // some lines failed
  std::istringstream stream(result.out);
  std::size_t i = 0;
  for (std::string line; std::getline(stream, line); ++i) {
    REQUIRE(i < lines.size());
    INFO(lines[i].first);
    auto answer = json::parse(line);
    if (lines[i].second.empty()) {
      CHECK(answer["results"].size() == 1);
      continue;
    }
    CHECK(answer["error"]["exit_code"] == 2);
    CHECK_THAT(answer["error"]["message"].get<std::string>(), Catch::Contains(lines[i].second));
  }
  CHECK(i == lines.size());
}

TEST_CASE("index options: bad numbers and languages stop before any database is made or changed",
          "[cli][indexer][options]") {
  TempDir dir("index-option-ranges");
  write_file(dir.path() / "in/a.txt",
             "2024-11-05\nHarbour strike ends\n\nDock workers ended the strike at the harbour.\n");
  auto index = [&](const std::string& db, const std::string& args) {
    return run_command(shell_quote(index_bin()) + " -q --db " + shell_quote((dir.path() / db).string()) + " " + args +
                       " " + shell_quote((dir.path() / "in").string()));
  };
  const Bad cases[] = {
      {"--max-file-size 99999999999999999999G",
       "--max-file-size: 99999999999999999999G is out of range (allowed: 1 to 1099511627776 bytes)"},
      {"--max-file-size 0", "--max-file-size: 0 is out of range"},
      {"--max-file-size -5M", "--max-file-size: -5M is out of range"},
      {"--max-file-size 10T", "--max-file-size: unknown unit 'T'"},
      {"--jobs -1", "--jobs: -1 is out of range (allowed: 0 to 1024)"},
      {"--jobs 4294967297", "--jobs: 4294967297 is out of range"},
      {"--commit-every -1", "--commit-every: -1 is out of range (allowed: 0 to 100000000)"},
      {"--commit-every 1.5", "--commit-every: '1.5' is not a whole number"},
      {"--language klingon", "--language: unknown language 'klingon' (choose one of: "},
      {"--no-such-option", "--no-such-option"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    check_usage_error(index(c.args + "-db", c.args), c.message);
    CHECK_FALSE(std::filesystem::exists(dir.path() / (c.args + "-db")));
  }
  CHECK_THAT(index("k-db", "--language klingon").err, Catch::Contains("english") && Catch::Contains("french"));
  auto stats =
      run_command(shell_quote(index_bin()) + " stats --top -1 --db " + shell_quote((dir.path() / "x").string()));
  check_usage_error(stats, "--top: -1 is out of range (allowed: 0 to 100000)");

  // An existing database is not stamped with an unknown language (it was, before failing).
  REQUIRE(index("db", "").exit_code == 0);
  check_usage_error(index("db", "--force --language klingon"), "unknown language 'klingon'");
  auto described =
      run_command(shell_quote(index_bin()) + " stats --json --db " + shell_quote((dir.path() / "db").string()));
  REQUIRE(described.exit_code == 0);
  CHECK(json::parse(described.out)["language"] == "english");
  CHECK(index("db", "--force --language english").exit_code == 0);
}

// One check (request_with) serves the command line and batch JSON: what one refuses, the other refuses
// too, with the same message up to how it names the option. Before: a JSON request with both "any" and
// "match" ran with "match" where --any --match was refused, and --bm25 '' was taken as the default
// where "bm25": "" was refused.
TEST_CASE("search options: the command line and batch JSON refuse the same requests", "[cli][search][options][batch]") {
  Fixture f;
  struct Both {
    std::string args, json, cli_message, json_message;  // empty messages: both accept
  };
  const Both cases[] = {
      {"--recency-boost -1 gaza", R"({"query": "gaza", "recency_boost": -1})",
       "--recency-boost: -1 is out of range (allowed: 0 to 100000)",
       "\"recency_boost\": -1 is out of range (allowed: 0 to 100000)"},
      {"--any --match all gaza", R"({"query": "gaza", "any": true, "match": "all"})",
       "give --match, or --any / --all, not both", "give \"match\" or \"any\", not both"},
      {"--all --match any gaza", R"({"query": "gaza", "any": false, "match": "any"})",
       "give --match, or --any / --all, not both", "give \"match\" or \"any\", not both"},
      {"--bm25 '' gaza", R"({"query": "gaza", "bm25": ""})", "--bm25 k1: a number is missing",
       "--bm25 k1: a number is missing"},
      {"--expand '' gaza", R"({"query": "gaza", "expand": ""})", "--expand terms: a number is missing",
       "--expand terms: a number is missing"},
      {"--sort random gaza", R"({"query": "gaza", "sort": "random"})", "unknown sort order", "unknown sort order"},
      {"--facet colour gaza", R"({"query": "gaza", "facets": "colour"})", "unknown facet", "unknown facet"},
      {"--any --match auto hostages", R"({"query": "hostages", "any": true, "match": "auto"})", "", ""},
      {"--bm25 1.2 hostages", R"({"query": "hostages", "bm25": "1.2"})", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.args << "  /  " << c.json);
    auto command_line = f.run(c.args);
    auto batch = f.run("--batch", c.json + "\n");
    auto answer = json::parse(batch.out, nullptr, false);
    REQUIRE(answer.is_object());
    if (c.cli_message.empty()) {
      CHECK(command_line.exit_code == 0);
      CHECK(batch.exit_code == 0);
      CHECK(answer.contains("results"));
      continue;
    }
    check_usage_error(command_line, c.cli_message);
    CHECK(batch.exit_code == 1);  // the line failed
    CHECK(answer["error"]["exit_code"] == 2);
    CHECK_THAT(answer["error"]["message"].get<std::string>(), Catch::Contains(c.json_message));
  }
}
