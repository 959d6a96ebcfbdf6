#include "common/search/date_buckets.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <optional>

#include "common/base/errors.hpp"
#include "common/base/option_choices.hpp"

namespace newsdex {
namespace {

using namespace std::chrono;

constexpr OptionChoice<DateGranularity> granularities[] = {{"day", DateGranularity::day},
                                                           {"week", DateGranularity::week},
                                                           {"month", DateGranularity::month},
                                                           {"year", DateGranularity::year}};

std::optional<year_month_day> parse_day(std::string_view yyyymmdd) {
  if (yyyymmdd.size() != 8) return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto number = [&](std::size_t at, std::size_t length, auto& out) {
    auto end = yyyymmdd.data() + at + length;
    auto [ptr, error] = std::from_chars(yyyymmdd.data() + at, end, out);
    return error == std::errc() && ptr == end;
  };
  if (!number(0, 4, y) || !number(4, 2, m) || !number(6, 2, d)) return std::nullopt;
  year_month_day day{year{y}, month{m}, std::chrono::day{d}};
  if (!day.ok()) return std::nullopt;
  return day;
}

// The Monday starting the ISO week of `day`.
sys_days week_start(sys_days day) { return day - (weekday{day} - Monday); }

std::string week_key(sys_days day) {
  // The ISO year is the year of the week's Thursday.
  year_month_day thursday{week_start(day) + days{3}};
  auto first_monday = week_start(sys_days{thursday.year() / January / 4});  // week 1 holds 4 January
  auto week = (week_start(day) - first_monday).count() / 7 + 1;
  char text[48];
  std::snprintf(text, sizeof text, "%04d-W%02d", static_cast<int>(thursday.year()), static_cast<int>(week));
  return text;
}

std::string key_of(const year_month_day& day, DateGranularity granularity) {
  char text[48];
  switch (granularity) {
    case DateGranularity::year:
      std::snprintf(text, sizeof text, "%04d", static_cast<int>(day.year()));
      break;
    case DateGranularity::month:
      std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()));
      break;
    case DateGranularity::week:
      return week_key(sys_days{day});
    case DateGranularity::day:
      std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                    static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
      break;
    default:
      return {};
  }
  return text;
}

// The first day of the bucket holding `day`, and of the one after it.
sys_days bucket_start(const year_month_day& day, DateGranularity granularity) {
  switch (granularity) {
    case DateGranularity::year:
      return sys_days{day.year() / January / 1};
    case DateGranularity::month:
      return sys_days{day.year() / day.month() / 1};
    case DateGranularity::week:
      return week_start(sys_days{day});
    default:
      return sys_days{day};
  }
}

sys_days next_bucket(sys_days start, DateGranularity granularity) {
  year_month_day day{start};
  switch (granularity) {
    case DateGranularity::year:
      return sys_days{(day.year() + years{1}) / January / 1};
    case DateGranularity::month:
      return sys_days{(day.year() / day.month() + months{1}) / 1};
    case DateGranularity::week:
      return start + days{7};
    default:
      return start + days{1};
  }
}

// The bucket keys from the one holding `first` to the one holding `last`.
std::vector<std::string> every_key(const year_month_day& first, const year_month_day& last,
                                   DateGranularity granularity) {
  std::vector<std::string> keys;
  for (auto at = bucket_start(first, granularity); at <= sys_days{last}; at = next_bucket(at, granularity)) {
    if (keys.size() == max_date_buckets)
      throw UsageError("--facet date:" + std::string(date_granularity_name(granularity)) + " from " +
                       key_of(first, DateGranularity::day) + " to " + key_of(last, DateGranularity::day) +
                       " makes more than " + std::to_string(max_date_buckets) +
                       " buckets: choose a longer period, or narrow the dates with --from and --to");
    keys.push_back(key_of(year_month_day{at}, granularity));
  }
  return keys;
}

}  // namespace

DateGranularity parse_date_granularity(std::string_view name) {
  return parse_choice<DateGranularity>("date facet granularity", name, granularities);
}

std::string_view date_granularity_name(DateGranularity granularity) {
  if (granularity == DateGranularity::automatic) return "auto";
  return choice_name<DateGranularity>(granularity, granularities);
}

std::string iso_week_key(std::string_view yyyymmdd) { return date_bucket_key(yyyymmdd, DateGranularity::week); }

std::string date_bucket_key(std::string_view yyyymmdd, DateGranularity granularity) {
  auto day = parse_day(yyyymmdd);
  return day ? key_of(*day, granularity) : std::string();
}

DateGranularity automatic_granularity(std::string_view first, std::string_view last) {
  auto a = parse_day(first), b = parse_day(last);
  if (!a || !b) return DateGranularity::day;
  auto span = (b->year() / b->month() - (a->year() / a->month())).count() + 1;
  return span > 24 ? DateGranularity::year : span > 2 ? DateGranularity::month : DateGranularity::day;
}

DateHistogram date_histogram(const std::map<std::string, Xapian::doccount>& day_counts, DateGranularity granularity,
                             const DateRange& range) {
  std::map<std::string, Xapian::doccount> dated;  // the valid days only, in order
  for (const auto& [day, count] : day_counts)
    if (parse_day(day)) dated.emplace(day, count);
  auto first = range.first.empty() && !dated.empty() ? dated.begin()->first : range.first;
  auto last = range.last.empty() && !dated.empty() ? dated.rbegin()->first : range.last;
  if (first.empty()) first = last;
  if (last.empty()) last = first;
  DateHistogram histogram;
  histogram.granularity = granularity == DateGranularity::automatic ? automatic_granularity(first, last) : granularity;
  auto first_day = parse_day(first), last_day = parse_day(last);
  std::map<std::string, Xapian::doccount> buckets;
  if (first_day && last_day && sys_days{*first_day} <= sys_days{*last_day})
    for (auto& key : every_key(*first_day, *last_day, histogram.granularity)) buckets.emplace(std::move(key), 0);
  for (const auto& [day, count] : dated) buckets[date_bucket_key(day, histogram.granularity)] += count;
  histogram.buckets.assign(buckets.begin(), buckets.end());
  return histogram;
}

}  // namespace newsdex
