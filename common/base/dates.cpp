#include "common/base/dates.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

namespace newsdex {
namespace {

enum class TokenKind { number, word, punct, other };

struct Token {
  TokenKind kind;
  std::string_view text;
  std::size_t begin, end;  // byte range in the input
  int value = 0;           // numbers only (clamped; digit count is text.size())
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  auto is_alpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  while (i < text.size()) {
    char c = text[i];
    std::size_t start = i;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (is_digit(c)) {
      int value = 0;
      while (i < text.size() && is_digit(text[i])) {
        if (value < 100000) value = value * 10 + (text[i] - '0');
        ++i;
      }
      tokens.push_back({TokenKind::number, text.substr(start, i - start), start, i, value});
    } else if (is_alpha(c)) {
      while (i < text.size() && is_alpha(text[i])) ++i;
      tokens.push_back({TokenKind::word, text.substr(start, i - start), start, i});
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) ++i;
      tokens.push_back({TokenKind::other, text.substr(start, i - start), start, i});
    } else {
      ++i;
      tokens.push_back({TokenKind::punct, text.substr(start, 1), start, i});
    }
  }
  return tokens;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// "Nov", "November", "Sept" -> 11 / 9; 0 for anything else (a month name is its 3-letter prefix or in full).
int month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names{"january",   "february", "march",    "april",
                                                          "may",       "june",     "july",     "august",
                                                          "september", "october",  "november", "december"};
  if (word.size() < 3) return 0;
  for (std::size_t m = 0; m < names.size(); ++m) {
    if (word.size() > names[m].size()) continue;
    if (!iequals(word, names[m].substr(0, word.size()))) continue;
    if (word.size() == 3 || word.size() == names[m].size() || (m == 8 && word.size() == 4))
      return static_cast<int>(m) + 1;
  }
  return 0;
}

bool is_ordinal_suffix(std::string_view word) {
  return iequals(word, "st") || iequals(word, "nd") || iequals(word, "rd") || iequals(word, "th");
}

struct Parsed {
  int year = 0, month = 0, day = 0;  // day 0: month precision only
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_offset = false;
  int offset_minutes = 0;
  std::size_t end_token = 0;  // one past the last token used
};

// A read position over the tokens; every accessor returns nothing (and does not move) on a mismatch.
class Cursor {
 public:
  Cursor(const std::vector<Token>& tokens, std::size_t at) : tokens_(tokens), at_(at) {}
  std::size_t at() const { return at_; }
  bool done() const { return at_ >= tokens_.size(); }
  const Token* peek(std::size_t ahead = 0) const {
    return at_ + ahead < tokens_.size() ? &tokens_[at_ + ahead] : nullptr;
  }
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    auto* t = peek();
    if (!t || t->kind != TokenKind::number || t->text.size() < min_digits || t->text.size() > max_digits) return {};
    ++at_;
    return t->value;
  }
  bool punct(char c) {
    auto* t = peek();
    if (!t || t->kind != TokenKind::punct || t->text[0] != c) return false;
    ++at_;
    return true;
  }
  // Accepts a punctuation token only when it touches the previous token ("Nov." but not "Nov .").
  bool adjacent_punct(char c) {
    auto* t = peek();
    if (!t || at_ == 0 || t->kind != TokenKind::punct || t->text[0] != c || tokens_[at_ - 1].end != t->begin)
      return false;
    ++at_;
    return true;
  }
  std::optional<std::string_view> word() {
    auto* t = peek();
    if (!t || t->kind != TokenKind::word) return {};
    ++at_;
    return t->text;
  }
  bool word_is(std::string_view expected) {
    auto* t = peek();
    if (!t || t->kind != TokenKind::word || !iequals(t->text, expected)) return false;
    ++at_;
    return true;
  }
  void reset(std::size_t at) { at_ = at; }

 private:
  const std::vector<Token>& tokens_;
  std::size_t at_;
};

