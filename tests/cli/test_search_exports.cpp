// Black-box tests of newsdex-search's counts and exports (issue 17, items 1 and 2, and --jsonl's summary):
// --count and the JSON "total" are exact and do not move with --limit; a page topped up with
// articles having some of the words says how many have every word and how many some; --csv and
// --tsv parse back exactly with a strict parser (tests/cli/parse_export.py) whatever the titles
// hold; --output ids|paths, with -0 for xargs -0; --limit all lists every match, as many as
// --count says; --jsonl ends with a summary line of totals and facets.
// Before: "tony blair iraq --limit 5" said "about 20 matching articles" where 44 matched, and the
// number moved with --limit; there was no --count, no CSV or TSV, no --output, and --jsonl gave
// no total and dropped the facets.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/cli/search_commands.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

// The lines of `text` split on `separator`, which must end the last one too.
std::vector<std::string> items(const std::string& text, char separator) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  REQUIRE(text.back() == separator);
  std::string item;
  for (char c : text.substr(0, text.size() - 1)) {
    if (c == separator) {
      out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  out.push_back(item);
  return out;
}

std::string names(const json& list) {
  std::string out;
  for (const auto& entity : list) out += (out.empty() ? "" : "; ") + entity["name"].get<std::string>();
  return out;
}

std::string text_or_empty(const json& value) { return value.is_null() ? "" : value.get<std::string>(); }

// What each export field should hold for a JSON result.
std::string expected_field(const json& hit, const std::string& field) {
  if (field == "rank") return std::to_string(hit["rank"].get<int>());
  if (field == "date") return text_or_empty(hit["published"]);
  if (field == "people") return names(hit["entities"]["people"]);
  if (field == "organisations") return names(hit["entities"]["organisations"]);
  if (field == "places") return names(hit["entities"]["places"]);
  return text_or_empty(hit[field]);
}

// Articles whose titles, authors, sources and entity names hold what CSV and TSV must quote or escape.
std::vector<newsdex::Article> awkward_articles() {
  auto article = [](std::string slug, std::string title, std::string author, std::string source) {
    auto a = fixture_article(slug, std::move(title), "2024-11-05", std::move(source),
                             {"The zebra crossing on the high street was repainted, residents of " + slug + " said.",
                              "A second paragraph, with \"quotes\", and a tab\there."},
                             {entity("Doe, Jane"), entity("Ann \"Nan\" Lee")}, {entity("Roads; Bridges Ltd")},
                             {entity("High Street")});
    a.author = std::move(author);
    return a;
  };
  return {
      article("commas", "Strike, day two: talks go on", "Doe, Jane", "AP, Reuters"),
      article("quotes", "\"No deal\", says the \"union\"", "", "BBC"),
      article("newline", "First line\nsecond line\r\nthird", "Tab\tAuthor", "Wire\\Service"),
      article("ends-with-quote", "He said \"", "Back\\slash", "x"),
      article("plain", "A plain zebra title", "Plain Author", "Plain Source"),
      article("unicode", "Zoë's café, \"Ünïcödé\"\tand more", "Zoë", "Ärzte Zeitung"),
  };
}

}  // namespace

TEST_CASE("exports: --csv rows parse back exactly with a strict RFC 4180 parser, every field",
          "[cli][search][exports]") {
  FixtureDb f("exports-csv", awkward_articles());
  const std::string fields = "rank,id,date,source,title,author,url,path,people,organisations,places,snippet";
  auto expected = ok_json(f.run("--json --limit 100 zebra"))["results"];
  REQUIRE(expected.size() == 6);
  for (const std::string limit : {"--limit 100", "--limit all"}) {
    INFO(limit);
    auto result = f.run("--csv " + limit + " --fields " + fields + " zebra");
    REQUIRE(result.exit_code == 0);
    auto rows = parse_export("csv", result.out);
    REQUIRE(rows.size() == expected.size() + 1);
    CHECK(rows[0] == std::vector<std::string>{"rank", "id", "date", "source", "title", "author", "url", "path",
                                              "people", "organisations", "places", "snippet"});
    for (std::size_t i = 0; i < expected.size(); ++i) {
      std::size_t column = 0;
      for (auto name : newsdex::split(fields, ',')) {
        INFO("row " << i + 1 << " field " << name);
        CHECK(rows[i + 1][column++] == expected_field(expected[i], std::string(name)));
      }
    }
  }
  // The default columns, and a header alone when nothing matches.
  auto default_rows = parse_export("csv", f.run("--csv zebra").out);
  CHECK(default_rows[0] == std::vector<std::string>{"date", "source", "title", "author", "url", "path"});
  CHECK(parse_export("csv", f.run("--csv --fields title,orgs zebra").out)[0] ==
        std::vector<std::string>{"title", "organisations"});  // an alias of the column
  CHECK(f.run("--csv nothingmatchesthis").out == "date,source,title,author,url,path\r\n");
  // Only values with a comma, quote, CR or LF are quoted.
  auto plain = f.run("--csv --fields title,author 'title:plain'");
  CHECK(plain.out == "title,author\r\nA plain zebra title,Plain Author\r\n");
  auto quoted = f.run("--csv --fields title,author 'title:\"no deal\"'");
  CHECK(quoted.out == "title,author\r\n\"\"\"No deal\"\", says the \"\"union\"\"\",\r\n");
}

