// The date filter of the query language: "2024", "2024-11", "2024-11-05", and ranges "A..B", "A..", "..B",
// turned into an inclusive range of the "YYYYMMDD" values kept in schema::date_slot.
#pragma once
#include <string>
#include <string_view>

namespace newsdex {

// Inclusive bounds as "YYYYMMDD"; an empty bound is open.
struct DateRange {
  std::string first, last;
  bool open_start() const { return first.empty(); }
  bool open_end() const { return last.empty(); }
  bool operator==(const DateRange&) const = default;
};

// Parses a date filter value. A whole year or month covers all its days, at either end of a range:
// "2024-11" = 20241101..20241130, "2023..2024-02" = 20230101..20240229. Throws QueryError (position
// = byte offset in `value`) for an impossible date ("2024-13-45"), a malformed one, an empty range
// (".."), or a start after the end.
DateRange parse_date_filter(std::string_view value);

// The same for --from / --to: each may be empty (open); each may be a year, a month or a day.
DateRange date_range_from_options(std::string_view from, std::string_view to);

// "20241105" -> "2024-11-05" for messages and JSON (returns its input unchanged when not 8 digits).
std::string format_date_value(std::string_view yyyymmdd);

}  // namespace newsdex
