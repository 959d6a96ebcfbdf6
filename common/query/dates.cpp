#include "common/query/dates.hpp"

#include <cctype>
#include <cstdio>

#include "common/base/dates.hpp"
#include "common/base/errors.hpp"

namespace newsdex {
namespace {

enum class Bound { first, last };

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int days_in_month(int year, int month) {
  for (int day = 31; day > 28; --day)
    if (is_valid_date(year, month, day)) return day;
  return 28;
}

std::string yyyymmdd(int year, int month, int day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
  return buffer;
}

// One end of a range: a year, a month or a day; `offset` places errors in the whole query value.
std::string parse_bound(std::string_view text, Bound bound, std::size_t offset) {
  auto bad = [&](const std::string& why) {
    throw QueryError("bad date '" + std::string(text) + "': " + why, offset);
  };
  std::string_view parts[3];
  std::size_t count = 0, start = 0;
  while (true) {
    auto dash = text.find('-', start);
    if (count == 3) bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
    parts[count++] = text.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (parts[0].size() != 4 || !all_digits(parts[0])) bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
  for (std::size_t i = 1; i < count; ++i)
    if (parts[i].empty() || parts[i].size() > 2 || !all_digits(parts[i])) bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
  int year = std::stoi(std::string(parts[0]));
  int month = count > 1 ? std::stoi(std::string(parts[1])) : (bound == Bound::first ? 1 : 12);
  if (year < 1000 || month < 1 || month > 12) bad("no such month");
  int day = count > 2 ? std::stoi(std::string(parts[2])) : (bound == Bound::first ? 1 : days_in_month(year, month));
  if (!is_valid_date(year, month, day)) bad("no such day");
  return yyyymmdd(year, month, day);
}

}  // namespace

DateRange parse_date_filter(std::string_view value) {
  if (value.empty()) throw QueryError("date: needs a value such as 2024, 2024-11, 2024-11-05 or 2024-11-01..2024-11-30", 0);
  auto dots = value.find("..");
  if (dots == std::string_view::npos) {
    return {parse_bound(value, Bound::first, 0), parse_bound(value, Bound::last, 0)};
  }
  auto left = value.substr(0, dots), right = value.substr(dots + 2);
  if (left.empty() && right.empty()) throw QueryError("date range '..' needs at least one end", 0);
  DateRange range;
  if (!left.empty()) range.first = parse_bound(left, Bound::first, 0);
  if (!right.empty()) range.last = parse_bound(right, Bound::last, dots + 2);
  if (!range.first.empty() && !range.last.empty() && range.first > range.last)
    throw QueryError("date range '" + std::string(value) + "' starts after it ends", 0);
  return range;
}

DateRange date_range_from_options(std::string_view from, std::string_view to) {
  DateRange range;
  if (!from.empty()) range.first = parse_bound(from, Bound::first, 0);
  if (!to.empty()) range.last = parse_bound(to, Bound::last, 0);
  if (!range.first.empty() && !range.last.empty() && range.first > range.last)
    throw QueryError("--from " + std::string(from) + " is after --to " + std::string(to));
  return range;
}

std::string format_date_value(std::string_view value) {
  if (value.size() != 8 || !all_digits(value)) return std::string(value);
  return std::string(value.substr(0, 4)) + "-" + std::string(value.substr(4, 2)) + "-" + std::string(value.substr(6, 2));
}

}  // namespace newsdex
