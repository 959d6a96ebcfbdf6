// The bad-input catalogue, queries: what users type that newsdex-search cannot run as it stands.
// Each must give exit code 2 with a message saying what is wrong (a substring checked here), in
// text mode on stderr and, with --json, as a JSON error object on stdout; none may crash or leak
// Xapian's own jargon. tests/bad_input/README.md lists them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/reliability/collection.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;

namespace {

struct BadQuery {
  std::string name;
  std::string arguments;  // already quoted for the shell
  int exit_code;
  std::string message;
};

std::vector<BadQuery> catalogue() {
  auto q = [](const std::string& text) { return shell_quote(text); };
  std::string long_query;
  while (long_query.size() < 10000) long_query += "harbour ";
  return {
      {"an empty query", q(""), 2, "empty query"},
      {"only spaces", q("   "), 2, "empty query"},
      {"only stopwords", q("the and of"), 2, "only common words"},
      {"an unbalanced quote", q("\"harbour council"), 2, "unbalanced quote"},
      {"a lone quote", q("\""), 2, "unbalanced quote"},
      {"an unclosed bracket", q("(harbour OR council"), 2, "unmatched '('"},
      {"a stray closing bracket", q("harbour)"), 2, "unmatched ')'"},
      {"a query 10,000 characters long", q(long_query), 2, "the query is too long"},
      {"a prefix with no value", q("title:"), 2, "'title:' needs a value"},
      {"a date prefix with no value", q("date:"), 2, "'date:' needs a value, as in date:2024"},
      {"an impossible date", q("date:2024-13-45"), 2, "no such month"},
      {"February 30", q("date:2024-02-30"), 2, "no such day"},
      {"a date range backwards", q("date:2024..2023"), 2, "starts after it ends"},
      {"an impossible --from date", "--from 2024-13-01 harbour", 2, "no such month"},
      {"a wildcard that expands to too many words", "--max-wildcard 2 " + q("r*"), 2,
       "a wildcard matches too many words"},
      {"a wildcard with no letters", q("*"), 2, "a wildcard needs at least one letter"},
      {"an operator with nothing after it", q("harbour NOT"), 2, "needs something after it"},
      {"an operator with nothing before it", q("AND harbour"), 2, "needs something before it"},
      {"an empty --person", "--person '' harbour", 2, "--person needs a value"},
  };
}

}  // namespace

TEST_CASE("bad queries: exit 2 and a message saying what is wrong", "[reliability][bad-input]") {
  TempDir dir("bad-queries");
  CollectionShape shape;
  shape.tag = "query";
  shape.text_files = 20;
  shape.jsonl_files = 0;
  auto collection = make_collection(dir.path() / "in", shape);
  auto db = dir.path() / "db";
  auto indexed = run_command(shell_quote(index_bin()) + " --quiet --entities none --db " + shell_quote(db.string()) +
                             " " + shell_quote(collection.root.string()));
  INFO(indexed.err);
  REQUIRE(indexed.exit_code == 0);
  auto search = shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " ";

  std::size_t tried = 0;
  for (const auto& bad : catalogue()) {
    ++tried;
    INFO("case: " << bad.name);
    auto text = run_command(search + bad.arguments);
    INFO("stderr: " << text.err);
    CHECK(text.exit_code == bad.exit_code);
    CHECK(text.err.find(bad.message) != std::string::npos);
    CHECK(text.err.find("Xapian::") == std::string::npos);
    CHECK(text.err.find('\n') == text.err.size() - 1);  // one line

    auto json = run_command(search + "--json " + bad.arguments);
    CHECK(json.exit_code == bad.exit_code);
    auto error = nlohmann::json::parse(json.out, nullptr, false);
    REQUIRE(error.is_object());
    CHECK(error["error"]["exit_code"] == bad.exit_code);
    CHECK(error["error"]["message"].get<std::string>().find(bad.message) != std::string::npos);
  }
  // The good collection still answers after all of that (searching never writes).
  auto fine = run_command(search + "--json " + collection.common_word);
  REQUIRE(fine.exit_code == 0);
  CHECK(nlohmann::json::parse(fine.out)["matches"]["lower_bound"] == collection.ids.size());
  WARN("bad queries tried: " << tried);
}
