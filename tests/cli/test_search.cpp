// Black-box tests of newsdex-search on the controlled fixture (test_search_fixture.hpp): query
// semantics, every field, dates, sorting, paging, collapsing, facets against counts computed from the
// articles themselves, highlighting, JSON, JSON Lines, batch mode, spelling, more-like-this, several
// databases, and every error case.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/cli/test_search_fixture.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
using nlohmann::json;
using Slugs = std::set<std::string>;

namespace {

struct Fixture {
  TempDir dir{"search"};
  std::filesystem::path db = dir.path() / "db";
  Fixture() { build_fixture_db(db, fixture_articles()); }

  CommandResult run(const std::string& args, const std::string& stdin_text = {}) const {
    return run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " " + args, stdin_text);
  }
  json search(const std::string& args) const {
    auto result = run("--json " + args + (args.find("--limit") == std::string::npos ? " --limit 100" : ""));
    INFO(args << "\n" << result.err);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
  }
};

std::string slug(const json& hit) {
  auto url = hit["url"].get<std::string>();
  return url.substr(url.rfind('/') + 1);
}

Slugs slugs(const json& response) {
  Slugs out;
  for (const auto& hit : response["results"]) out.insert(slug(hit));
  return out;
}

std::vector<std::string> ordered(const json& response) {
  std::vector<std::string> out;
  for (const auto& hit : response["results"]) out.push_back(slug(hit));
  return out;
}

// The highlighted parts of a field, from code point ranges.
std::vector<std::string> highlighted(const json& hit, const std::string& field) {
  std::u32string text;
  auto utf8 = hit[field].get<std::string>();
  for (Xapian::Utf8Iterator it(utf8); it != Xapian::Utf8Iterator(); ++it) text += static_cast<char32_t>(*it);
  std::vector<std::string> parts;
  for (const auto& range : hit[field + "_highlights"]) {
    std::string part;
    for (auto i = range[0].get<std::size_t>(); i < range[1].get<std::size_t>(); ++i)
      Xapian::Unicode::append_utf8(part, text[i]);
    parts.push_back(part);
  }
  return parts;
}

}  // namespace

