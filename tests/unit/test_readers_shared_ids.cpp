// Two different articles of one export under one id (the same url, or the same "id" field) are both
// kept, each with a stable id of its own and a warning naming both lines; copies stay one article.
#include <catch2/catch.hpp>

#include <string>

#include "common/readers/reader.hpp"
#include "common/store/document.hpp"
#include "tests/support.hpp"

using namespace newsdex;

namespace {

std::string line(const std::string& url_or_id, const std::string& body) {
  return "{\"title\": \"Harbour\", " + url_or_id + ", \"body\": \"" + body + "\"}\n";
}

std::string id_of(const Article& article) { return article.id.empty() ? make_article_id(article) : article.id; }

}  // namespace

TEST_CASE("articles sharing an id in one export are kept apart, copies are not", "[readers][json]") {
  const std::string a = "The council met on Tuesday to discuss the harbour plan.";
  const std::string b = "Dock workers voted to end the strike after three weeks.";
  const std::string url = "\"url\": \"https://news.example/story\"";
  struct Case {
    std::string name, field, id, warning;
  };
  for (const Case& c : {Case{"url", url, "url:https://news.example/story", "same url as line 1"},
                        Case{"id field", "\"id\": 7, \"source\": \"Wire\"", "id:Wire/7", "same id as line 1"}}) {
    INFO(c.name);
    auto text = line(c.field, a) + line(c.field, b) + line(c.field, a) + line(c.field, b) +
                line("\"url\": \"https://news.example/other\"", b);
    auto read = read_articles_from_bytes(text, "export.jsonl", {});
    REQUIRE(read.articles.size() == 5);
    const auto& articles = read.articles;
    CHECK(id_of(articles[0]) == c.id);
    CHECK(id_of(articles[1]) != c.id);
    CHECK(id_of(articles[1]).starts_with(c.id + "#body-"));
    CHECK(id_of(articles[2]) == c.id);                    // a copy of the first: deduplicated as before
    CHECK(id_of(articles[3]) == id_of(articles[1]));      // a copy of the second
    CHECK(id_of(articles[4]) == "url:https://news.example/other");
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].line == 2);
    CHECK(read.problems[0].message.find(c.warning) != std::string::npos);
    CHECK(read.problems[0].message.find(id_of(articles[1])) != std::string::npos);
    CHECK_FALSE(read.problems[0].skipped);
    // The same ids on every run: they come from the bodies, not from the order of reading.
    CHECK(id_of(read_articles_from_bytes(text, "export.jsonl", {}).articles[1]) == id_of(articles[1]));
  }
  // A JSON array names items, not lines.
  auto array = "[" + line(url, a).substr(0, line(url, a).size() - 1) + "," + line(url, b) + "]";
  auto read = read_articles_from_bytes(array, "export.json", {});
  REQUIRE(read.articles.size() == 2);
  CHECK(id_of(read.articles[0]) != id_of(read.articles[1]));
  REQUIRE(read.problems.size() == 1);
  CHECK(read.problems[0].message.find("item 2: same url as item 1") == 0);
}
