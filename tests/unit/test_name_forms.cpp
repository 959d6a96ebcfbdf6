// The pure rules of common/entities/name_forms.hpp, one table each.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/entities/name_forms.hpp"

using namespace newsdex::ner;

namespace {

struct Pair {
  const char* input;
  const char* expected;
};

template <class Rule>
void check_table(const std::vector<Pair>& table, Rule rule) {
  for (const auto& [input, expected] : table) {
    INFO(input);
    CHECK(rule(input) == expected);
  }
}

}  // namespace

TEST_CASE("a leading article goes, a capitalised one only before an acronym", "[entities][name_forms]") {
  check_table({{"the Fed", "Fed"},
               {"The EC", "EC"},
               {"The Hague", "The Hague"},
               {"The New York Times", "The New York Times"},
               {"the", "the"},
               {"theatre", "theatre"}},
              [](const char* name) { return without_leading_article(name); });
}

TEST_CASE("company designators go, unless nothing else is left", "[entities][name_forms]") {
  check_table({{"General Motors Corp", "General Motors"},
               {"General Motors Corp.", "General Motors"},
               {"Chrysler Corporation", "Chrysler"},
               {"Moss Lawson and Co", "Moss Lawson"},
               {"Acme Holdings Co Inc", "Acme Holdings"},
               {"Barclays plc", "Barclays"},
               {"Sony Corp, Inc", "Sony"},
               {"Corp", "Corp"},
               {"Co-op Bank", "Co-op Bank"},
               {"Company of Biologists", "Company of Biologists"}},
              [](const char* name) { return without_company_designator(name); });
}

TEST_CASE("Organisation, Centre, Defence and Co-operation are spelt the British way", "[entities][name_forms]") {
  check_table({{"World Trade Organization", "World Trade Organisation"},
               {"World Trade Organisation", "World Trade Organisation"},
               {"Kennedy Center", "Kennedy Centre"},
               {"Department of Defense", "Department of Defence"},
               {"Organization for Economic Cooperation and Development",
                "Organisation for Economic Co-operation and Development"},
               {"Labor Party", "Labor Party"},  // only within an article: labour_folded
               {"Centerville", "Centerville"}},
              [](const char* name) { return british_spelling(name); });
}

TEST_CASE("'X Department' and 'X Ministry' take the official order", "[entities][name_forms]") {
  check_table({{"Agriculture Department", "Department of Agriculture"},
               {"Finance Ministry", "Ministry of Finance"},
               {"Foreign Ministry", "Ministry of Foreign Affairs"},
               {"Health and Human Services Department", "Department of Health and Human Services"},
               {"Department of Agriculture", "Department of Agriculture"},
               {"Ministry", "Ministry"},
               {"the police department", "the police department"},
               {"Fire and Rescue Service", "Fire and Rescue Service"}},
              [](const char* name) { return office_word_order(name); });
}

TEST_CASE("acronyms are recognised and matched against their expansions", "[entities][name_forms]") {
  check_table({{"WTO", "WTO"},
               {"U.S.S.R.", "USSR"},
               {"E.C.", "EC"},
               {"G.M.", "GM"},
               {"Wto", ""},
               {"A", ""},
               {"IBM Corp", ""},
               {"ABCDEFGH", ""},
               {"U..S", ""}},
              [](const char* name) { return acronym_letters(name); });
  struct Case {
    const char* acronym;
    const char* name;
    bool expected;
  };
  const Case cases[] = {
      {"WTO", "World Trade Organisation", true},
      {"OPEC", "Organization of the Petroleum Exporting Countries", true},
      {"OECD", "Organisation for Economic Co-operation and Development", true},
      {"GATT", "General Agreement on Tariffs and Trade", true},
      {"HWU", "Harbour Workers Union", true},
      {"BOE", "Bank of England", true},  // small words counted
      {"U.S.", "United States", true},
      {"WTO", "World Bank", false},
      {"GM", "General", false},  // one word is no expansion
      {"Fed", "Federal Reserve", false},
  };
  for (const auto& c : cases) {
    INFO(c.acronym << " / " << c.name);
    CHECK(abbreviates(c.acronym, c.name) == c.expected);
  }
  CHECK(initials(split_words("Organization of the Petroleum Exporting Countries")) == "OPEC");
}

TEST_CASE("Labour and Labor fold only as whole words", "[entities][name_forms]") {
  check_table({{"labor party", "labour party"},
               {"labour party", "labour party"},
               {"department of labor", "department of labour"},
               {"laboratory", "laboratory"},
               {"collaborators", "collaborators"}},
              [](const char* key) { return labour_folded(key); });
}

TEST_CASE("dates and periods written as names are recognised", "[entities][name_forms]") {
  struct Case {
    const char* words;
    bool expected;
  };
  const Case cases[] = {{"may one", true},   {"nine mths", true}, {"June 30", true},      {"first qtr", true},
                        {"Friday", false},   {"May", false},      {"Theresa May", false}, {"June Carter", false},
                        {"1987 Act", false}, {"12 34", false}};
  for (const auto& c : cases) {
    INFO(c.words);
    CHECK(is_date_like(split_words(c.words)) == c.expected);
  }
}

TEST_CASE("product model codes are recognised", "[entities][name_forms]") {
  struct Case {
    const char* word;
    bool expected;
  };
  const Case cases[] = {{"N95", true},  {"360", true},    {"iPod", true}, {"PS2", true},
                        {"PSP", false}, {"Music", false}, {"2", false},   {"IPod", false}};
  for (const auto& c : cases) {
    INFO(c.word);
    CHECK(is_model_code(c.word) == c.expected);
  }
}
