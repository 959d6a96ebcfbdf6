// Publication dates as news sites write them, parsed to ISO 8601.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// Parses a date (and time when present) and returns ISO 8601: "2024-11-22", or
// "2024-11-22T09:30:00" / "2024-11-22T09:30:00+02:00" when a time (and zone) is given.
// Returns nullopt for text that is not a date or names an impossible one (2024-13-45).
std::optional<std::string> parse_date(std::string_view text);

// True for a real calendar date (leap years included).
bool is_valid_date(int year, int month, int day);

}  // namespace newsdex
