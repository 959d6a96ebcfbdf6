// Reading stored document data into an Article without a JSON tree: it must give what
// article_from_json gives for the same data.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "common/store/document.hpp"
#include "common/store/stored_article.hpp"

using namespace newsdex;

namespace {

Article full_article() {
  Article a;
  a.id = "url:https://news.example/a";
  a.title = "Harbour \"strike\" ends \xe2\x80\x94 Zo\xc3\xab";
  a.published = "2024-09-03";
  a.author = "A. Writer";
  a.source = "Valdermoor Courier";
  a.url = "https://news.example/a";
  a.path = "corpus/a.txt";
  a.position = 12;
  a.lede = "The lede.";
  a.paragraphs = {"Dockers returned\nto work.", "", "A third \\ paragraph."};
  a.entities.people = {{"Elena Castellan", "elena castellan", 2}, {"Zo\xc3\xab M", "zoe m", 1}};
  a.entities.organisations = {{"Port Authority", "port authority", 3}};
  a.entities.places = {{"Valdermoor", "valdermoor", 4}};
  a.duplicates = {{"file:b.txt#0", "b.txt", "", "Harbour strike ends", "2024-09-04", "Other", "B", 7}};
  return a;
}

// Both readers' Articles, compared through the JSON the indexer would store for them.
void check_same_as_tree_reader(const std::string& data) {
  INFO(data);
  auto tree = nlohmann::json::parse(data, nullptr, false);
  auto expected = tree.is_object() ? article_from_json(tree) : Article{};
  CHECK(article_to_json(article_from_stored_data(data)) == article_to_json(expected));
}

}  // namespace

TEST_CASE("stored data reads back as article_from_json reads it", "[stored_article]") {
  check_same_as_tree_reader(article_to_json(full_article()).dump());
  check_same_as_tree_reader(article_to_json(Article{}).dump());
  const char* cases[] = {
      R"({})",
      R"({"title": "only a title", "unknown": {"title": "not this", "list": [1, {"id": "x"}]}})",
      R"({"entities": {"people": [{"name": "N", "key": "n", "mentions": 2.0}], "other": [{"name": "no"}]}})",
      R"({"duplicates": [{"id": "d", "position": 3, "extra": [{"id": "no"}]}, 5], "paragraphs": ["p", 1, "q"]})",
      R"({"position": 4, "lede": "l", "entities": {"places": []}})",
      R"([{"title": "an array, not an object"}])",
      R"("a string")",
      R"({"title": "cut short)",
      R"({"title": "trailing"} x)",
      "",
      // Escapes, spacing and numbers as nlohmann reads them; some only its parser handles.
      R"( { "title" : "a\"b\\c\/d\b\f\n\r\t\u00e9\u0001\u20ac" , "position" : 0 } )",
      R"({"title": "pair \ud83d\ude00", "lede": "lone \ud83d"})",
      R"({"title": "bad escape \x"})",
      R"({"position": 01})",
      R"({"position": -3})",
      R"({"position": 1e2, "title": "t"})",
      R"({"position": 18446744073709551615})",
      R"({"position": 99999999999999999999})",
      R"({"title": true, "lede": null, "paragraphs": [false, "x", [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]})",
      "{\"title\": \"raw control \x01 byte\"}",
      "{\"title\": \"invalid \xff byte\"}",
      "{\"title\": \"Zo\xc3\xab \xe2\x82\xac \xf0\x9f\x98\x80\"}",
      R"({"title": "unterminated)",
      R"({"title" "no colon"})",
      R"({"a": [1, 2,]})",
  };
  for (const char* data : cases) check_same_as_tree_reader(data);
}

TEST_CASE("stored data keeps every field of an article", "[stored_article]") {
  auto a = full_article();
  auto back = article_from_stored_data(article_to_json(a).dump());
  CHECK(back.title == a.title);
  CHECK(back.position == 12);
  CHECK(back.paragraphs == a.paragraphs);
  REQUIRE(back.entities.people.size() == 2);
  CHECK(back.entities.people[1].name == "Zo\xc3\xab M");
  CHECK(back.entities.places.at(0).mentions == 4);
  REQUIRE(back.duplicates.size() == 1);
  CHECK(back.duplicates[0].position == 7);
  CHECK(back.duplicates[0].author == "B");
}

TEST_CASE("numbers beyond their type in damaged stored data read as 0", "[stored_article]") {
  struct Case {
    const char* data;
    std::size_t position;
  };
  const Case cases[] = {
      {R"({"position":55555555555555555555})", 0},  // beyond size_t, read as a double (fuzz_stored_data)
      {R"({"position":-2.5e300})", 0},
      {R"({"position":2.5e300})", 0},
      {R"({"position":7})", 7},
  };
  for (const auto& c : cases) {
    INFO(c.data);
    CHECK(newsdex::article_from_stored_data(c.data).position == c.position);
  }
  auto article = newsdex::article_from_stored_data(
      R"({"entities":{"people":[{"key":"a","name":"A","mentions":1e12},{"key":"b","name":"B","mentions":-1e300}]}})");
  REQUIRE(article.entities.people.size() == 2);
  CHECK(article.entities.people[0].mentions == 0);
  CHECK(article.entities.people[1].mentions == 0);
}
