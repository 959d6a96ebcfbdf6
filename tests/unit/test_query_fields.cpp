// The author:, site:, url: and path: fields, NEAR and ADJ, and unknown fields, built into Xapian
// queries without a database (docs/query.md).
#include <catch2/catch.hpp>

#include <filesystem>

#include "common/base/errors.hpp"
#include "common/query/query.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using Catch::Contains;

namespace {

std::string parsed(const std::string& text) { return build_query(text).description(); }

}  // namespace

TEST_CASE("the location fields build filters on their terms", "[query][fields]") {
  struct Case {
    const char* text;
    const char* expected;  // the whole of Query::get_description()
  };
  const Case cases[] = {
      {"author:davies", "Query(0 * Adavies)"},
      {"author:\"Chris Davies\"", "Query(0 * (Achris PHRASE 2 Adavies))"},
      {"author:\"ZOË marchetti\"", "Query(0 * (Azoe PHRASE 2 Amarchetti))"},
      {"author:davies author:beaumont", "Query(0 * (Adavies AND Abeaumont))"},  // both on the byline
      {"author:(davies OR beaumont)", "Query((0 * Adavies OR 0 * Abeaumont))"},
      {"harbour author:davies", "Query((Zharbour@1 FILTER Adavies))"},
      {"site:bbc.co.uk", "Query(0 * Hbbc.co.uk)"},
      {"site:BBC.co.uk", "Query(0 * Hbbc.co.uk)"},
      {"site:https://www.bbc.co.uk/news", "Query(0 * Hwww.bbc.co.uk)"},  // a URL is read for its host
      {"site:bbc.co.uk site:theguardian.com", "Query(0 * (Hbbc.co.uk OR Htheguardian.com))"},  // either
      {"url:https://www.bbc.co.uk/news/uk-1", "Query(0 * Uwww.bbc.co.uk/news/uk-1)"},
      {"url:\"http://WWW.bbc.co.uk/news/uk-1/\"", "Query(0 * Uwww.bbc.co.uk/news/uk-1)"},
      {"path:/data/bbc", "Query(0 * P/data/bbc)"},
      {"path:/data/bbc/", "Query(0 * P/data/bbc)"},
      {"path:/data/./bbc/../bbc/a.txt", "Query(0 * P/data/bbc/a.txt)"},
      {"path:\"/data/my folder\"", "Query(0 * P/data/my folder)"},
      {"path:/", "Query(0 * <alldocuments>)"},
      {"-site:bbc.co.uk", "Query((<alldocuments> AND_NOT Hbbc.co.uk))"},
      {"Author:davies", "Query(0 * Adavies)"},  // field names are not case-sensitive
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(parsed(c.text) == c.expected);
  }
}

TEST_CASE("a relative path: is taken from the current folder", "[query][fields]") {
  auto here = std::filesystem::current_path().string();
  CHECK(parsed("path:corpus/bbc") == "Query(0 * P" + here + "/corpus/bbc)");
  CHECK(parsed("path:.") == "Query(0 * P" + here + ")");
}

TEST_CASE("the location fields are reported as applied filters and rank nothing", "[query][fields]") {
  auto query = build_query("author:\"Chris  DAVIES\" site:www.BBC.co.uk url:https://bbc.co.uk/a/ path:/data/");
  REQUIRE(query.filters.size() == 4);
  CHECK(query.filters[0].field == "author");
  CHECK(query.filters[0].value == "chris davies");
  CHECK(query.filters[1].value == "www.bbc.co.uk");
  CHECK(query.filters[2].value == "bbc.co.uk/a");
  CHECK(query.filters[3].value == "/data");
  CHECK_FALSE(query.ranked);
  CHECK(build_query("harbour author:davies").ranked);
}

TEST_CASE("a URL or path too long for a term is looked for by the same hashed term the index holds",
          "[query][fields]") {
  const std::string url = "https://example.org/" + std::string(300, 'u');
  auto description = parsed("url:" + url);
  CHECK(description.size() < 245 + 20);
  CHECK(description == parsed("url:http://EXAMPLE.org/" + std::string(300, 'u')));
  CHECK(description != parsed("url:" + url + "v"));
}