TEST_CASE("search: words, operators, phrases, fields and dates select the right articles", "[cli][search]") {
  Fixture f;
  struct Case {
    std::string args;
    Slugs expected;
  };
  const Slugs hostages{"hostages-released", "families-protest", "doha-talks"};
  const Case cases[] = {
      {"hostages", hostages},
      {"Hostages", hostages},
      {"hostag*", hostages},
      {"--all hostages doha", {"hostages-released", "doha-talks"}},
      {"--any hostages ohio", {"hostages-released", "families-protest", "doha-talks", "ohio-election"}},
      {"'hostages OR ohio'", {"hostages-released", "families-protest", "doha-talks", "ohio-election"}},
      {"'hostages NOT doha'", {"families-protest"}},
      {"'hostages -doha'", {"families-protest"}},
      {"'\"king of Jordan\"'", {"hostages-released"}},
      // Phrases match word forms: the index keeps positions on stems ("Hostages released" in titles).
      {"'\"hostage release\"'", {"hostages-released"}},
      {"'\"hostages released\" OR \"hostage protest\"'", {"hostages-released", "families-protest"}},
      {"'title:\"harbour strikes\"'", {"harbour-strike"}},
      {"'title:strik*'", {"harbour-strike"}},
      {"'hostages* -doha'", {"families-protest"}},  // the prefix's own stem: "hostage" too
      {"'king jordan'", {"hostages-released", "royal-visit"}},
      {"title:doha", {"doha-talks"}},
      {"'title:(harbour strike)'", {"harbour-strike"}},
      {"'person:\"zoe marchetti\"'", {"hostages-released", "families-protest"}},
      {"'person:\"Zoë Marchetti\"'", {"hostages-released", "families-protest"}},
      {"'person:\"ZOË MARCHETTI\"'", {"hostages-released", "families-protest"}},
      {"person:zoe", {}},
      {"'person:\"benjamin netanyahu\" person:\"zoe marchetti\"'", {"hostages-released"}},
      {"'person:(\"benjamin netanyahu\" OR \"zoe marchetti\")'", {"hostages-released", "families-protest", "doha-talks"}},
      {"org:hamas", {"hostages-released", "doha-talks"}},
      {"place:gaza", {"hostages-released", "families-protest"}},
      {"'hostages -place:gaza'", {"doha-talks"}},
      {"source:reuters", {"hostages-released", "doha-talks", "bank-rates"}},
      {"'source:AP source:BBC'", {"harbour-strike", "families-protest", "ohio-election", "royal-visit"}},
      {"date:2024-11", {"hostages-released", "families-protest", "ohio-election"}},
      {"date:2024", {"hostages-released", "families-protest", "ohio-election", "harbour-strike", "bank-rates"}},
      {"date:..2023-12-31", {"doha-talks", "royal-visit"}},
      {"date:2024-11-06..", {"families-protest", "ohio-election"}},
      {"date:2024-09-01..2024-10-31", {"harbour-strike", "bank-rates"}},
      {"--person 'Zoë Marchetti' --person 'benjamin netanyahu'", {"hostages-released"}},
      {"--person 'Zoë Marchetti' --person 'benjamin netanyahu' --any-person", {"hostages-released", "families-protest", "doha-talks"}},
      {"--place gaza hostages", {"hostages-released", "families-protest"}},
      {"--org hamas --from 2024", {"hostages-released"}},
      {"--source ap --source bbc --to 2024-09", {"harbour-strike", "royal-visit"}},
      {"--no-collapse hostages", {"hostages-released", "hostages-released-copy", "families-protest", "doha-talks"}},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    CHECK(slugs(f.search(c.args)) == c.expected);
  }
}

TEST_CASE("search: sort orders and paging", "[cli][search]") {
  Fixture f;
  CHECK(ordered(f.search("--sort newest date:2024")) ==
        std::vector<std::string>{"families-protest", "ohio-election", "hostages-released", "bank-rates", "harbour-strike"});
  CHECK(ordered(f.search("--sort oldest date:2024")) ==
        std::vector<std::string>{"harbour-strike", "bank-rates", "hostages-released", "ohio-election", "families-protest"});
  // Filters only: no relevance, so newest first.
  auto browse = f.search("--place gaza");
  CHECK(browse["sort"] == "newest");
  CHECK(ordered(browse) == std::vector<std::string>{"families-protest", "hostages-released"});

  auto all = ordered(f.search("--sort newest --limit 4 date:2024"));
  auto page1 = f.search("--sort newest --limit 2 date:2024");
  auto page2 = f.run("--json --sort newest --limit 2 --offset 2 date:2024");
  auto second = json::parse(page2.out);
  CHECK(ordered(page1) == std::vector<std::string>{all[0], all[1]});
  CHECK(ordered(second) == std::vector<std::string>{all[2], all[3]});
  CHECK(second["results"][0]["rank"] == 3);
  CHECK(second["matches"]["estimated"] == 5);
  CHECK(second["offset"] == 2);
}

TEST_CASE("search: a recency boost favours newer articles", "[cli][search]") {
  Fixture f;
  auto plain = ordered(f.search("hostages"));
  auto boosted = ordered(f.search("--recency-boost 10 hostages"));
  CHECK(boosted.front() == "families-protest");  // the newest, 2024-11-20
  CHECK(boosted.back() == "doha-talks");         // 2023
  CHECK(Slugs(plain.begin(), plain.end()) == Slugs(boosted.begin(), boosted.end()));
}

