// Query building without a database: the query language turned into Xapian queries.
#include <catch2/catch.hpp>

#include "common/base/errors.hpp"
#include "common/query/query.hpp"

using namespace newsdex;
using Catch::Contains;

namespace {

std::string parsed(const std::string& text, const QueryOptions& options = {}) {
  return build_query(text, options).description();
}

}  // namespace

TEST_CASE("the query language builds the expected Xapian query", "[query]") {
  struct Case {
    const char* text;
    const char* expected;  // a part of Query::get_description()
  };
  const Case cases[] = {
      {"hostages", "Zhostag@1"},
      {"Hostages", "Zhostag@1"},                      // capitalised words are stemmed too
      {"Netanyahu", "Znetanyahu@1"},
      {"hostages doha", "(Zhostag@1 AND Zdoha@2)"},   // all words by default
      {"hostages OR doha", "(Zhostag@1 OR Zdoha@2)"},
      {"hostages AND doha", "(Zhostag@1 AND Zdoha@2)"},
      {"hostages NOT doha", "(Zhostag@1 AND_NOT Zdoha@2)"},
      {"hostages -doha", "(Zhostag@1 AND_NOT Zdoha@2)"},
      {"\"the king\"", "(Zthe@1 PHRASE 2 Zking@2)"},  // phrases of stems: the index's positions are on stems
      {"\"King of Jordan\"", "(Zking@1 PHRASE 3 Zof@2 PHRASE 3 Zjordan@3)"},
      {"\"released hostages\"", "(Zreleas@1 PHRASE 2 Zhostag@2)"},
      {"title:\"harbour strikes\"", "(ZSharbour@1 PHRASE 2 ZSstrike@2)"},
      {"title:Strike", "ZSstrike@1"},
      {"title:(harbour strike)", "(ZSharbour@1 AND ZSstrike@2)"},
      {"hostag*", "WILDCARD SYNONYM Zhostag"},     // wildcards expand over stems
      {"+hostag*", "WILDCARD SYNONYM Zhostag"},
      {"hostages*", "(WILDCARD SYNONYM Zhostages OR Zhostag)"},  // and the prefix's own stem
      {"title:strik*", "WILDCARD SYNONYM ZSstrik"},
      {"title:(harbour strik*)", "(ZSharbour@1 AND WILDCARD SYNONYM ZSstrik)"},
      {"title:(harbour) strik*", "(ZSharbour@1 AND WILDCARD SYNONYM Zstrik)"},  // after the group: anywhere
      // A compound is a phrase and its '*' is dropped (a wildcard field value with '-' in it made
      // Xapian's parser crash under NOT: found by fuzz_query).
      {"-x -h-f*", "(Zh@2 PHRASE 2 Zf@3)"},
      {"title:h-f*", "(ZSh@1 PHRASE 2 ZSf@2)"},
      {"person:\"Zoë Marchetti\"", "XPzoe marchetti"},
      {"person:\"zoe marchetti\"", "XPzoe marchetti"},
      {"Person:gaza", "XPgaza"},
      {"place:Gaza", "XLgaza"},
      {"org:\"Dockers Union\"", "XOdockers union"},
      {"source:Reuters", "XSreuters"},
      {"person:a person:b", "(XPa AND XPb)"},        // repeated filters: all of them
      {"person:a OR person:b", "(0 * XPa OR 0 * XPb)"},
      {"person:(a OR \"b c\")", "(0 * XPa OR 0 * XPb c)"},
      {"person:(a b)", "(XPa AND XPb)"},
      {"source:a source:b", "(XSa OR XSb)"},        // one source per article: any of them
      {"hostages -person:a", "(Zhostag@1 AND_NOT XPa)"},
      {"date:2024-11", "VALUE_RANGE 0 20241101 20241130"},
      {"date:2024", "VALUE_RANGE 0 20240101 20241231"},
      {"date:..2024-11-30", "VALUE_LE 0 20241130"},
      {"date:2024-11-01..", "VALUE_GE 0 20241101"},
      {"gaza date:2024-11-01..2024-11-30", "(Zgaza@1 FILTER VALUE_RANGE 0 20241101 20241130)"},
      // An all-capitals query is text: its AND/OR/NOT are (common) words, not operators.
      {"WHEAT DEALS WITH RUSSIA AND CANADA", "(Zwheat@1 AND Zdeal@2 AND Zrussia@4 AND Zcanada@6)"},
      {"GAZA OR DOHA", "(Zgaza@1 AND Zdoha@3)"},
      {"NOT GAZA", "Zgaza@2"},
      {"GAZA NOT doha", "(Zgaza@1 AND_NOT Zdoha@2)"},  // a lower-case letter: capitals are operators
      {"Gaza OR Doha", "(Zgaza@1 OR Zdoha@2)"},
      // Abbreviations in capitals are one word, as the indexer reads them ("U.S." -> us).
      {"U.S. sanctions", "(Zus@1 AND Zsanction@2)"},
      {"U.N forces", "(Zun@1 AND Zforc@2)"},
      {"-U.N forces", "(Zforc@2 AND_NOT Zun@1)"},
      {"e.g", "(Ze@1 PHRASE 2 Zg@2)"},  // lower case: as written
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK_THAT(parsed(c.text), Contains(c.expected));
  }
}

