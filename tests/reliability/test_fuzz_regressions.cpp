// Inputs the fuzzers (fuzz/, scripts/fuzz.sh) found to break a pure function, kept as fixed cases so
// the bug stays fixed without a fuzzing run. Each crash input is also in the fuzz seed corpus.
#include <catch2/catch.hpp>

#include <string>

#include "common/dates.hpp"

namespace {

// What fuzz/fuzz_dates.cpp checks: a date the parser returns is a real calendar date.
bool is_real_iso_date(const std::string& iso) {
  if (iso.size() < 7 || iso[4] != '-') return false;
  int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2));
  int day = newsdex::has_day(iso) ? std::stoi(iso.substr(8, 2)) : 1;
  return newsdex::is_valid_date(year, month, day);
}

}  // namespace

TEST_CASE("fuzz regressions: parse_date never returns an impossible month", "[reliability][fuzz-regression]") {
  struct Case {
    std::string text;
    bool is_date;
  };
  const Case cases[] = {
      // fuzz_dates crash 2e17f2eb: "0-0-1253" was read as "1253-00" (day 0 meant "no day").
      {std::string("\x16" "2-0\xce" "0-2-4200:0-0-1253:0-:(+00"), false},
      {"0-0-1253", false},
      {"0-13-2024", false},
      {"Nov 2024", true},
      {"22-11-2024", true},
  };
  for (const auto& c : cases) {
    INFO("text: " << c.text);
    auto iso = newsdex::parse_date(c.text);
    CHECK(iso.has_value() == c.is_date);
    if (iso) CHECK(is_real_iso_date(*iso));
  }
}