TEST_CASE("search: facets count every matching article exactly, multi-valued fields once per value", "[cli][search]") {
  Fixture f;
  auto response = f.search("--no-collapse --facet person,org,place,source,date --facet-size 100 date:2024");
  // The same counts, computed from the articles themselves.
  std::map<std::string, std::map<std::string, int>> expected;
  for (const auto& article : fixture_articles()) {
    if (article.published.rfind("2024", 0) != 0) continue;
    for (const auto& e : article.entities.people) ++expected["person"][e.key];
    for (const auto& e : article.entities.organisations) ++expected["org"][e.key];
    for (const auto& e : article.entities.places) ++expected["place"][e.key];
    ++expected["source"][newsdex::fold_key(article.source)];
    ++expected["date"][article.published.substr(0, 7)];  // Sep..Nov: by month
  }
  for (const auto& [field, counts] : expected) {
    INFO(field);
    const auto& facet = response["facets"][field];
    CHECK(facet["exact"] == true);
    std::map<std::string, int> got;
    for (const auto& value : facet["values"]) got[value["key"]] = value["count"];
    CHECK(got == counts);
  }
  CHECK(response["facets"]["date"]["granularity"] == "month");
  // Display names come from the index; the largest count comes first.
  CHECK(response["facets"]["person"]["values"][0]["name"] == "Zoë Marchetti");  // 3 articles in 2024

  auto small = f.search("--no-collapse --facet place --facet-size 1 date:2024");
  CHECK(small["facets"]["place"]["values"].size() == 1);
  CHECK(small["facets"]["place"]["values"][0]["key"] == "gaza");
  CHECK(small["facets"]["place"]["other_values"] == 5);  // doha, frankfurt, ohio, rotterdam, tel aviv
  CHECK(small["results"].size() == 6);                   // facets do not change the results
}

TEST_CASE("search: snippets and titles highlight stemmed forms and phrases", "[cli][search]") {
  Fixture f;
  auto response = f.search("'release \"king of Jordan\"'");
  REQUIRE(response["results"].size() == 1);
  const auto& hit = response["results"][0];
  CHECK(highlighted(hit, "snippet") == std::vector<std::string>{"release", "king of Jordan"});
  auto stemmed = f.search("'\"hostage release\"'")["results"][0];
  CHECK(highlighted(stemmed, "title") == std::vector<std::string>{"Hostages released"});
  auto title = f.search("hostage")["results"][0];
  CHECK(highlighted(title, "title") == std::vector<std::string>{"Hostages"});
  CHECK(highlighted(title, "snippet") == std::vector<std::string>{"hostages"});

  auto accented = f.search("'marchetti patience'")["results"][0];
  CHECK(highlighted(accented, "snippet") == std::vector<std::string>{"Marchetti", "patience"});

  auto colour = f.run("--color always hostages");
  CHECK(colour.out.find("\033[1;33mhostages\033[0m") != std::string::npos);
  auto plain = f.run("--color never hostages");
  CHECK(plain.out.find('\033') == std::string::npos);
  CHECK(plain.out.find("3 matching articles") != std::string::npos);
  CHECK(plain.out.find("Three hostages were released") != std::string::npos);

  auto short_snippet = f.search("--snippet-length 20 negotiators")["results"][0]["snippet"].get<std::string>();
  CHECK(short_snippet.size() < 40);
  CHECK(f.search("--snippet-length 0 negotiators")["results"][0]["snippet"] == "");
}