TEST_CASE("option --any ranks documents with any of the words", "[query]") {
  QueryOptions options;
  options.word_operator = WordOperator::any;
  CHECK_THAT(parsed("hostages doha", options), Contains("(Zhostag@1 OR Zdoha@2)"));
}

TEST_CASE("the automatic mode needs all words of a short query and any word of a long one", "[query][match]") {
  struct Case {
    const char* text;
    std::size_t content_words;
    WordOperator used;
  };
  const Case cases[] = {
      {"hostages doha", 2, WordOperator::all},
      {"hostages doha qatar talks", 4, WordOperator::all},
      {"hostages doha qatar talks agreement", 5, WordOperator::any},
      {"the hostages of doha and the talks in qatar", 4, WordOperator::all},  // common words do not count
      {"hostages doha qatar talks -agreement", 4, WordOperator::all},        // nor excluded ones
      {"\"king of jordan\" visit crowds city", 4, WordOperator::all},       // a phrase counts once
      {"HOSTAGES AND DOHA OR QATAR TALKS AGREEMENT", 5, WordOperator::any},  // all capitals: AND/OR are words
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto query = build_query(c.text);
    CHECK(query.content_words == c.content_words);
    CHECK(query.word_operator == c.used);
  }
  CHECK_THAT(parsed("hostages doha qatar talks agreement"), Contains("(Zhostag@1 OR Zdoha@2 OR"));
  QueryOptions all;
  all.word_operator = WordOperator::all;
  CHECK(build_query("hostages doha qatar talks agreement", all).word_operator == WordOperator::all);
  CHECK(parse_word_operator("auto") == WordOperator::automatic);
  CHECK(word_operator_name(WordOperator::any) == "any");
  CHECK_THROWS_AS(parse_word_operator("some"), UsageError);
}

TEST_CASE("filter options: all of by default, any of on request, sources always any", "[query]") {
  QueryOptions options;
  options.filters.people = {"Zoë Marchetti", "BENJAMIN netanyahu"};
  options.filters.sources = {"Reuters", "AP"};
  options.filters.from = "2024-11";
  auto all = parsed("hostages", options);
  CHECK_THAT(all, Contains("(XPzoe marchetti AND XPbenjamin netanyahu)"));
  CHECK_THAT(all, Contains("(XSreuters OR XSap)"));
  CHECK_THAT(all, Contains("VALUE_GE 0 20241101"));
  options.filters.any_person = true;
  CHECK_THAT(parsed("hostages", options), Contains("(XPzoe marchetti OR XPbenjamin netanyahu)"));
}

TEST_CASE("a query of filters only is allowed and not ranked", "[query]") {
  QueryOptions options;
  options.filters.places = {"Gaza"};
  auto query = build_query("", options);
  CHECK_FALSE(query.ranked);
  CHECK_THAT(query.description(), Contains("XLgaza"));
  CHECK_FALSE(build_query("person:a").ranked);
  CHECK(build_query("hostages person:a").ranked);
  CHECK(build_query("hostag*").ranked);
}

