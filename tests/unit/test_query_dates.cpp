// date: filter values and --from/--to: whole years and months, ranges, open ends, impossible dates.
#include <catch2/catch.hpp>

#include "common/base/errors.hpp"
#include "common/query/dates.hpp"

using namespace newsdex;

TEST_CASE("date filter values become inclusive YYYYMMDD ranges", "[query][dates]") {
  struct Case {
    const char* value;
    DateRange expected;
  };
  const Case cases[] = {
      {"2024", {"20240101", "20241231"}},
      {"2024-11", {"20241101", "20241130"}},
      {"2024-02", {"20240201", "20240229"}},  // leap year
      {"2023-02", {"20230201", "20230228"}},
      {"2024-11-05", {"20241105", "20241105"}},
      {"2024-1-5", {"20240105", "20240105"}},
      {"2024-11-01..2024-11-30", {"20241101", "20241130"}},
      {"2023..2024-02", {"20230101", "20240229"}},
      {"..2024-11-30", {"", "20241130"}},
      {"2024-11-01..", {"20241101", ""}},
      {"..2024", {"", "20241231"}},
  };
  for (const auto& c : cases) {
    INFO(c.value);
    CHECK(parse_date_filter(c.value) == c.expected);
  }
}

TEST_CASE("impossible or malformed dates are query errors with a position", "[query][dates]") {
  struct Case {
    const char* value;
    const char* message;
    std::size_t position;
  };
  const Case cases[] = {
      {"2024-13-45", "no such month", 0},
      {"2024-02-30", "no such day", 0},
      {"2023-02-29", "no such day", 0},
      {"24-11", "expected YYYY", 0},
      {"2024-1x", "expected YYYY", 0},
      {"2024-11-05-01", "expected YYYY", 0},
      {"2024-11-01..2024-11-31", "no such day", 12},
      {"..", "needs at least one end", 0},
      {"2024-12..2024-01", "starts after it ends", 0},
      {"", "needs a value", 0},
  };
  for (const auto& c : cases) {
    INFO(c.value);
    try {
      parse_date_filter(c.value);
      FAIL("no error for " << c.value);
    } catch (const QueryError& e) {
      CHECK_THAT(e.what(), Catch::Contains(c.message));
      CHECK(e.position() == c.position);
      CHECK(e.code() == ExitCode::usage);
    }
  }
}

TEST_CASE("option --from and --to make a range, each end optional", "[query][dates]") {
  CHECK(date_range_from_options("2024-11", "") == DateRange{"20241101", ""});
  CHECK(date_range_from_options("", "2024") == DateRange{"", "20241231"});
  CHECK(date_range_from_options("2024-01-02", "2024-03") == DateRange{"20240102", "20240331"});
  CHECK_THROWS_AS(date_range_from_options("2024-05", "2024-01"), QueryError);
  CHECK_THROWS_AS(date_range_from_options("2024-13", ""), QueryError);
  CHECK(format_date_value("20241105") == "2024-11-05");
  CHECK(format_date_value("") == "");
}
