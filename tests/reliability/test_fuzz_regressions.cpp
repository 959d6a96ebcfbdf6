// Inputs the fuzzers (fuzz/, scripts/fuzz.sh) found to break a pure function, kept as fixed cases so
// the bug stays fixed without a fuzzing run. Each crash input is also in the fuzz seed corpus.
#include <catch2/catch.hpp>

#include <string>

#include "common/base/dates.hpp"
#include "common/readers/reader.hpp"

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

TEST_CASE("fuzz regressions: a JSON number too large for a double is a skipped record, not an abort",
          "[reliability][fuzz-regression]") {
  struct Case {
    std::string path, bytes;
    std::size_t articles;
    std::string message;
  };
  // fuzz_json_reader in CI: nlohmann::json throws out_of_range (not parse_error) for "1e999", and
  // nothing caught it, so the indexer ended in std::terminate.
  const Case cases[] = {
      {"one.json", R"({"title": "t", "body": "b", "n": 1e999})", 0,
       "skipped: unreadable JSON (number overflow parsing '1e999')"},
      {"list.json", R"([{"title": "t", "body": "b"}, -1E+400])", 0, "skipped: unreadable JSON"},
      {"lines.jsonl", "{\"title\": \"t\", \"body\": \"the body\"}\n{\"n\": 2e308}\n", 1,
       "skipped: unreadable JSON line (number overflow parsing '2e308')"},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.bytes);
    newsdex::ReadOptions options;
    options.format = newsdex::InputFormat::json;
    newsdex::ReadResult result;
    REQUIRE_NOTHROW(result = newsdex::read_articles_from_bytes(c.bytes, c.path, options));
    CHECK(result.articles.size() == c.articles);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.starts_with(c.message));
  }
}