TEST_CASE("applied filters and ignored stopwords are reported", "[query]") {
  auto query = build_query("the hostages person:\"Zoë Marchetti\" date:2024-11");
  CHECK(query.stopwords == std::vector<std::string>{"the"});
  REQUIRE(query.filters.size() == 2);
  CHECK(query.filters[0].field == "person");
  CHECK(query.filters[0].value == "zoe marchetti");
  CHECK(query.filters[1].value == "2024-11-01..2024-11-30");
  CHECK(build_query("hostag* gaza").wildcards == std::vector<std::string>{"hostag"});
}

TEST_CASE("bad queries are QueryErrors with a reason and a position", "[query]") {
  struct Case {
    std::string text;
    const char* message;
    std::size_t position;
  };
  const auto npos = std::string::npos;
  const Case cases[] = {
      {"", "empty query", npos},
      {"   ", "empty query", npos},
      {"the and of", "only common words", npos},
      {"\"hostages released", "unbalanced quote", 0},
      {"gaza \"the king", "unbalanced quote", 5},
      {"(gaza OR doha", "unmatched '('", 0},
      {"gaza OR doha)", "unmatched ')'", 12},
      {"person:", "'person:' needs a value", 0},
      {"gaza person: doha", "'person:' needs a value", 5},
      {"gaza person:\"\"", "'person:' needs a value", 5},
      {"gaza AND", "'AND' at position 5 needs something after it", 5},
      {"OR gaza", "needs something before it", 0},
      {"date:2024-13-45", "no such month", 5},
      {"gaza date:2024-11-01..2024-11-31", "no such day", 22},
      {"date:..", "at least one end", 5},
      {"gaza *", "at least one letter before '*'", 5},
      {"person:(a OR)", "needs a value after it", npos},
      {std::string(10000, 'a'), "too long", 4096},
  };
  for (const auto& c : cases) {
    INFO(c.text.substr(0, 60));
    try {
      build_query(c.text);
      FAIL("no error");
    } catch (const QueryError& e) {
      CHECK_THAT(e.what(), Contains(c.message));
      if (c.position != npos) CHECK(e.position() == c.position);
    }
  }
}

TEST_CASE("a stopword is kept when quoted or required", "[query]") {
  CHECK_THAT(parsed("\"the\""), Contains("the"));
  CHECK_THAT(parsed("+the"), Contains("Zthe"));
}

