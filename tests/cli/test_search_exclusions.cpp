// A query made only of exclusions means every article except those, through the real binaries on the
// sample collection (corpus/): the results really lack what was excluded, and the counts add up
// (matches of -x + matches of x = every article). Before, Xapian's parser failed on a query of '-'
// items alone and read it again without operators: `-harbour` found the harbour articles.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/support.hpp"

using namespace newsdex::test;
using nlohmann::json;
using Ids = std::set<std::string>;

namespace {

std::string search_command() { return shell_quote(search_bin()) + " --db " + shell_quote(sample_corpus_db().string()); }

// Every match (a facet makes the count exact), as JSON; `query` goes after "--". --all: a query
// whose words all match too few articles must not go on with articles having some of them.
json search(const std::string& options, const std::string& query) {
  auto result = run_command(search_command() + " --json --all --limit 1000 --facet source " + options + " -- " +
                            shell_quote(query));
  INFO(options << " -- " << query << "\n" << result.err);
  REQUIRE(result.exit_code == 0);
  return json::parse(result.out);
}

Ids ids(const json& response) {
  Ids out;
  for (const auto& hit : response["results"]) out.insert(hit["id"].get<std::string>());
  return out;
}

std::size_t article_count() {
  auto stats = run_command(shell_quote(index_bin()) + " stats --json --db " + shell_quote(sample_corpus_db().string()));
  REQUIRE(stats.exit_code == 0);
  return json::parse(stats.out)["articles"].get<std::size_t>();
}

}  // namespace

TEST_CASE("exclusions: -x finds exactly the articles that x does not", "[cli][search][exclusions]") {
  auto all = article_count();
  REQUIRE(all > 20);
  struct Case {
    std::string excluded, included;  // the query of exclusions, and the same things included
  };
  const Case cases[] = {
      {"-harbour", "harbour"},
      {"NOT harbour", "harbour"},
      {"-place:valdermoor", "place:valdermoor"},
      {"NOT place:valdermoor", "place:valdermoor"},
      {"-harbour -council", "harbour OR council"},
      {"-harbour AND -council", "harbour OR council"},
      {"NOT harbour -council", "harbour OR council"},
      {"-\"flood wall\"", "\"flood wall\""},
      {"-title:(harbour workers)", "title:(harbour workers)"},
      {"-title:flood", "title:flood"},
      {"-person:\"Zoë Marchetti\" -council", "person:\"Zoë Marchetti\" OR council"},
      {"-harbou*", "harbou*"},
      {"the -harbour", "harbour"},
  };
  for (const auto& c : cases) {
    INFO(c.excluded);
    auto without = search("", c.excluded), with = search("", c.included);
    auto kept = ids(without), dropped = ids(with);
    CHECK_FALSE(dropped.empty());
    CHECK(kept.size() + dropped.size() == all);
    CHECK(without["matches"]["lower_bound"].get<std::size_t>() + with["matches"]["lower_bound"].get<std::size_t>() ==
          all);
    for (const auto& id : kept) CHECK(dropped.count(id) == 0);
    CHECK_THAT(without["query"]["parsed"].get<std::string>(), Catch::Contains("<alldocuments> AND_NOT"));
    CHECK(without["sort"] == "newest");  // nothing to rank by
  }
}

TEST_CASE("exclusions: option filters still hold", "[cli][search][exclusions]") {
  for (const std::string filter : {"--from 2024-10", "--place Valdermoor", "--person 'Zoë Marchetti'"}) {
    INFO(filter);
    auto filtered = ids(search(filter, "-harbour"));
    auto in_filter = ids(search(filter, ""));
    auto with = ids(search(filter, "harbour"));
    CHECK_FALSE(with.empty());
    CHECK(filtered.size() + with.size() == in_filter.size());
    for (const auto& id : with) CHECK(filtered.count(id) == 0);
    for (const auto& id : filtered) CHECK(in_filter.count(id) == 1);
  }
}

TEST_CASE("exclusions: a query starting with '-' needs '--' or a batch line", "[cli][search][exclusions]") {
  auto expected = ids(search("", "-harbour"));
  // Without "--" the word looked like options: -harbour printed the help (as -h) and exited 0.
  for (const std::string args : {"-harbour", "council -harbour", "--json -harbour"}) {
    INFO(args);
    auto result = run_command(search_command() + " " + args);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("is not an option") && Catch::Contains("'--'"));
    CHECK(result.out.find("Usage") == std::string::npos);
  }
  auto json_error = run_command(search_command() + " --json -harbour");
  CHECK(json::parse(json_error.out)["error"]["exit_code"] == 2);
  // Negative numbers are still option values (and refused by their range, not taken as words).
  CHECK_THAT(run_command(search_command() + " --offset -5 harbour").err,
             Catch::Contains("--offset: -5 is out of range"));

  auto batch =
      run_command(search_command() + " --batch --limit 1000 --facet source", "-harbour\n{\"query\": \"-harbour\"}\n");
  REQUIRE(batch.exit_code == 0);
  std::istringstream lines(batch.out);
  std::string line;
  int answers = 0;
  while (std::getline(lines, line)) {
    ++answers;
    CHECK(ids(json::parse(line)) == expected);
  }
  CHECK(answers == 2);
}
