#include <catch2/catch.hpp>

#include "common/base/dates.hpp"

using namespace newsdex;

TEST_CASE("parse_date reads the formats news sites write", "[dates]") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"Friday, November 22, 2024", "2024-11-22"},
      {"22 Nov 2024", "2024-11-22"},
      {"22nd November, 2024", "2024-11-22"},
      {"November 22nd, 2024", "2024-11-22"},
      {"Sept. 3, 2023", "2023-09-03"},
      {"2024-11-22T09:30:00+02:00", "2024-11-22T09:30:00+02:00"},
      {"2024-11-22T09:30:00Z", "2024-11-22T09:30:00+00:00"},
      {"2024-11-22T09:30:00.123-0500", "2024-11-22T09:30:00-05:00"},
      {"2024-11-22T09:30:00", "2024-11-22T09:30:00"},
      {"Nov. 22, 2024 9:30 AM ET", "2024-11-22T09:30:00-05:00"},
      {"July 4, 2024 9:30 p.m. ET", "2024-07-04T21:30:00-04:00"},
      {"Nov. 22, 2024 12:05 AM", "2024-11-22T00:05:00"},
      {"11/22/2024", "2024-11-22"},
      {"22/11/2024", "2024-11-22"},
      {"22.11.2024", "2024-11-22"},
      {"2024/11/22", "2024-11-22"},
      {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"},
      {"2024-11-22 09:30", "2024-11-22T09:30:00"},
      {"Fri, 22 Nov 2024 09:30:00 GMT", "2024-11-22T09:30:00+00:00"},
      {"Fri, 22 Nov 2024 09:30:00 +0100", "2024-11-22T09:30:00+01:00"},
      {"22 Nov 2024 14:00 GMT+2", "2024-11-22T14:00:00+02:00"},
      {"Published: 22 November 2024, 10:15 CET", "2024-11-22T10:15:00+01:00"},
      {"Updated on March 3, 2024 at 5:00 PM PT", "2024-03-03T17:00:00-08:00"},
      {"By Jane Doe | Nov 22, 2024", "2024-11-22"},
      {"November 2024", "2024-11"},
      {"29 Feb 2024", "2024-02-29"},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    auto parsed = parse_date(c.input);
    REQUIRE(parsed);
    CHECK(*parsed == c.expected);
  }
}

TEST_CASE("parse_date rejects impossible dates and non-dates", "[dates]") {
  const char* cases[] = {
      "2024-13-45", "2024-02-30",   "February 30, 2024", "29 Feb 2023",          "31/04/2024", "00/10/2024",
      "",           "no date here", "Page 12 of 40",     "In 2024, prices rose", "9:30 AM",    "99-99-9999",
  };
  for (const char* text : cases) {
    INFO(text);
    CHECK_FALSE(parse_date(text));
  }
}

TEST_CASE("parse_date keeps the date but drops an impossible time", "[dates]") {
  CHECK(parse_date("2024-11-22 25:61") == "2024-11-22");
}

TEST_CASE("find_date reports where the date is", "[dates]") {
  auto match = find_date("By Jane Doe | Nov. 22, 2024 9:30 AM");
  REQUIRE(match);
  CHECK(match->begin == 14);
  CHECK(match->end == 35);
}

TEST_CASE("iso_from_unix_time converts seconds since the epoch", "[dates]") {
  CHECK(iso_from_unix_time(0) == "1970-01-01T00:00:00+00:00");
  CHECK(iso_from_unix_time(1732267800) == "2024-11-22T09:30:00+00:00");
  CHECK(iso_from_unix_time(951782400) == "2000-02-29T00:00:00+00:00");
}

TEST_CASE("has_day tells full dates from month-only ones", "[dates]") {
  CHECK(has_day("2024-11-22"));
  CHECK(has_day("2024-11-22T09:30:00"));
  CHECK_FALSE(has_day("2024-11"));
}