TEST_CASE("exports: --tsv rows are one line each, tabs, newlines, CRs and backslashes escaped",
          "[cli][search][exports]") {
  FixtureDb f("exports-tsv", awkward_articles());
  const std::string fields = "title,author,source,people,snippet";
  auto expected = ok_json(f.run("--json --limit 100 zebra"))["results"];
  auto result = f.run("--tsv --limit all --fields " + fields + " zebra");
  REQUIRE(result.exit_code == 0);
  CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 7);  // header and six rows
  CHECK(result.out.find('\r') == std::string::npos);
  CHECK(result.out.find("First line\\nsecond line\\r\\nthird\tTab\\tAuthor\tWire\\\\Service\t") != std::string::npos);
  auto rows = parse_export("tsv", result.out);
  REQUIRE(rows.size() == 7);
  CHECK(rows[0] == std::vector<std::string>{"title", "author", "source", "people", "snippet"});
  for (std::size_t i = 0; i < expected.size(); ++i) {
    std::size_t column = 0;
    for (auto name : newsdex::split(fields, ',')) {
      INFO("row " << i + 1 << " field " << name);
      CHECK(rows[i + 1][column++] == expected_field(expected[i], std::string(name)));
    }
  }
}

TEST_CASE("exports: --output ids and paths, newline- or NUL-separated, paths usable by xargs -0",
          "[cli][search][exports]") {
  auto expected = ok_json(search_sample("--json --limit 1000 harbour"))["results"];
  REQUIRE(expected.size() > 3);
  std::vector<std::string> ids, paths;
  for (const auto& hit : expected) {
    ids.push_back(hit["id"]);
    if (std::find(paths.begin(), paths.end(), hit["path"]) == paths.end()) paths.push_back(hit["path"]);
  }
  for (const auto& [args, separator] :
       std::vector<std::pair<std::string, char>>{{"", '\n'}, {" -0", '\0'}, {" --null", '\0'}}) {
    INFO(args);
    auto listed_ids = search_sample("--output ids --limit all" + args + " harbour");
    REQUIRE(listed_ids.exit_code == 0);
    CHECK(items(listed_ids.out, separator) == ids);
    auto listed_paths = search_sample("--output paths --limit all" + args + " harbour");
    REQUIRE(listed_paths.exit_code == 0);
    CHECK(items(listed_paths.out, separator) == paths);  // in rank order, each file once
  }
  // The paths are the files themselves: xargs -0 opens every one.
  auto through_xargs = run_command(shell_quote(search_bin()) + " --db " + shell_quote(sample_corpus_db().string()) +
                                   " --output paths -0 --limit all harbour | xargs -0 grep -l -i harbour");
  INFO(through_xargs.err);
  CHECK(through_xargs.exit_code == 0);
  CHECK(items(through_xargs.out, '\n') == paths);
  // --limit still applies, and stderr says how many were left out; stdout holds the data only.
  auto three = search_sample("--output ids --limit 3 harbour");
  CHECK(items(three.out, '\n') == std::vector<std::string>(ids.begin(), ids.begin() + 3));
  CHECK_THAT(three.err, Catch::Contains("wrote 3 of " + std::to_string(ids.size()) + " matching articles"));
}