TEST_CASE("NEAR and ADJ join single words within a distance", "[query][near]") {
  struct Case {
    const char* text;
    const char* expected;  // the whole of Query::get_description()
  };
  const Case cases[] = {
      // Xapian's window is the distance plus the number of words less one.
      {"blair NEAR iraq", "Query((Zblair@1 NEAR 11 Ziraq@2))"},
      {"blair NEAR/5 iraq", "Query((Zblair@1 NEAR 6 Ziraq@2))"},
      {"blair ADJ/2 iraq", "Query((Zblair@1 PHRASE 3 Ziraq@2))"},
      {"blair NEAR/3 iraq NEAR/3 war", "Query((Zblair@1 NEAR 5 Ziraq@2 NEAR 5 Zwar@3))"},
      // Beside other words (Xapian's parser alone dropped every operator here: "war OR blair OR near OR iraq").
      {"war blair NEAR/5 iraq", "Query((Zwar@1 AND (Zblair@2 NEAR 6 Ziraq@3)))"},
      {"blair NEAR/5 iraq war", "Query(((Zblair@1 NEAR 6 Ziraq@2) AND Zwar@3))"},
      {"blair NEAR iraq title:war", "Query(((Zblair@1 NEAR 11 Ziraq@2) AND ZSwar@3))"},
      {"blair NEAR iraq -war", "Query(((Zblair@1 NEAR 11 Ziraq@2) AND_NOT Zwar@3))"},
      {"blair NEAR iraq OR brown NEAR iraq", "Query(((Zblair@1 NEAR 11 Ziraq@2) OR (Zbrown@3 NEAR 11 Ziraq@4)))"},
      {"(blair NEAR iraq)", "Query((Zblair@1 NEAR 11 Ziraq@2))"},
      {"title:(blair NEAR iraq)", "Query((ZSblair@1 NEAR 11 ZSiraq@2))"},
      {"blair's NEAR U.N.", "Query((Zblair@1 NEAR 11 Zun@2))"},
      {"the NEAR iraq", "Query((Zthe@1 NEAR 11 Ziraq@2))"},  // a common word is kept: its position counts
      {"NOT blair NEAR iraq", "Query((<alldocuments> AND_NOT (Zblair@1 NEAR 11 Ziraq@2)))"},
      {"harbour author:davies blair NEAR iraq", "Query(((Zharbour@1 AND (Zblair@2 NEAR 11 Ziraq@3)) FILTER Adavies))"},
      // In lower case, or in an all-capitals query, near is a word.
      {"blair near iraq", "Query((Zblair@1 AND Znear@2 AND Ziraq@3))"},
      {"BLAIR NEAR IRAQ", "Query((Zblair@1 AND Znear@2 AND Ziraq@3))"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(parsed(c.text) == c.expected);
  }
  CHECK(build_query("blair NEAR/5 iraq").content_words == 2);
  CHECK_FALSE(build_query("NOT blair NEAR iraq").ranked);
}

TEST_CASE("a colon inside a word keeps it a word", "[query][fields]") {
  struct Case {
    const char* text;
    const char* expected;  // a part of Query::get_description()
  };
  const Case cases[] = {
      {"meeting 10:30", "(Z10@2 PHRASE 2 Z30@3)"},
      {"https://example.org/a", "Zhttps@1"},
      {"U.S.:sanctions", "Zsanction"},
      {"said:", "Zsaid@1"},                               // no value: a word
      {"\"colour:red\"", "(Zcolour@1 PHRASE 2 Zred@2)"},  // quoted: the words
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK_THAT(parsed(c.text), Contains(c.expected));
  }
}

TEST_CASE("unknown fields and misplaced NEAR are QueryErrors with a position", "[query][fields][near]") {
  struct Case {
    std::string text;
    const char* message;
    std::size_t position;
  };
  const Case cases[] = {
      {"colour:red",
       "unknown field 'colour:' at position 0; the fields are title:, author:, person:, org:, place:, "
       "source:, site:, url:, path:, date:",
       0},
      {"harbour writer:\"Chris Davies\"", "unknown field 'writer:' at position 8", 8},
      {"harbour -Colour:(red OR blue)", "unknown field 'colour:' at position 9", 9},
      {"newsdexwildcard:x", "unknown field 'newsdexwildcard:'", 0},  // the builder's own, not the user's
      {"author:", "'author:' needs a value", 0},
      {"site:", "'site:' needs a value", 0},
      {"url:\"\"", "'url:' needs a value", 0},
      {"site:\"..\"", "'site:' needs a value", 5},  // at the value,
      {"author:\"--\"", "'author:' needs a value", 7},
      {"blair NEAR", "'NEAR' at position 6 needs a single word after it", 6},
      {"NEAR iraq", "'NEAR' at position 0 needs a single word before it", 0},
      {"blair NEAR \"the war\"", "needs a single word after it", 6},
      {"\"tony blair\" NEAR iraq", "'NEAR' at position 13 needs a single word before it", 13},
      {"blair NEAR (iraq OR war)", "needs a single word after it", 6},
      {"blair NEAR title:iraq", "needs a single word after it", 6},
      {"blair NEAR iraq*", "needs a single word after it", 6},
      {"blair NEAR -iraq", "needs a single word after it", 6},
      {"+blair NEAR iraq", "needs a single word before it", 7},
      {"al-qaeda NEAR iraq", "needs a single word before it", 9},
      {"blair NEAR NEAR iraq", "needs a single word after it", 6},
      {"blair NEAR AND iraq", "needs a single word after it", 6},
      {"blair AND NEAR iraq", "needs a single word before it", 10},
      {"blair NEAR/0 iraq", "'NEAR/0' at position 6: the distance after '/' is a number of words from 1 to 1000", 6},
      {"blair NEAR/1001 iraq", "from 1 to 1000", 6},
      {"blair ADJ/x iraq", "'ADJ/x' at position 6", 6},
      {"blair NEAR/ iraq", "from 1 to 1000", 6},
      {"blair NEAR/5 iraq ADJ/5 war", "'ADJ/5' at position 18 joins a chain begun with 'NEAR/5'", 18},
      {"blair NEAR/5 iraq NEAR/3 war", "one operator and one distance", 18},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    try {
      build_query(c.text);
      FAIL("no error");
    } catch (const QueryError& e) {
      CHECK_THAT(e.what(), Contains(c.message));
      CHECK(e.position() == c.position);
    }
  }
}
