// Date histograms (issue 17, item 4): ISO weeks, bucket keys, every bucket of the range listed with
// 0 where no article falls, ranges from --from/--to, and the refusal of a histogram too long to be one.
#include <catch2/catch.hpp>

#include "common/search/date_buckets.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using newsdex::test::usage_error_of;
using Buckets = std::vector<std::pair<std::string, Xapian::doccount>>;

TEST_CASE("ISO weeks: Monday starts a week, week 1 holds the year's first Thursday", "[date_buckets]") {
  struct Case {
    const char* day;
    const char* week;
  };
  const Case cases[] = {
      {"20241118", "2024-W47"},                            // a Monday
      {"20241124", "2024-W47"},                            // the Sunday after it
      {"20241125", "2024-W48"}, {"20241230", "2025-W01"},  // late December in the next ISO year
      {"20250101", "2025-W01"}, {"20210103", "2020-W53"},  // early January in the last ISO year's week 53
      {"20210104", "2021-W01"}, {"20200101", "2020-W01"},  // a Wednesday: its week holds 2 January, a Thursday
      {"20151231", "2015-W53"}, {"20160101", "2015-W53"}, {"20240229", "2024-W09"}, {"20241305", ""},  // not a date
      {"2024110", ""},
  };
  for (const auto& c : cases) {
    INFO(c.day);
    CHECK(iso_week_key(c.day) == c.week);
  }
}

TEST_CASE("bucket keys of each granularity", "[date_buckets]") {
  struct Case {
    DateGranularity granularity;
    const char* key;
  };
  const Case cases[] = {{DateGranularity::day, "2024-11-05"},
                        {DateGranularity::week, "2024-W45"},
                        {DateGranularity::month, "2024-11"},
                        {DateGranularity::year, "2024"},
                        {DateGranularity::automatic, ""}};
  for (const auto& c : cases) CHECK(date_bucket_key("20241105", c.granularity) == c.key);
}

TEST_CASE("granularities parse by name", "[date_buckets]") {
  CHECK(parse_date_granularity("week") == DateGranularity::week);
  CHECK(date_granularity_name(DateGranularity::month) == "month");
  CHECK(usage_error_of([] { parse_date_granularity("hour"); }) ==
        "unknown date facet granularity 'hour': choose day, week, month or year");
}

TEST_CASE("every bucket from the first date to the last is listed, empty ones with 0", "[date_buckets]") {
  const std::map<std::string, Xapian::doccount> days{{"20241030", 1}, {"20241105", 2}, {"20241119", 1}};
  struct Case {
    DateGranularity granularity;
    DateRange range;
    Buckets buckets;
  };
  const Case cases[] = {
      {DateGranularity::week, {}, {{"2024-W44", 1}, {"2024-W45", 2}, {"2024-W46", 0}, {"2024-W47", 1}}},
      {DateGranularity::month, {}, {{"2024-10", 1}, {"2024-11", 3}}},
      {DateGranularity::year, {}, {{"2024", 4}}},
      // --from/--to widen the range; an open end stays at the first or last date counted.
      {DateGranularity::month,
       {"20240901", "20241231"},
       {{"2024-09", 0}, {"2024-10", 1}, {"2024-11", 3}, {"2024-12", 0}}},
      {DateGranularity::month, {"20240801", ""}, {{"2024-08", 0}, {"2024-09", 0}, {"2024-10", 1}, {"2024-11", 3}}},
      {DateGranularity::year, {"", "20261231"}, {{"2024", 4}, {"2025", 0}, {"2026", 0}}},
  };
  for (const auto& c : cases) {
    auto histogram = date_histogram(days, c.granularity, c.range);
    CHECK(histogram.granularity == c.granularity);
    CHECK(histogram.buckets == c.buckets);
  }
  auto daily = date_histogram(days, DateGranularity::day);
  CHECK(daily.buckets.size() == 21);  // 30 October to 19 November
  CHECK(daily.buckets.front() == std::pair<std::string, Xapian::doccount>{"2024-10-30", 1});
  CHECK(daily.buckets[1] == std::pair<std::string, Xapian::doccount>{"2024-10-31", 0});
  CHECK(daily.buckets.back() == std::pair<std::string, Xapian::doccount>{"2024-11-19", 1});
}

TEST_CASE("no dates counted: the range given, or nothing", "[date_buckets]") {
  const std::map<std::string, Xapian::doccount> none;
  CHECK(date_histogram(none, DateGranularity::month).buckets.empty());
  CHECK(date_histogram(none, DateGranularity::month, {"20240101", "20240331"}).buckets ==
        Buckets{{"2024-01", 0}, {"2024-02", 0}, {"2024-03", 0}});
  CHECK(date_histogram(none, DateGranularity::year, {"20240101", ""}).buckets == Buckets{{"2024", 0}});
  // The automatic choice goes by the range shown.
  CHECK(date_histogram(none, DateGranularity::automatic, {"20200101", "20241231"}).granularity ==
        DateGranularity::year);
}

TEST_CASE("a histogram of more than max_date_buckets buckets is refused", "[date_buckets]") {
  const std::map<std::string, Xapian::doccount> days{{"17000101", 1}, {"20241231", 1}};
  CHECK_NOTHROW(date_histogram(days, DateGranularity::week));  // 16,958 weeks
  CHECK(usage_error_of([&] { date_histogram(days, DateGranularity::day); }) ==
        "--facet date:day from 1700-01-01 to 2024-12-31 makes more than 100000 buckets: choose a longer period, "
        "or narrow the dates with --from and --to");
}