TEST_CASE("counts: --count and the JSON total are exact, equal the ids --limit all lists, whatever --limit",
          "[cli][search][counts]") {
  for (const std::string query : {"harbour", "'harbour strike'", "--any 'harbour festival'", "--from 2024-10",
                                  "'person:\"Zoë Marchetti\"'", "'port OR festival'", "nothingmatchesthis"}) {
    INFO(query);
    auto count = search_sample("--count " + query);
    REQUIRE(count.exit_code == 0);
    auto ids = items(search_sample("--output ids --limit all " + query).out, '\n');
    CHECK(count.out == std::to_string(ids.size()) + "\n");
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
    for (const std::string limit : {"--limit 0", "--limit 1", "--limit 1000"}) {
      auto r = ok_json(search_sample("--json " + limit + " " + query));
      CHECK(r["matches"]["total"] == ids.size());
    }
    auto jsonl = search_sample("--jsonl --limit all " + query);
    auto lines = items(jsonl.out, '\n');
    REQUIRE(!lines.empty());
    CHECK(lines.size() == ids.size() + 1);
    CHECK(json::parse(lines.back())["matches"]["total"] == ids.size());
  }
}

TEST_CASE("counts: the text and JSON counts do not move with --limit where Xapian's estimate does",
          "[cli][search][counts]") {
  // 40 of 2,000 articles have all three words, and about 400 each word: Xapian's estimate for the AND
  // (which supposes the words independent, about 19) is far off until every match is seen.
  std::vector<newsdex::Article> articles;
  for (int n = 0; n < 2000; ++n) {
    std::string body = "A report for day " + std::to_string(n) + ".";
    bool all_three = n % 50 == 0;
    if (all_three || n % 5 == 0) body += " Tony spoke.";
    if (all_three || n % 5 == 1) body += " Blair spoke.";
    if (all_three || n % 5 == 2) body += " Iraq was mentioned.";
    articles.push_back(fixture_article("story-" + std::to_string(n), "Story " + std::to_string(n), "2024-01-01", "Wire",
                                       {body}, {}, {}, {}));
  }
  FixtureDb f("exact-counts", articles);
  for (const std::string limit : {"1", "5", "10", "100"}) {
    INFO("--limit " << limit);
    auto text = f.run("--color never --limit " + limit + " tony blair iraq");
    REQUIRE(text.exit_code == 0);
    // First on its line (with --limit 100 the page is topped up, and a line before says so).
    CHECK_THAT(text.out,
               Catch::StartsWith("40 matching articles (") || Catch::Contains("\n40 matching articles, and "));
    CHECK(text.out.find("about") == std::string::npos);
    auto r = ok_json(f.run("--json --limit " + limit + " tony blair iraq"));
    CHECK(r["matches"]["total"] == 40);
    CHECK(r["matches"]["exact"] == true);
  }
  CHECK(f.run("--count tony blair iraq").out == "40\n");
  // --estimate asks for Xapian's cheap estimate, and the output says so.
  CHECK_THAT(f.run("--color never --estimate --limit 100 tony blair iraq").out, Catch::Contains("about "));
  CHECK(ok_json(f.run("--json --estimate --limit 1 tony blair iraq"))["matches"]["total"].is_null());
  CHECK(items(f.run("--output ids --limit all tony blair iraq").out, '\n').size() == 40);
  // Batch mode keeps Xapian's estimate unless asked ("exact_count"), and says so.
  auto batch = f.run("--batch", R"({"query": "tony blair iraq", "limit": 1})"
                                "\n"
                                R"({"query": "tony blair iraq", "limit": 1, "exact_count": true})"
                                "\n");
  std::istringstream lines(batch.out);
  std::string estimated, exact;
  std::getline(lines, estimated), std::getline(lines, exact);
  CHECK(json::parse(estimated)["matches"]["exact"] == false);
  CHECK(json::parse(estimated)["matches"]["total"].is_null());
  CHECK(json::parse(exact)["matches"]["total"] == 40);
}

