// The date facet as a histogram: day counts grouped by day, ISO week, month or year, every bucket
// of the range listed (empty ones with 0), so that a timeline can be drawn from it as it is. Pure
// functions over the "YYYYMMDD" values of schema::date_slot; docs/search.md, "Dates".
#pragma once
#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/query/dates.hpp"

namespace newsdex {

enum class DateGranularity { automatic, day, week, month, year };

// "day", "week", "month" or "year" (--facet date:week); throws UsageError listing them.
DateGranularity parse_date_granularity(std::string_view name);
std::string_view date_granularity_name(DateGranularity granularity);  // "auto" for automatic

// More buckets than this is refused: a day histogram over centuries is a mistake, not a timeline.
inline constexpr std::size_t max_date_buckets = 100'000;

// The ISO 8601 week of a day "YYYYMMDD", as "2024-W47": weeks start on Monday and week 1 of a year
// is the one holding its first Thursday, so 2024-12-30 is in 2025-W01 and 2021-01-03 in 2020-W53.
// "" when the value is not a date.
std::string iso_week_key(std::string_view yyyymmdd);

// The key of the bucket holding a day: "2024-11-05", "2024-W45", "2024-11" or "2024" ("" when the
// value is not a date, or for automatic).
std::string date_bucket_key(std::string_view yyyymmdd, DateGranularity granularity);

// The automatic choice for the days first..last ("YYYYMMDD"): years when they span more than 24
// months, months when more than 2, else days.
DateGranularity automatic_granularity(std::string_view first, std::string_view last);

struct DateHistogram {
  DateGranularity granularity = DateGranularity::day;             // the one used (never automatic)
  std::vector<std::pair<std::string, Xapian::doccount>> buckets;  // in date order
};

// Day counts ("20241105" -> n) in buckets of `granularity`: every bucket from the one holding the
// range's first day to the one holding its last, those without articles with 0. An open end of
// `range` is the first (or last) day counted; with no day counted and an open end, only the given
// end's bucket (none when both are open). Values that are not dates are left out. Throws
// UsageError when there would be more than max_date_buckets buckets.
DateHistogram date_histogram(const std::map<std::string, Xapian::doccount>& day_counts, DateGranularity granularity,
                             const DateRange& range = {});

}  // namespace newsdex