TEST_CASE("search: the JSON output follows docs/json-format.md version 2", "[cli][search]") {
  Fixture f;
  auto r = f.search("--facet person 'the hostages' --place gaza");
  CHECK(r["format_version"] == 3);
  for (const char* key : {"query", "matches", "offset", "limit", "sort", "collapsed", "results", "facets", "suggestion", "timing_ms"})
    CHECK(r.contains(key));
  CHECK(r["query"]["text"] == "the hostages");
  CHECK(r["query"]["operator"] == "all");
  CHECK(r["query"]["stopwords_ignored"] == json::array({"the"}));
  CHECK(r["query"]["filters"] == json::parse(R"([{"field":"place","value":"gaza"}])"));
  CHECK(r["query"]["parsed"].is_string());
  for (const char* key : {"estimated", "lower_bound", "upper_bound", "total"}) CHECK(r["matches"][key] == 2);
  CHECK(r["matches"]["some_words"] == 0);
  CHECK(r["matches"]["exact"] == true);
  const auto& hit = r["results"][0];
  for (const char* key : {"rank", "docid", "id", "weight", "percent", "title", "title_highlights", "published", "author",
                          "source", "url", "path", "position", "snippet", "snippet_highlights", "entities", "duplicates_hidden",
                          "duplicates"})
    CHECK(hit.contains(key));
  CHECK(hit["rank"] == 1);
  CHECK(hit["published"] == "2024-11-05");
  CHECK(hit["author"].is_null());
  CHECK(hit["duplicates_hidden"] == 1);
  CHECK(hit["entities"]["people"][1]["name"] == "Zoë Marchetti");
  CHECK(r["suggestion"].is_null());
  CHECK(r["timing_ms"]["total"].is_number());

  auto lines = f.run("--jsonl hostages");
  REQUIRE(lines.exit_code == 0);
  std::istringstream stream(lines.out);
  std::string line;
  int count = 0;
  json summary;
  while (std::getline(stream, line)) {
    auto object = json::parse(line);
    if (object.contains("summary")) {
      summary = object;  // the last line (version 2)
      continue;
    }
    CHECK(summary.is_null());
    CHECK(object["rank"] == ++count);
  }
  CHECK(count == 3);
  REQUIRE(summary.is_object());
  CHECK(summary["summary"] == true);
  CHECK(summary["results_written"] == 3);
  CHECK(summary["matches"]["total"] == 3);
  CHECK(summary["format_version"] == 3);
  CHECK_FALSE(summary.contains("results"));
}

TEST_CASE("search: batch mode answers each line, errors included, in one process", "[cli][search]") {
  Fixture f;
  std::string input = "hostages\n"
                      "\n"
                      R"({"query": "doha", "limit": 1, "id": "q2", "facets": ["place"]})" "\n"
                      "\"unbalanced\n"
                      R"({"query": "x", "limt": 2})" "\n"
                      R"({"person": ["zoe marchetti"], "sort": "oldest"})" "\n";
  auto result = f.run("--batch", input);
  CHECK(result.exit_code == 1);  // some lines failed
  std::vector<json> out;
  std::istringstream stream(result.out);
  for (std::string line; std::getline(stream, line);) out.push_back(json::parse(line));
  REQUIRE(out.size() == 5);
  CHECK(out[0]["line"] == 1);
  CHECK(out[0]["results"].size() == 3);
  CHECK(out[1]["line"] == 3);
  CHECK(out[1]["id"] == "q2");
  CHECK(out[1]["results"].size() == 1);
  CHECK(out[1]["matches"]["estimated"] == 2);
  CHECK(out[1]["facets"]["place"]["values"][0]["key"] == "doha");
  CHECK(out[2]["error"]["message"].get<std::string>().find("unbalanced quote") != std::string::npos);
  CHECK(out[2]["error"]["position"] == 0);
  CHECK(out[2]["error"]["exit_code"] == 2);
  CHECK(out[3]["error"]["message"].get<std::string>().find("limt") != std::string::npos);
  CHECK(ordered(out[4]) == std::vector<std::string>{"hostages-released", "families-protest"});
}

TEST_CASE("search: a misspelt word gets a suggestion, and --auto-correct runs it", "[cli][search]") {
  Fixture f;
  auto suggested = f.search("hostges");
  CHECK(suggested["suggestion"] == "hostages");
  CHECK(suggested["results"].empty());
  CHECK(f.run("hostges").out.find("Did you mean: hostages") != std::string::npos);
  auto corrected = f.search("--auto-correct hostges");
  CHECK(corrected["query"]["corrected_from"] == "hostges");
  CHECK(corrected["query"]["ran"] == "hostages");
  CHECK(corrected["results"].size() == 3);
  CHECK(f.search("hostages")["suggestion"].is_null());
  // Known words stay as typed, wildcards are shown as written.
  CHECK(f.search("'hostges doh*'")["suggestion"] == "hostages doh*");
  CHECK(f.search("'hostges title:doh*'")["suggestion"] == "hostages title:doh*");
}

