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

TEST_CASE("append_utf8 writes each code point in one to four bytes and U+FFFD for non-characters", "[text]") {
  struct Case {
    char32_t code_point;
    std::string_view bytes;
  };
  const Case cases[] = {
      {U'a', "a"},
      {0x7F, "\x7F"},
      {0xE9, "\xC3\xA9"},
      {0x7FF, "\xDF\xBF"},
      {0x20AC, "\xE2\x82\xAC"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x1F600, "\xF0\x9F\x98\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
      {0xD800, "\xEF\xBF\xBD"},  // a lone surrogate
      {0xDFFF, "\xEF\xBF\xBD"},
      {0x110000, "\xEF\xBF\xBD"},  // past the last code point
  };
  for (const auto& c : cases) {
    INFO(static_cast<unsigned long>(c.code_point));
    std::string out = "x";
    append_utf8(out, c.code_point);
    CHECK(out == "x" + std::string(c.bytes));
    CHECK(is_valid_utf8(out));
  }
}

TEST_CASE("ascii_lower lowers ASCII letters only and keeps other bytes", "[text]") {
  struct Case {
    std::string_view input, expected;
  };
  const Case cases[] = {
      {"", ""},
      {"Author", "author"},
      {"DatePublished", "datepublished"},
      {".SHTML", ".shtml"},
      {"A-Z_0-9 @[`{", "a-z_0-9 @[`{"},
      {"\xC3\x89T\xC3\x89", "\xC3\x89t\xC3\x89"},  // "ÉTÉ": only the T, UTF-8 kept valid
  };
  for (const auto& c : cases) {
    INFO(c.input);
    CHECK(ascii_lower(c.input) == c.expected);
  }
}