// Day of week, 0 = Sunday (Sakamoto's method).
int weekday(int y, int m, int d) {
  static constexpr std::array<int, 12> t{0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[static_cast<std::size_t>(m - 1)] + d) % 7;
}

// The day of the month of the n-th (1-based) Sunday, or of the last one when n == 0.
int nth_sunday(int y, int m, int n) {
  if (n == 0) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last = days[static_cast<std::size_t>(m - 1)];
    return last - weekday(y, m, last);
  }
  int first = 1 + (7 - weekday(y, m, 1)) % 7;
  return first + 7 * (n - 1);
}

// US daylight saving time by date (the 2 a.m. switch is ignored): 2007 rules, and 1987-2006 before.
bool us_daylight_time(int y, int m, int d) {
  int start_month = y >= 2007 ? 3 : 4, end_month = y >= 2007 ? 11 : 10;
  int start_day = y >= 2007 ? nth_sunday(y, 3, 2) : nth_sunday(y, 4, 1);
  int end_day = y >= 2007 ? nth_sunday(y, 11, 1) : nth_sunday(y, 10, 0);
  if (m < start_month || m > end_month) return false;
  if (m == start_month) return d >= start_day;
  if (m == end_month) return d < end_day;
  return true;
}

// Zone abbreviations whose offset is unambiguous, plus the US generic ones resolved by date.
std::optional<int> zone_offset(std::string_view name, const Parsed& p) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Zone, 16> fixed{{{"z", 0},
                                               {"gmt", 0},
                                               {"utc", 0},
                                               {"ut", 0},
                                               {"est", -300},
                                               {"edt", -240},
                                               {"cst", -360},
                                               {"cdt", -300},
                                               {"mst", -420},
                                               {"mdt", -360},
                                               {"pst", -480},
                                               {"pdt", -420},
                                               {"bst", 60},
                                               {"cet", 60},
                                               {"cest", 120},
                                               {"jst", 540}}};
  for (const auto& zone : fixed)
    if (iequals(name, zone.name)) return zone.minutes;
  struct Generic {
    std::string_view name;
    int standard;
  };
  static constexpr std::array<Generic, 4> generic{{{"et", -300}, {"ct", -360}, {"mt", -420}, {"pt", -480}}};
  for (const auto& zone : generic)
    if (iequals(name, zone.name)) return zone.standard + (us_daylight_time(p.year, p.month, p.day) ? 60 : 0);
  return {};
}

// "+02:00", "+0200", "-05" after a time.
bool read_numeric_offset(Cursor& c, Parsed& p) {
  auto start = c.at();
  int sign = 0;
  if (c.punct('+'))
    sign = 1;
  else if (c.punct('-'))
    sign = -1;
  if (!sign) return false;
  auto* t = c.peek();
  if (!t || t->kind != TokenKind::number) {
    c.reset(start);
    return false;
  }
  int hours = 0, minutes = 0;
  if (t->text.size() == 4) {
    c.number(4, 4);
    hours = t->value / 100, minutes = t->value % 100;
  } else if (t->text.size() <= 2) {
    hours = *c.number(1, 2);
    if (c.punct(':')) {
      auto m = c.number(2, 2);
      if (!m) {
        c.reset(start);
        return false;
      }
      minutes = *m;
    }
  } else {
    c.reset(start);
    return false;
  }
  if (hours > 14 || minutes > 59) {
    c.reset(start);
    return false;
  }
  p.has_offset = true;
  p.offset_minutes = sign * (hours * 60 + minutes);
  return true;
}

void read_zone(Cursor& c, Parsed& p) {
  if (read_numeric_offset(c, p)) return;
  auto start = c.at();
  if (auto word = c.word()) {
    if (auto offset = zone_offset(*word, p)) {
      p.has_offset = true;
      p.offset_minutes = *offset;
      // "GMT+2" / "UTC+05:30": the numeric part refines a zero-offset name.
      if (*offset == 0) {
        Parsed refined = p;
        if (read_numeric_offset(c, refined)) p = refined;
      }
      return;
    }
  }
  c.reset(start);
}

