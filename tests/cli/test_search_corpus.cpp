// newsdex-search on the sample collection (corpus/) indexed by the real newsdex-index, checked
// against the facts in tests/fixtures/corpus-expected.json.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/support.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

json search(const std::string& args) {
  auto result = run_command(shell_quote(search_bin()) + " --json --db " + shell_quote(sample_corpus_db().string()) + " " + args);
  INFO(args << "\n" << result.err);
  REQUIRE(result.exit_code == 0);
  return json::parse(result.out);
}

json expected() { return json::parse(read_file(source_dir() / "tests/fixtures/corpus-expected.json")); }

// "text/x.txt#0" for an expected article; the second of each duplicate pair is indexed as the first.
std::set<std::string> duplicate_copies() {
  std::set<std::string> copies;
  auto facts = expected();
  for (const auto& pair : facts["duplicates"]) copies.insert(pair[1].get<std::string>());
  return copies;
}

}  // namespace

TEST_CASE("corpus: the date facet counts every article of each month", "[cli][search][corpus]") {
  std::map<std::string, int> months;
  auto copies = duplicate_copies();
  auto facts = expected();
  for (const auto& article : facts["articles"]) {
    auto key = article["file"].get<std::string>() + "#" + std::to_string(article["position"].get<int>());
    if (!copies.count(key)) ++months[article["date"].get<std::string>().substr(0, 7)];
  }
  auto response = search("--facet date --from 2024 --limit 0");
  std::map<std::string, int> got;
  std::vector<std::string> listed;
  for (const auto& value : response["facets"]["date"]["values"]) {
    listed.push_back(value["key"]);
    if (value["count"] != 0) got[value["key"]] = value["count"];
  }
  CHECK(response["facets"]["date"]["granularity"] == "month");
  CHECK(got == months);
  // Every month from --from (January) to the last article's (December), the empty ones with 0.
  CHECK(listed == std::vector<std::string>{"2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07",
                                           "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"});
  CHECK(response["facets"]["date"]["undated"] == 0);
  CHECK(search("date:2024-09 --limit 100")["results"].size() == static_cast<std::size_t>(months["2024-09"]));
}

TEST_CASE("corpus: a title phrase finds its article first", "[cli][search][corpus]") {
  int checked = 0;
  auto facts = expected();
  for (const auto& article : facts["articles"]) {
    if (checked++ % 6) continue;  // every sixth article keeps the test quick
    auto title = article["title"].get<std::string>();
    std::string quoted;
    for (char c : title) quoted += c == '"' ? ' ' : c;
    auto response = search(shell_quote("title:\"" + quoted + "\"") + " --limit 1 --no-collapse");
    INFO(title);
    REQUIRE(response["results"].size() == 1);
    CHECK(response["results"][0]["title"] == title);
  }
}

TEST_CASE("corpus: entity filters fold case and accents, and agree with the facets", "[cli][search][corpus]") {
  auto accented = search("--limit 100 " + shell_quote("person:\"Zoë Marchetti\""));
  auto folded = search("--limit 100 " + shell_quote("person:\"ZOE MARCHETTI\""));
  REQUIRE(!accented["results"].empty());
  CHECK(accented["results"] == folded["results"]);
  for (const auto& hit : accented["results"]) {
    bool named = false;
    for (const auto& person : hit["entities"]["people"]) named = named || person["key"] == "zoe marchetti";
    CHECK(named);
  }
  auto facets = search("--facet person --facet-size 1000 --limit 0 --from 2024");
  int count = 0;
  for (const auto& value : facets["facets"]["person"]["values"])
    if (value["key"] == "zoe marchetti") count = value["count"];
  CHECK(count == static_cast<int>(accented["results"].size()));
}

TEST_CASE("corpus: an article stored once for two files lists the other one", "[cli][search][corpus]") {
  auto facts = expected();
  auto pair = facts["duplicates"][0];
  auto file = pair[0].get<std::string>();
  auto stem = std::filesystem::path(file.substr(0, file.find('#'))).stem().string();
  bool found = false;
  auto all = search("--limit 100 --no-collapse --from 2024");
  INFO(stem << " " << all["results"].size());
  for (const auto& hit : all["results"]) {
    if (hit["path"].get<std::string>().find(stem) == std::string::npos &&
        (hit["duplicates"].empty() || hit["duplicates"][0]["path"].get<std::string>().find(stem) == std::string::npos))
      continue;
    found = true;
    CHECK(hit["duplicates"].size() == 1);
  }
  CHECK(found);
}

TEST_CASE("corpus: more like this stays on the same story", "[cli][search][corpus]") {
  auto strike = search("--limit 1 " + shell_quote("title:\"dockers vote for strike\""))["results"][0];
  auto like = search("--limit 5 --like " + shell_quote(strike["id"].get<std::string>()));
  REQUIRE(like["results"].size() == 5);
  int about_strike = 0;
  for (const auto& hit : like["results"]) {
    CHECK(hit["id"] != strike["id"]);
    auto text = hit["title"].get<std::string>() + " " + hit["snippet"].get<std::string>();
    about_strike += text.find("trike") != std::string::npos || text.find("Northgate") != std::string::npos ||
                    text.find("ocker") != std::string::npos;
  }
  CHECK(about_strike >= 4);
}
