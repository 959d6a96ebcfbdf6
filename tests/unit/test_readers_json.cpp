// JSON and JSON Lines exports: default field names, nested values, wrong types, malformed lines.
#include <catch2/catch.hpp>

#include "common/base/errors.hpp"
#include "common/readers/reader.hpp"

using namespace newsdex;

namespace {

ReadResult read_json(const std::string& text, const ReadOptions& options = {}) {
  return read_articles_from_bytes(text, "export.jsonl", options);
}

const std::string sentence = "The regional parliament passed the water bill on Thursday after a long debate.";

}  // namespace

TEST_CASE("JSON exports are read with the default field names", "[readers][json]") {
  struct Case {
    const char* name;
    std::string json;
  };
  const Case cases[] = {
      {"plain names", R"({"title": "Water bill passes", "date": "2024-11-22", "body": ")" + sentence +
                          R"(", "url": "https://example.org/a", "author": "Jane Doe", "source": "Example Post"})"},
      {"other common names",
       R"({"headline": "Water bill passes", "published_at": "2024-11-22T00:00:00", "text": ")" + sentence +
           R"(", "link": "https://example.org/a", "byline": "Jane Doe", "publisher": "Example Post"})"},
      {"nested author and source objects",
       R"({"title": "Water bill passes", "datePublished": "Fri, 22 Nov 2024", "content": ")" + sentence +
           R"(", "url": "https://example.org/a", "author": {"name": "Jane Doe"}, "source": {"id": "ep", "name": "Example Post"}})"},
      {"paragraph arrays and author lists",
       R"({"title": "Water bill passes", "published": "22 Nov 2024", "body": [")" + sentence +
           R"("], "url": "https://example.org/a", "authors": [{"name": "Jane Doe"}], "site": "Example Post"})"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto result = read_json(c.json);
    REQUIRE(result.articles.size() == 1);
    const auto& a = result.articles[0];
    CHECK(a.title == "Water bill passes");
    CHECK(a.published.starts_with("2024-11-22"));
    CHECK(a.paragraphs == std::vector<std::string>{sentence});
    CHECK(a.url == "https://example.org/a");
    CHECK(a.author == "Jane Doe");
    CHECK(a.source == "Example Post");
  }
}

TEST_CASE("a top-level array, an envelope and JSON Lines each give one article per object", "[readers][json]") {
  std::string article = R"({"title": "T", "body": ")" + sentence + R"("})";
  const std::string inputs[] = {
      "[" + article + "," + article + "]",
      R"({"status": "ok", "totalResults": 2, "articles": [)" + article + "," + article + "]}",
      article + "\n" + article + "\n",
  };
  for (const auto& input : inputs) {
    INFO(input.substr(0, 40));
    auto result = read_json(input);
    CHECK(result.articles.size() == 2);
    CHECK(result.problems.empty());
  }
}

TEST_CASE("a malformed JSON line is reported with its line number and the rest loads", "[readers][json]") {
  std::string good = R"({"title": "T", "body": ")" + sentence + R"("})";
  auto result = read_json(good + "\n{\"title\": \"broken\", \"body\": \n" + good + "\n\n" + good + "\n");
  REQUIRE(result.articles.size() == 3);
  CHECK(result.articles[0].position == 0);
  CHECK(result.articles[1].position == 2);
  CHECK(result.articles[2].position == 4);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].line == 2);
  CHECK(result.problems[0].path == "export.jsonl");
  CHECK(result.problems[0].skipped);
  CHECK(result.problems[0].failed);  // unreadable data: the run ends partial (exit code 1)
  CHECK(result.problems[0].message.starts_with("skipped: malformed JSON line"));
}

TEST_CASE("a broken JSON document is reported once with the line of the error", "[readers][json]") {
  auto result = read_json("[\n  {\"title\": \"T\",\n   \"body\": \"x\"\n  },\n  {\"title\": oops}\n]\n");
  CHECK(result.articles.empty());
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].line == 5);
  CHECK(result.problems[0].skipped);
  CHECK(result.problems[0].failed);
}