TEST_CASE("search: more like this finds related articles and not the article itself", "[cli][search]") {
  Fixture f;
  auto like = f.search("--like url:https://news.example/doha-talks");
  auto found = ordered(like);
  REQUIRE(!found.empty());
  CHECK(found.front() == "hostages-released");
  CHECK(std::find(found.begin(), found.end(), "doha-talks") == found.end());
  auto docid = f.search("title:doha")["results"][0]["docid"].get<int>();
  CHECK(ordered(f.search("--like " + std::to_string(docid))).front() == "hostages-released");
  auto missing = f.run("--like url:nope");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no article with id") != std::string::npos);
}

TEST_CASE("search: several databases are searched as one collection", "[cli][search]") {
  TempDir dir("search-two");
  auto articles = fixture_articles();
  std::vector<newsdex::Article> first(articles.begin(), articles.begin() + 4), second(articles.begin() + 4, articles.end());
  build_fixture_db(dir.path() / "a", first);
  build_fixture_db(dir.path() / "b", second);
  auto result = run_command(shell_quote(search_bin()) + " --json --limit 100 --facet place --db " +
                            shell_quote((dir.path() / "a").string()) + " --db " +
                            shell_quote((dir.path() / "b").string()) + " 'hostages OR jordan'");
  REQUIRE(result.exit_code == 0);
  auto r = json::parse(result.out);
  CHECK(slugs(r) == Slugs{"hostages-released", "families-protest", "doha-talks", "royal-visit"});
  CHECK(r["matches"]["estimated"] == 4);
  // Facets make every match counted: the counts are exact although a duplicate was collapsed.
  CHECK(r["matches"]["exact"] == true);
  CHECK(r["matches"]["upper_bound"] == 4);
  std::map<std::string, int> places;
  for (const auto& value : r["facets"]["place"]["values"]) places[value["key"]] = value["count"];
  CHECK(places["gaza"] == 3);  // the two copies in a + families-protest in b
  CHECK(places["jordan"] == 1);
}

TEST_CASE("search: batch mode with facets collapses duplicates only where a database has them", "[cli][search]") {
  // Batch mode leaves collapsing out when a database has no two articles with the same body
  // (faster); with a duplicate pair it must still collapse, and both ways the counts are exact.
  TempDir dir("search-batch-collapse");
  auto articles = fixture_articles();
  std::vector<newsdex::Article> unique;
  for (const auto& article : articles)
    if (article.url.find("-copy") == std::string::npos) unique.push_back(article);
  REQUIRE(unique.size() + 1 == articles.size());
  build_fixture_db(dir.path() / "with-copy", articles);
  build_fixture_db(dir.path() / "unique", unique);
  std::string input = R"({"query": "hostages", "facets": ["place"], "facet_size": 100})" "\n";
  for (const char* name : {"with-copy", "unique"}) {
    INFO("database: " << name);
    auto result = run_command(shell_quote(search_bin()) + " --batch --db " + shell_quote((dir.path() / name).string()),
                              input);
    REQUIRE(result.exit_code == 0);
    auto r = json::parse(result.out);
    CHECK(slugs(r) == Slugs{"hostages-released", "families-protest", "doha-talks"});
    CHECK(r["results"][0]["duplicates_hidden"] == (std::string(name) == "with-copy" ? 1 : 0));
    CHECK(r["matches"]["exact"] == true);
    CHECK(r["matches"]["estimated"] == 3);
    CHECK(r["facets"]["place"]["values"].size() > 0);
  }
}

