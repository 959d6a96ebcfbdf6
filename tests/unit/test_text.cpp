#include <catch2/catch.hpp>

#include "common/base/text.hpp"

using namespace newsdex;

TEST_CASE("fold_key folds case, accents, quotes and white space", "[text]") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"Benjamin Netanyahu", "benjamin netanyahu"},
      {"Zo\xC3\xAB  Marchetti", "zoe marchetti"},
      {"  JOS\xC3\x89\tIbarra ", "jose ibarra"},
      {"O\xE2\x80\x99" "Brien", "o'brien"},
      {"Stra\xC3\x9F" "e", "strasse"},
      {"S\xC3\xB8ren Lindahl", "soren lindahl"},
      {"\xC5\x81\xC3\xB3" "d\xC5\xBA", "lodz"},
      {"Harbour  Workers\n Union", "harbour workers union"},
      {"\xE2\x80\x9CQuoted\xE2\x80\x9D", "\"quoted\""},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    CHECK(fold_key(c.input) == c.expected);
  }
}

TEST_CASE("repair_utf8 replaces each bad byte and counts them", "[text]") {
  std::size_t repaired = 0;
  auto fixed = repair_utf8("ok \xFF\xFE end", &repaired);
  CHECK(repaired == 2);
  CHECK(is_valid_utf8(fixed));
  CHECK(fixed == "ok \xEF\xBF\xBD\xEF\xBF\xBD end");
}

TEST_CASE("to_nfc composes decomposed characters", "[text]") {
  CHECK(to_nfc("Zoe\xCC\x88") == "Zo\xC3\xAB");
}

TEST_CASE("collapse_whitespace collapses Unicode spaces and trims", "[text]") {
  CHECK(collapse_whitespace("\xC2\xA0 a \t\n b\xE2\x80\x89" "c  ") == "a b c");
  CHECK(collapse_whitespace("   ").empty());
}

TEST_CASE("split keeps every item, empty ones included", "[text]") {
  using Items = std::vector<std::string_view>;
  struct Case {
    std::string_view list;
    Items items;
    char separator = ',';
  };
  for (const auto& [list, items, separator] : std::vector<Case>{
           {"", {""}},
           {"a", {"a"}},
           {"person,org", {"person", "org"}},
           {"a,,b", {"a", "", "b"}},
           {",", {"", ""}},
           {"1.2,0.75,", {"1.2", "0.75", ""}},
           {"gaza  ceasefire", {"gaza", "", "ceasefire"}, ' '},
           {"a,b c", {"a,b", "c"}, ' '},
       }) {
    INFO(list);
    CHECK(split(list, separator) == items);
  }
}