TEST_CASE(
    "counts: with a page topped up from any-word matching, the count says how many have every word and how many some",
    "[cli][search][counts]") {
  FixtureDb f("fallback-counts", fixture_articles());
  // Two articles have hostages and doha; one more has only hostages (the copy is collapsed).
  auto topped_up = ok_json(f.run("--json --expand 0 --limit 10 'hostages doha'"));
  CHECK(topped_up["query"]["fallback_to_any"] == true);
  CHECK(topped_up["results"].size() == 3);
  CHECK(topped_up["matches"]["total"] == 2);
  CHECK(topped_up["matches"]["some_words"] == 1);
  auto text = f.run("--color never --expand 0 --limit 10 hostages doha");
  CHECK_THAT(text.out, Catch::Contains("2 matching articles, and 1 with only some of the words (showing 1-3"));
  // The count is that of the articles with every word, whatever the page.
  CHECK(f.run("--count hostages doha").out == "2\n");
  CHECK(ok_json(f.run("--json --limit 1 'hostages doha'"))["matches"]["total"] == 2);
  CHECK(items(f.run("--output ids --limit all hostages doha").out, '\n').size() == 2);

  // No article has both words: the page is made of articles with one of them; the count says 0 and how many have some.
  auto none = ok_json(f.run("--json --expand 0 'hostages ohio'"));
  CHECK(none["matches"]["total"] == 0);
  CHECK(none["matches"]["some_words"] == 4);
  CHECK(none["results"].size() == 4);
  CHECK_THAT(f.run("--color never --expand 0 hostages ohio").out,
             Catch::Contains("0 matching articles, and 4 with only some of the words"));
  auto count = f.run("--count hostages ohio");
  CHECK(count.exit_code == 0);
  CHECK(count.out == "0\n");
  CHECK_THAT(count.err, Catch::Contains("no article has every word; 4 have some of them (--any counts those)"));
  CHECK(f.run("--count --any hostages ohio").out == "4\n");
  auto listed = f.run("--output ids --limit all hostages ohio");
  CHECK(listed.out.empty());
  CHECK_THAT(listed.err, Catch::Contains("no article has every word; 4 have some of them (--any lists those)"));
}

TEST_CASE("jsonl: the last line is a summary holding the totals and the facets", "[cli][search][jsonl]") {
  FixtureDb f("jsonl-summary", fixture_articles());
  auto expected = ok_json(f.run("--json --facet place,source --limit 2 hostages"));
  for (const std::string limit : {"--limit 2", "--limit all"}) {
    INFO(limit);
    auto lines = items(f.run("--jsonl --facet place,source " + limit + " hostages").out, '\n');
    std::size_t results = limit == "--limit 2" ? 2 : 3;
    REQUIRE(lines.size() == results + 1);
    for (std::size_t i = 0; i < results; ++i) CHECK(json::parse(lines[i])["rank"] == i + 1);
    auto summary = json::parse(lines.back());
    CHECK(summary["summary"] == true);
    CHECK(summary["results_written"] == results);
    CHECK(summary["matches"]["total"] == 3);
    CHECK(summary["facets"] == expected["facets"]);
    CHECK(summary["query"] == expected["query"]);
    CHECK(summary["limit"] == (limit == "--limit 2" ? json(2) : json(nullptr)));
  }
}

TEST_CASE("exports: contradictory or unknown export options are usage errors", "[cli][search][exports]") {
  FixtureDb f("export-options", fixture_articles());
  struct Bad {
    std::string args, message;
  };
  const Bad cases[] = {
      {"--csv --fields title,colour gaza", "unknown --fields field 'colour': choose rank, id, date, source, title"},
      {"--csv --fields , gaza", "--fields: name at least one field"},
      {"--output titles gaza", "unknown --output value 'titles': choose ids or paths"},
      {"--csv --tsv gaza", "choose one of --json, --jsonl, --csv, --tsv, --output and --batch"},
      {"--json --output ids gaza", "choose one of"},
      {"--count --csv gaza", "--count prints a number"},
      {"--limit all gaza", "--limit all writes every match as it is found"},
      {"--json --limit all gaza", "--limit all"},
      {"--fields title gaza", "--fields chooses the columns of --csv or --tsv"},
      {"-0 gaza", "-0 separates the items of --output"},
      {"--count --estimate gaza", "--count is exact"},
      {"--csv --limit alll gaza", "--limit: 'alll' is not a whole number"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    auto result = f.run(c.args);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(c.message));
    if (c.args.starts_with("--json")) {
      CHECK(json::parse(result.out)["error"]["exit_code"] == 2);  // the JSON error, as for every usage error
    } else {
      CHECK(result.out.empty());
    }
  }
  // A bad query writes no header: stdout stays empty.
  auto bad_query = f.run("--csv '\"unbalanced'");
  CHECK(bad_query.exit_code == 2);
  CHECK(bad_query.out.empty());
}