// An optional time after a date: [,|at|T|-] H:MM[:SS[.frac]] [AM|PM|a.m.|p.m.] [zone].
void read_time(Cursor& c, Parsed& p) {
  auto start = c.at();
  if (!c.punct(',') && !c.word_is("at") && !c.word_is("T")) c.punct('|');
  auto hour = c.number(1, 2);
  if (!hour || !c.punct(':')) {
    c.reset(start);
    return;
  }
  auto minute = c.number(2, 2);
  if (!minute) {
    c.reset(start);
    return;
  }
  int second = 0;
  auto before_seconds = c.at();
  if (c.punct(':')) {
    if (auto s = c.number(2, 2)) {
      second = *s;
      auto before_fraction = c.at();
      if (!(c.punct('.') && c.number(1, 9))) c.reset(before_fraction);
    } else {
      c.reset(before_seconds);
    }
  }
  int h = *hour;
  auto before_meridiem = c.at();
  if (auto word = c.word()) {
    bool am = iequals(*word, "am") || iequals(*word, "a");
    bool pm = iequals(*word, "pm") || iequals(*word, "p");
    if ((am || pm) && word->size() == 1) {  // "a.m." / "p.m."
      if (!(c.adjacent_punct('.') && c.word_is("m")))
        am = pm = false;
      else
        c.adjacent_punct('.');
    }
    if ((am || pm) && h >= 1 && h <= 12) {
      h = (h % 12) + (pm ? 12 : 0);
    } else {
      c.reset(before_meridiem);
    }
  }
  if (h > 23 || *minute > 59 || second > 60) {
    c.reset(start);
    return;
  }
  p.has_time = true;
  p.hour = h, p.minute = *minute, p.second = second;
  read_zone(c, p);
}

// Day-month-year with a named month: "22 Nov 2024", "22nd November, 2024", "26-FEB-1987".
std::optional<Parsed> day_month_year(Cursor c) {
  auto day = c.number(1, 2);
  if (!day) return {};
  auto before = c.at();
  if (auto w = c.word(); !w || !is_ordinal_suffix(*w)) c.reset(before);
  bool dashed = c.punct('-');
  auto name = c.word();
  if (!name) return {};
  int month = month_from_name(*name);
  if (!month) return {};
  c.adjacent_punct('.');
  if (dashed ? !c.punct('-') : false) return {};
  if (!dashed) c.punct(',');
  auto year = c.number(4, 4);
  if (!year) return {};
  Parsed p{*year, month, *day};
  p.end_token = c.at();
  return p;
}

// Month-day-year with a named month: "November 22, 2024", "Nov. 22 2024", "Nov 22nd, 2024".
std::optional<Parsed> month_day_year(Cursor c) {
  auto name = c.word();
  if (!name) return {};
  int month = month_from_name(*name);
  if (!month) return {};
  c.adjacent_punct('.');
  auto after_month = c.at();
  if (auto day = c.number(1, 2)) {
    auto before = c.at();
    if (auto w = c.word(); !w || !is_ordinal_suffix(*w)) c.reset(before);
    c.punct(',');
    if (auto year = c.number(4, 4)) {
      Parsed p{*year, month, *day};
      p.end_token = c.at();
      return p;
    }
  }
  // "November 2024": month precision.
  c.reset(after_month);
  c.punct(',');
  if (auto year = c.number(4, 4)) {
    Parsed p{*year, month, 0};
    p.end_token = c.at();
    return p;
  }
  return {};
}

