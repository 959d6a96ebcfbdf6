// Publication dates as news sites write them, parsed to ISO 8601 by a small tokenizer (no std::regex:
// it is slow and this runs once per article on millions of articles). docs/readers.md lists the formats.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// A date found in a piece of text: its ISO 8601 form and the byte range it came from.
struct DateMatch {
  std::string iso;
  std::size_t begin = 0, end = 0;
};

// Finds the first date in `text` (a leading weekday or words such as "Published:" are simply skipped).
// The ISO form is "2024-11-22"; "2024-11-22T09:30:00" when a time is given; "2024-11-22T09:30:00+02:00"
// when the zone is known too (GMT/UTC/Z give "+00:00"; US zones such as "ET" follow US daylight saving
// rules); "2024-11" (ISO reduced precision) for a month and year without a day ("November 2024").
// Impossible dates (2024-13-45, Feb 30) and times (25:61) are not dates.
std::optional<DateMatch> find_date(std::string_view text);

// The ISO form of the first date in `text`, or nullopt.
std::optional<std::string> parse_date(std::string_view text);

// True for a real calendar date (leap years included).
bool is_valid_date(int year, int month, int day);

// Seconds since 1970-01-01 UTC as "YYYY-MM-DDTHH:MM:SS+00:00" (JSON timestamps, file times).
std::string iso_from_unix_time(long long seconds);

// True when `iso` has a day ("YYYY-MM-DD..."), false for "YYYY-MM" and anything else.
bool has_day(std::string_view iso);

}  // namespace newsdex
