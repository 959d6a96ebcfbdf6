// Batch request lines and option values (--bm25, --sort) parsed into SearchRequests.
#include <catch2/catch.hpp>

#include "common/base/errors.hpp"
#include "common/search/request.hpp"

using namespace newsdex;

TEST_CASE("a batch line is query text or a JSON object of options", "[query][batch]") {
  SearchRequest defaults;
  defaults.limit = 7;
  auto plain = request_from_line("hostages gaza\r", defaults);
  CHECK(plain.text == "hostages gaza");
  CHECK(plain.limit == 7);

  auto json = request_from_line(
      R"({"query":"gaza","limit":3,"offset":2,"sort":"newest","facets":["person","date"],"person":["A","B"],
          "any_person":true,"place":"Gaza","from":"2024-11","any":true,"snippet_length":50,"collapse":false,"id":9})",
      defaults);
  CHECK(json.text == "gaza");
  CHECK(json.limit == 3);
  CHECK(json.offset == 2);
  CHECK(json.sort == SortOrder::newest);
  CHECK(json.facets == std::vector<FacetField>{FacetField::person, FacetField::date});
  CHECK(json.query.filters.people == std::vector<std::string>{"A", "B"});
  CHECK(json.query.filters.any_person);
  CHECK(json.query.filters.places == std::vector<std::string>{"Gaza"});
  CHECK(json.query.filters.from == "2024-11");
  CHECK(json.query.word_operator == WordOperator::any);
  CHECK(json.snippet_length == 50);
  CHECK_FALSE(json.collapse_duplicates);
}

TEST_CASE("bad batch lines are usage errors naming the problem", "[query][batch]") {
  struct Case {
    const char* line;
    const char* message;
  };
  const Case cases[] = {
      {R"({"query": "x", "limt": 3})", "unknown option \"limt\""},
      {R"({"query": 3})", "\"query\" must be a string"},
      {R"({"limit": -1})", "\"limit\": -1 is out of range (allowed: 0 to 1000000)"},
      {R"({"limit": 4294967296})", "\"limit\": 4294967296 is out of range"},
      {R"({"offset": 2.5})", "\"offset\": '2.5' is not a whole number"},
      {R"({"recency_boost": -1})", "\"recency_boost\": -1 is out of range"},
      {R"({"person": [1]})", "\"person\" must be a string or a list"},
      {R"({"sort": "random"})", "unknown sort order"},
      {R"({"facets": ["colour"]})", "unknown facet"},
      {R"({"query": )", "not valid JSON"},
      {R"({"match": "some"})", "unknown match mode"},
      {R"({"match": true})", "\"match\" must be a string"},
      {R"({"expand": "x"})", "--expand"},
      {R"({"expand": -2})", "--expand terms: -2 is out of range"},
      {R"({"expand": true})", "\"expand\" must be a string"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    try {
      request_from_line(c.line, {});
      FAIL("no error");
    } catch (const UsageError& e) {
      CHECK_THAT(e.what(), Catch::Contains(c.message));
    }
  }
}

TEST_CASE("option --bm25 takes up to five numbers", "[query][bm25]") {
  CHECK(parse_bm25("1.2,0,1,0.75,0.5") == Bm25Parameters{1.2, 0, 1, 0.75, 0.5});
  CHECK(parse_bm25("2") == Bm25Parameters{2, 0, 1, 0.75, 0.5});  // later numbers keep the defaults
  for (const char* bad : {"", "a", "1,2,3,4,5,6", "1,,1", "1,0,1,2", "-1"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_bm25(bad), UsageError);
  }
}

TEST_CASE("batch keys match and expand choose the word operator and the expansion", "[query][batch]") {
  SearchRequest defaults;
  CHECK(defaults.query.word_operator == WordOperator::automatic);
  CHECK_FALSE(defaults.expansion.has_value());
  CHECK(request_from_line(R"({"match": "all"})", defaults).query.word_operator == WordOperator::all);
  CHECK(request_from_line(R"({"match": "any"})", defaults).query.word_operator == WordOperator::any);
  CHECK(request_from_line(R"({"match": "auto"})", defaults).query.word_operator == WordOperator::automatic);
  CHECK(request_from_line(R"({"any": false})", defaults).query.word_operator == WordOperator::all);
  CHECK(request_from_line(R"({"expand": 4})", defaults).expansion == Expansion{4, 5, 0.3});
  CHECK(request_from_line(R"({"expand": "0"})", defaults).expansion == Expansion{0, 5, 0.3});
  CHECK_FALSE(request_from_line(R"({"expand": "auto"})", defaults).expansion.has_value());
}

TEST_CASE("option --expand takes terms, documents and weight", "[query][expand]") {
  struct Case {
    const char* text;
    Expansion expected;
  };
  const Case cases[] = {
      {"10", {10, 5, 0.3}},
      {"0", {0, 5, 0.3}},
      {"5", {5, 5, 0.3}},
      {"20,10", {20, 10, 0.3}},
      {"5,3,0.5", {5, 3, 0.5}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(parse_expansion(c.text) == c.expected);
  }
  for (const char* bad : {"", "a", "1.5", "1,2.5", "1,0", "1,2,3,4", "-1", "1,,2"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_expansion(bad), UsageError);
  }
}
