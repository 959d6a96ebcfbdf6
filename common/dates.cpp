#include "common/dates.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <regex>

namespace newsdex {
namespace {

constexpr std::array<std::string_view, 12> month_names{"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};

int month_from_name(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word.substr(0, 3)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < month_names.size(); ++i)
    if (month_names[i] == lower) return static_cast<int>(i) + 1;
  return 0;
}

std::string iso(int year, int month, int day) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > days[static_cast<std::size_t>(month - 1)]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::optional<std::string> parse_date(std::string_view text) {
  std::string input(text.substr(0, 200));
  std::smatch m;
  static const std::regex iso_re(R"((\d{4})-(\d{2})-(\d{2}))");
  static const std::regex month_day_year(R"(([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))");
  static const std::regex day_month_year(R"((\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4}))");
  static const std::regex us_numeric(R"((\d{1,2})/(\d{1,2})/(\d{4}))");
  int y = 0, mo = 0, d = 0;
  if (std::regex_search(input, m, iso_re)) {
    y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
  } else if (std::regex_search(input, m, month_day_year) && month_from_name(m[1].str())) {
    y = std::stoi(m[3]), mo = month_from_name(m[1].str()), d = std::stoi(m[2]);
  } else if (std::regex_search(input, m, day_month_year) && month_from_name(m[2].str())) {
    y = std::stoi(m[3]), mo = month_from_name(m[2].str()), d = std::stoi(m[1]);
  } else if (std::regex_search(input, m, us_numeric)) {
    y = std::stoi(m[3]), mo = std::stoi(m[1]), d = std::stoi(m[2]);
  } else {
    return std::nullopt;
  }
  if (!is_valid_date(y, mo, d)) return std::nullopt;
  return iso(y, mo, d);
}

}  // namespace newsdex
