#include "common/search/recency.hpp"

#include <cctype>
#include <algorithm>
#include <cmath>

#include "common/store/schema.hpp"

namespace newsdex {

long days_from_value(const std::string& value) {
  if (value.size() != 8) return -1;
  for (char c : value)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  long y = std::stol(value.substr(0, 4)), m = std::stol(value.substr(4, 2)), d = std::stol(value.substr(6, 2));
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

double recency_weight(double age_days, double half_life_days, double max_weight) {
  if (half_life_days <= 0) return 0;
  return max_weight * std::pow(0.5, std::max(0.0, age_days) / half_life_days);
}

RecencyPostingSource::RecencyPostingSource(double half_life_days, double max_weight, long newest_day)
    : Xapian::ValuePostingSource(schema::date_slot),
      half_life_days_(half_life_days),
      max_weight_(max_weight),
      newest_day_(newest_day) {}

void RecencyPostingSource::init(const Xapian::Database& database) {
  Xapian::ValuePostingSource::init(database);
  set_maxweight(max_weight_);
}

double RecencyPostingSource::get_weight() const {
  auto day = days_from_value(get_value());
  if (day < 0) return 0;
  return recency_weight(static_cast<double>(newest_day_ - day), half_life_days_, max_weight_);
}

RecencyPostingSource* RecencyPostingSource::clone() const {
  return new RecencyPostingSource(half_life_days_, max_weight_, newest_day_);
}

}  // namespace newsdex