// All-numeric dates: "2024-11-22", "2024/11/22", "11/22/2024" (US order unless the first number
// cannot be a month), "22.11.2024" (dots: day first, as written in Europe).
std::optional<Parsed> numeric_date(Cursor c) {
  auto* first = c.peek();
  if (!first || first->kind != TokenKind::number) return {};
  if (first->text.size() == 4) {
    int year = *c.number(4, 4);
    auto* sep = c.peek();
    if (!sep || sep->kind != TokenKind::punct) return {};
    char s = sep->text[0];
    if (s != '-' && s != '/' && s != '.') return {};
    c.punct(s);
    auto month = c.number(1, 2);
    if (!month || !c.punct(s)) return {};
    auto day = c.number(1, 2);
    if (!day) return {};
    Parsed p{year, *month, *day};
    p.end_token = c.at();
    return p;
  }
  auto a = c.number(1, 2);
  if (!a) return {};
  auto* sep = c.peek();
  if (!sep || sep->kind != TokenKind::punct) return {};
  char s = sep->text[0];
  if (s != '/' && s != '.' && s != '-') return {};
  c.punct(s);
  auto b = c.number(1, 2);
  if (!b || !c.punct(s)) return {};
  auto year = c.number(4, 4);
  if (!year) return {};
  bool day_first = s == '.' || *a > 12;
  Parsed p{*year, day_first ? *b : *a, day_first ? *a : *b};
  p.end_token = c.at();
  return p;
}

std::string format_iso(const Parsed& p) {
  char buffer[64];
  if (p.day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", p.year, p.month);
    return buffer;
  }
  if (!p.has_time) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", p.year, p.month, p.day);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", p.year, p.month, p.day, p.hour, p.minute,
                p.second);
  std::string out = buffer;
  if (p.has_offset) {
    int minutes = p.offset_minutes < 0 ? -p.offset_minutes : p.offset_minutes;
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", p.offset_minutes < 0 ? '-' : '+', minutes / 60, minutes % 60);
    out += buffer;
  }
  return out;
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > days[static_cast<std::size_t>(month - 1)]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::optional<DateMatch> find_date(std::string_view text) {
  auto tokens = tokenize(text.substr(0, 400));
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::punct || tokens[i].kind == TokenKind::other) continue;
    std::size_t invalid_end = 0;
    for (auto parse : {numeric_date, day_month_year, month_day_year}) {
      auto parsed = parse(Cursor(tokens, i));
      if (!parsed) continue;
      // Month precision ("Nov 2024") still needs a real month: "0-0-1253" is not "1253-00".
      bool valid = parsed->day == 0 ? is_valid_date(parsed->year, parsed->month, 1)
                                    : is_valid_date(parsed->year, parsed->month, parsed->day);
      if (!valid) {
        invalid_end = std::max(invalid_end, parsed->end_token);
        continue;
      }
      Cursor c(tokens, parsed->end_token);
      if (parsed->day != 0) read_time(c, *parsed);
      parsed->end_token = c.at();
      const auto& last = tokens[parsed->end_token - 1];
      return DateMatch{format_iso(*parsed), tokens[i].begin, last.end};
    }
    // "29 Feb 2023" is an impossible date, not the month "Feb 2023": resume after it.
    if (invalid_end > i) i = invalid_end - 1;
  }
  return std::nullopt;
}

std::optional<std::string> parse_date(std::string_view text) {
  if (auto match = find_date(text)) return std::move(match->iso);
  return std::nullopt;
}

std::string iso_from_unix_time(long long seconds) {
  long long days = seconds / 86400, rest = seconds % 86400;
  if (rest < 0) rest += 86400, days -= 1;
  // Howard Hinnant's civil_from_days.
  days += 719468;
  long long era = (days >= 0 ? days : days - 146096) / 146097;
  long long doe = days - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld+00:00", y, m, d, rest / 3600,
                (rest / 60) % 60, rest % 60);
  return buffer;
}

bool has_day(std::string_view iso) { return iso.size() >= 10 && iso[4] == '-' && iso[7] == '-'; }

}  // namespace newsdex