// Xapian's parser cannot read a run of '-' items alone: it then parsed the text again without
// operators, so that `-harbour` found the articles with harbour and `-a -b` became `a AND b`.
TEST_CASE("a query of exclusions only means every article except those", "[query][exclusions]") {
  struct Case {
    const char* text;
    const char* expected;  // the whole of Query::get_description()
  };
  const Case cases[] = {
      {"-harbour", "Query((<alldocuments> AND_NOT Zharbour@1))"},
      {"-harbour -council", "Query(((<alldocuments> AND_NOT Zharbour@1) AND_NOT Zcouncil@2))"},
      {"-place:valdermoor", "Query((<alldocuments> AND_NOT XLvaldermoor))"},
      {"-place:Valdermoor -source:reuters", "Query(((<alldocuments> AND_NOT XLvaldermoor) AND_NOT XSreuters))"},
      {"NOT harbour", "Query((<alldocuments> AND_NOT Zharbour@1))"},
      {"NOT harbour -council", "Query(((<alldocuments> AND_NOT Zharbour@1) AND_NOT Zcouncil@2))"},
      {"-harbour NOT council", "Query(((<alldocuments> AND_NOT Zharbour@1) AND_NOT Zcouncil@2))"},
      {"-harbour AND -council", "Query(((<alldocuments> AND_NOT Zharbour@1) AND_NOT Zcouncil@2))"},
      {"-\"harbour strike\"", "Query((<alldocuments> AND_NOT (Zharbour@1 PHRASE 2 Zstrike@2)))"},
      {"-\"harbour strike\" -place:gaza",
       "Query(((<alldocuments> AND_NOT (Zharbour@1 PHRASE 2 Zstrike@2)) AND_NOT XLgaza))"},
      {"-(harbour strike)", "Query((<alldocuments> AND_NOT (Zharbour@1 AND Zstrike@2)))"},
      {"-title:(harbour strike)", "Query((<alldocuments> AND_NOT (ZSharbour@1 AND ZSstrike@2)))"},
      {"-title:harbour", "Query((<alldocuments> AND_NOT ZSharbour@1))"},
      {"-person:(a OR b)", "Query((<alldocuments> AND_NOT (0 * XPa OR 0 * XPb)))"},
      {"-date:2024", "Query((<alldocuments> AND_NOT VALUE_RANGE 0 20240101 20241231))"},
      {"-harbou*", "Query((<alldocuments> AND_NOT WILDCARD SYNONYM Zharbou))"},
      {"-HARBOUR -COUNCIL", "Query(((<alldocuments> AND_NOT Zharbour@1) AND_NOT Zcouncil@2))"},  // all capitals
      {"the -harbour", "Query((<alldocuments> AND_NOT Zharbour@1))"},  // a common word is dropped, not required
      {"-harbour OR -council", "Query(((<alldocuments> AND_NOT Zharbour@1) OR (<alldocuments> AND_NOT Zcouncil@2)))"},
      // Inside brackets the same holds, and a '-' after NOT is one more exclusion.
      {"gaza (-harbour -council)", "Query((Zgaza@1 AND ((<alldocuments> AND_NOT Zharbour@2) AND_NOT Zcouncil@3)))"},
      {"gaza NOT harbour -council", "Query(((Zgaza@1 AND_NOT Zharbour@2) AND_NOT Zcouncil@3))"},
      {"gaza OR -harbour", "Query((Zgaza@1 OR (<alldocuments> AND_NOT Zharbour@2)))"},
      {"NOT -harbour", "Query((<alldocuments> AND_NOT Zharbour@1))"},  // the parser could not read NOT -x
      {"gaza NOT -harbour", "Query((Zgaza@1 AND_NOT Zharbour@2))"},
      {"NOT -\"harbour strike\"", "Query((<alldocuments> AND_NOT (Zharbour@1 PHRASE 2 Zstrike@2)))"},
      {"--harbour", "Query((<alldocuments> AND_NOT Zharbour@1))"},  // "--x" is "-x" to the parser
      {"- -harbour &", "Query((<alldocuments> AND_NOT Zharbour@1))"},  // punctuation alone is no term
      // A word that is not excluded keeps its meaning.
      {"gaza -harbour", "Query((Zgaza@1 AND_NOT Zharbour@2))"},
      {"gaza -harbour -council", "Query((Zgaza@1 AND_NOT (Zharbour@2 OR Zcouncil@3)))"},
      {"place:gaza -harbour", "Query((0 * XLgaza AND_NOT Zharbour@1))"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(parsed(c.text) == c.expected);
  }
}

TEST_CASE("exclusions only keep the option filters and rank nothing", "[query][exclusions]") {
  QueryOptions options;
  options.filters.places = {"Gaza"};
  options.filters.from = "2024";
  auto query = build_query("-harbour -place:valdermoor", options);
  CHECK(query.description() ==
        "Query((((<alldocuments> AND_NOT Zharbour@1) AND_NOT XLvaldermoor) FILTER (XLgaza AND VALUE_GE 0 20240101)))");
  CHECK_FALSE(query.ranked);
  CHECK(query.content_words == 0);
  for (const char* text : {"-harbour", "NOT harbour", "-place:x", "-harbou*", "-harbour OR -council"}) {
    INFO(text);
    CHECK_FALSE(build_query(text).ranked);
  }
  CHECK(build_query("gaza -harbour").ranked);
  CHECK(build_query("the -harbour").stopwords == std::vector<std::string>{"the"});
}