TEST_CASE("JSON values of the wrong type are handled without throwing", "[readers][json]") {
  struct Case {
    const char* name;
    std::string json;
    const char* title;
    std::size_t paragraphs;
  };
  const Case cases[] = {
      {"number as title", R"({"title": 1984, "body": ")" + sentence + R"("})", "1984", 1},
      {"null title", R"({"title": null, "body": ")" + sentence + R"("})", "", 1},
      {"array as title", R"({"title": ["Water", "bill"], "body": ")" + sentence + R"("})", "Water, bill", 1},
      {"boolean author", R"({"title": "T", "author": true, "body": ")" + sentence + R"("})", "T", 1},
      {"array body with junk",
       R"({"title": "T", "body": [")" + sentence + R"(", 42, null, {"text": ")" + sentence + R"( Again."}]})", "T", 2},
      {"object body", R"({"title": "T", "body": {"text": ")" + sentence + R"("}})", "T", 1},
      {"number date", R"({"title": "T", "date": 1732267800, "body": ")" + sentence + R"("})", "T", 1},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    ReadResult result;
    REQUIRE_NOTHROW(result = read_json(c.json));
    REQUIRE(result.articles.size() == 1);
    CHECK(result.articles[0].title == c.title);
    CHECK(result.articles[0].paragraphs.size() == c.paragraphs);
  }
  auto not_objects = read_json(R"([1, "text", null, {"title": "T", "body": ")" + sentence + R"("}])");
  CHECK(not_objects.articles.size() == 1);
  CHECK(not_objects.problems.size() == 3);
  CHECK(not_objects.problems[0].message == "item 1: skipped: number where an article object was expected");
}

TEST_CASE("JSON dates: text, Unix seconds and milliseconds, unreadable ones as warnings", "[readers][json]") {
  struct Case {
    const char* date;
    const char* expected;
  };
  const Case cases[] = {
      {R"("Nov. 22, 2024 9:30 AM ET")", "2024-11-22T09:30:00-05:00"},
      {"1732267800", "2024-11-22T09:30:00+00:00"},
      {"1732267800000", "2024-11-22T09:30:00+00:00"},
      {R"({"$date": "2024-11-22T09:30:00Z"})", "2024-11-22T09:30:00+00:00"},
      {R"("not a date")", ""},
      {R"("2024-13-45")", ""},
  };
  for (const auto& c : cases) {
    INFO(c.date);
    auto result = read_json(std::string(R"({"title": "T", "date": )") + c.date + R"(, "body": ")" + sentence + R"("})");
    REQUIRE(result.articles.size() == 1);
    CHECK(result.articles[0].published == c.expected);
    if (std::string(c.expected).empty()) {
      CHECK(result.articles[0].warnings.at(0).starts_with("unreadable date"));
      REQUIRE(result.problems.size() == 1);
      CHECK_FALSE(result.problems[0].skipped);
      CHECK_FALSE(result.problems[0].failed);
      CHECK(result.problems[0].line == 1);
    }
  }
}

TEST_CASE("option --json-field mappings are tried before the defaults", "[readers][json]") {
  ReadOptions options;
  apply_json_field_mapping("title=headline_text,name", options.json_fields);
  apply_json_field_mapping("body = content.main", options.json_fields);
  CHECK(options.json_fields.title.at(0) == "headline_text");
  CHECK(options.json_fields.title.at(1) == "name");
  CHECK(options.json_fields.title.at(2) == "title");
  auto result = read_json(
      R"({"title": "Site name", "headline_text": "Water bill passes", "content": {"main": ")" + sentence + R"("}})",
      options);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Water bill passes");
  CHECK(result.articles[0].paragraphs == std::vector<std::string>{sentence});

  const char* bad[] = {"title", "colour=hue", "title=", "=name"};
  for (const char* mapping : bad) {
    INFO(mapping);
    CHECK_THROWS_AS(apply_json_field_mapping(mapping, options.json_fields), UsageError);
  }
}

TEST_CASE("JSON bodies are cleaned like any page", "[readers][json]") {
  auto result =
      read_json(R"({"title": "T", "summary": "A short summary of the story here.", "body": "A short summary of )"
                R"(the story here\n\n)" +
                sentence + R"(\n\n- Advertisement -\n\nShare this article"})");
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].lede == "A short summary of the story here.");
  CHECK(result.articles[0].paragraphs == std::vector<std::string>{sentence});
}