TEST_CASE("search: bad queries and options give a clear message and exit code 2", "[cli][search]") {
  Fixture f;
  struct Case {
    std::string args, message;
    int exit_code;
  };
  const Case cases[] = {
      {"''", "empty query", 2},
      {"'the of and'", "only common words", 2},
      {"'\"hostages released'", "unbalanced quote", 2},
      {"'(gaza OR doha'", "unmatched '('", 2},
      {"'gaza)'", "unmatched ')'", 2},
      {"person:", "'person:' needs a value", 2},
      {"date:2024-13-45", "no such month", 2},
      {"'gaza AND'", "needs something after it", 2},
      {"colour:red", "unknown field 'colour:' at position 0; the fields are title:, author:, person:", 2},
      {"'writer:\"Chris Davies\"'", "unknown field 'writer:'", 2},
      {"'gaza NEAR'", "'NEAR' at position 5 needs a single word after it", 2},
      {"'gaza NEAR \"king of jordan\"'", "needs a single word after it", 2},
      {"'gaza NEAR/0 doha'", "a number of words from 1 to 1000", 2},
      {"--max-wildcard 1 'h*'", "wildcard matches too many words", 2},
      {"--sort random gaza", "unknown sort order", 2},
      {"--facet colour gaza", "unknown facet", 2},
      {"--color sometimes gaza", "unknown --color value 'sometimes': choose auto, always or never", 2},
      {"--bm25 1,x gaza", "--bm25", 2},
      {"--from 2024-02-30 gaza", "no such day", 2},
      {"--any --all gaza", "contradict", 2},
      {"'" + std::string(10000, 'a') + "'", "too long", 2},
  };
  for (const auto& c : cases) {
    INFO(c.args.substr(0, 80));
    auto result = f.run(c.args);
    CHECK(result.exit_code == c.exit_code);
    CHECK(result.err.find(c.message) != std::string::npos);
    CHECK(result.err.find('\n') == result.err.size() - 1);  // one line
  }
  CHECK(f.run("'gaza date:2024-13-45'").err.find("at position 10 of the query") != std::string::npos);
  auto as_json = f.run("--json date:2024-13-45");
  CHECK(json::parse(as_json.out)["error"]["position"] == 5);
  auto unknown_field = f.run("--json 'gaza colour:red'");
  CHECK(unknown_field.exit_code == 2);
  CHECK(json::parse(unknown_field.out)["error"]["position"] == 5);
}

TEST_CASE("search: BM25 parameters change the ranking weights", "[cli][search]") {
  Fixture f;
  auto standard = f.search("hostages")["results"][0]["weight"].get<double>();
  auto tuned = f.search("--bm25 2,0,1,0.9,0.5 hostages")["results"][0]["weight"].get<double>();
  CHECK(standard != Approx(tuned));
}

