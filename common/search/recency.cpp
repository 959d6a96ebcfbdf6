#include "common/search/recency.hpp"

#include <cctype>
#include <algorithm>
#include <cmath>
#include <memory>

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

Xapian::ValueMapPostingSource* recency_source(const Xapian::Database& database, double half_life_days,
                                              double max_weight, long newest_day) {
  auto source = std::make_unique<Xapian::ValueMapPostingSource>(schema::date_slot);
  const std::string day_prefix(schema::day_prefix);
  for (auto it = database.allterms_begin(day_prefix); it != database.allterms_end(day_prefix); ++it) {
    auto value = (*it).substr(day_prefix.size());
    auto day = days_from_value(value);
    if (day >= 0) source->add_mapping(value, recency_weight(static_cast<double>(newest_day - day), half_life_days, max_weight));
  }
  source->set_default_weight(0);
  return source.release();
}

}  // namespace newsdex
