// A large JSON Lines export read by several threads gives exactly what one thread gives: the same
// articles in the same order, the same positions, and the same messages on the same lines.
#include <catch2/catch.hpp>

#include <string>

#include "common/readers/reader.hpp"

using namespace newsdex;

namespace {

// 2,500 lines with a malformed line, a line without a body, a blank line and an undated article
// spread over what become different ranges.
std::string export_with_problems() {
  std::string text;
  for (int i = 0; i < 2500; ++i) {
    auto n = std::to_string(i);
    if (i == 7 || i == 1900) {
      text += "{\"title\": \"broken " + n + "\", \"body\": \n";
    } else if (i == 1250) {
      text += "{\"title\": \"Title only " + n + "\"}\n";
    } else if (i == 2100) {
      text += "\n";
    } else {
      text += "{\"title\": \"Harbour report " + n + "\", \"url\": \"https://news.example/" + n +
              "\", \"date\": \"" + (i == 640 ? std::string("not a date") : "2024-11-22") +
              "\", \"body\": \"Dock workers in port " + n + " unloaded grain on Thursday morning.\"}\n";
    }
  }
  return text;
}

}  // namespace

TEST_CASE("a JSON Lines export read by several threads reads as it does by one", "[readers][json]") {
  auto text = export_with_problems();
  ReadOptions one;
  ReadOptions several;
  several.threads = 3;
  auto alone = read_articles_from_bytes(text, "export.jsonl", one);
  auto shared = read_articles_from_bytes(text, "export.jsonl", several);

  REQUIRE(alone.articles.size() == 2496);
  REQUIRE(shared.articles.size() == alone.articles.size());
  for (std::size_t i = 0; i < alone.articles.size(); ++i) {
    INFO(i);
    CHECK(shared.articles[i].title == alone.articles[i].title);
    CHECK(shared.articles[i].url == alone.articles[i].url);
    CHECK(shared.articles[i].position == alone.articles[i].position);
    CHECK(shared.articles[i].paragraphs == alone.articles[i].paragraphs);
    CHECK(shared.articles[i].warnings == alone.articles[i].warnings);
  }
  REQUIRE(shared.problems.size() == alone.problems.size());
  for (std::size_t i = 0; i < alone.problems.size(); ++i) {
    CHECK(shared.problems[i].line == alone.problems[i].line);
    CHECK(shared.problems[i].message == alone.problems[i].message);
    CHECK(shared.problems[i].skipped == alone.problems[i].skipped);
    CHECK(shared.problems[i].failed == alone.problems[i].failed);
  }
  CHECK(alone.problems.size() == 4);  // two malformed lines, one title only, one unreadable date
  CHECK(alone.problems.front().line == 8);
  CHECK(alone.problems.back().line == 1901);
}