TEST_CASE("search: short queries need all words, long ones any, and a page short of all-words matches goes on with some",
          "[cli][search][match]") {
  Fixture f;
  struct Case {
    std::string args;
    std::string match, used;  // the JSON's query.match (asked) and query.operator (used)
    bool fallback;
    Slugs expected;
  };
  const Slugs hostages_or_ohio{"hostages-released", "families-protest", "doha-talks", "ohio-election"};
  const Case cases[] = {
      // Up to four content words: all of them (common words do not count).
      {"--limit 2 'the hostages of doha'", "auto", "all", false, {"hostages-released", "doha-talks"}},
      // Five content words or more: any of them, ranked.
      {"'hostages doha negotiators tuesday ohio'", "auto", "any", false, hostages_or_ohio},
      // No article has both words: the page is made of articles with one of them, and says so.
      {"'hostages ohio'", "auto", "all", true, hostages_or_ohio},
      {"--all 'hostages ohio'", "all", "all", false, {}},
      {"--all 'the hostages of doha'", "all", "all", false, {"hostages-released", "doha-talks"}},
      {"--match all 'hostages doha negotiators tuesday ohio'", "all", "all", false, {}},
      {"--match any 'hostages ohio'", "any", "any", false, hostages_or_ohio},
      {"--any 'hostages doha'", "any", "any", false, {"hostages-released", "families-protest", "doha-talks"}},
      // One word: any is the same as all, nothing to add.
      {"ohio", "auto", "all", false, {"ohio-election"}},
      {"zanzibar", "auto", "all", false, {}},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    auto r = f.search("--expand 0 " + c.args);
    CHECK(r["query"]["match"] == c.match);
    CHECK(r["query"]["operator"] == c.used);
    CHECK(r["query"]["fallback_to_any"] == c.fallback);
    CHECK(slugs(r) == c.expected);
  }
  // Two articles have both words and the page has room for ten: they come first, then those with one.
  auto topped_up = f.search("--expand 0 --limit 10 'the hostages of doha'");
  CHECK(topped_up["query"]["fallback_to_any"] == true);
  auto order = ordered(topped_up);
  REQUIRE(order.size() == 3);
  CHECK(Slugs(order.begin(), order.begin() + 2) == Slugs{"hostages-released", "doha-talks"});
  CHECK(order[2] == "families-protest");
  CHECK(topped_up["results"][2]["rank"] == 3);
  CHECK(topped_up["matches"]["estimated"] == 3);
  // Facets count the articles with all the words only (families-protest, named Tel Aviv, is shown
  // but not counted).
  auto faceted = f.search("--expand 0 --limit 10 --facet place 'the hostages of doha'");
  CHECK(faceted["results"].size() == 3);
  for (const auto& value : faceted["facets"]["place"]["values"]) CHECK(value["key"] != "tel aviv");
  // Paging goes on across the two parts.
  CHECK(ordered(f.search("--expand 0 --limit 1 --offset 2 'the hostages of doha'")) == std::vector<std::string>{"families-protest"});

  auto text = f.run("--color never hostages ohio");
  CHECK(text.out.find("fewer articles than asked for have all the words") != std::string::npos);
  CHECK(f.run("--color never --limit 2 hostages doha").out.find("have all the words") == std::string::npos);

  auto batch = f.run("--batch", R"({"query": "hostages ohio", "match": "all"})" "\n" R"({"query": "hostages ohio"})" "\n");
  std::istringstream stream(batch.out);
  std::string all_line, auto_line;
  std::getline(stream, all_line), std::getline(stream, auto_line);
  CHECK(json::parse(all_line)["results"].empty());
  CHECK(json::parse(auto_line)["query"]["fallback_to_any"] == true);
}

TEST_CASE("search: long queries are expanded with words of their best results, short ones are not", "[cli][search][match]") {
  Fixture f;
  auto longer = f.search("'hostages released doha talks tuesday'");
  CHECK(longer["query"]["operator"] == "any");
  CHECK_FALSE(longer["query"]["expanded_with"].empty());
  for (const auto& word : longer["query"]["expanded_with"]) {
    INFO(word);
    CHECK(word != "hostag");  // never a word of the query
    CHECK(word != "the");     // nor a common word
  }
  CHECK(f.search("--expand 0 'hostages released doha talks tuesday'")["query"]["expanded_with"].empty());
  auto short_query = f.search("hostages doha");
  CHECK(short_query["query"]["expanded_with"].empty());
  // Forced on an all-words query, expansion re-ranks but never adds matches.
  auto forced = f.search("--expand 3,1 hostages doha");
  CHECK(forced["query"]["expanded_with"].size() <= 3);
  CHECK(slugs(forced) == slugs(short_query));
  for (const char* bad : {"--expand x hostages", "--expand 1,0 hostages", "--expand 1,2,3,4 hostages", "--match some hostages",
                          "--match any --all hostages"}) {
    INFO(bad);
    CHECK(f.run(bad).exit_code == 2);
  }
}
