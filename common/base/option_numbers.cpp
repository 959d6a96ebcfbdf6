#include "common/base/option_numbers.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "common/base/errors.hpp"
#include "common/base/text.hpp"

namespace newsdex {
namespace {

std::string format_number(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

// The whole of `text` as a finite number in the usual decimal notation ("12", "-3", "0.75", "1e3"),
// or nothing: no spaces, no hex, no "inf" or "nan".
std::optional<double> read_decimal(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const char* first = text.data();
  if (*first == '+' && text.size() > 1 && text[1] != '-') ++first;  // from_chars takes '-' only
  double value = 0;
  auto [end, error] = std::from_chars(first, text.data() + text.size(), value, std::chars_format::general);
  if (end != text.data() + text.size()) return std::nullopt;
  if (error == std::errc::result_out_of_range) return text.front() == '-' ? -HUGE_VAL : HUGE_VAL;  // 1e999
  if (error != std::errc() || !std::isfinite(value)) return std::nullopt;                          // "inf", "nan"
  return value;
}

[[noreturn]] void out_of_range(std::string_view name, std::string_view shown, const NumberRange& range) {
  throw UsageError(std::string(name) + ": " + std::string(shown) +
                   " is out of range (allowed: " + describe_range(range) + ")");
}

[[noreturn]] void not_a_number(std::string_view name, std::string_view text, const NumberRange& range,
                               std::string_view what) {
  throw UsageError(std::string(name) + ": '" + std::string(text) + "' is not " + std::string(what) +
                   " (allowed: " + describe_range(range) + ")");
}

void check(std::string_view name, std::string_view shown, double value, const NumberRange& range) {
  if (!(value >= range.least && value <= range.most)) out_of_range(name, shown, range);
}

}  // namespace

std::string describe_range(const NumberRange& range) {
  return format_number(range.least) + " to " + format_number(range.most);
}

double parse_number(std::string_view name, std::string_view text, const NumberRange& range) {
  auto value = read_decimal(text);
  if (!value) not_a_number(name, text, range, range.whole ? "a whole number" : "a number");
  if (range.whole && std::isfinite(*value) && *value != std::floor(*value))
    not_a_number(name, text, range, "a whole number");
  check(name, text, *value, range);
  return *value;
}

std::size_t parse_count(std::string_view name, std::string_view text, const NumberRange& range) {
  NumberRange whole = range;
  whole.whole = true;
  // Every range used for a count ends well below 2^53, so the double holds the value exactly.
  return static_cast<std::size_t>(parse_number(name, text, whole));
}

std::size_t parse_byte_size(std::string_view name, std::string_view text, const NumberRange& range) {
  auto unit_at = text.find_first_not_of("+-0123456789.eE");
  // An exponent's 'E' is taken as part of the number, never as a unit (there is no E unit).
  auto number = text.substr(0, unit_at);
  auto unit = unit_at == std::string_view::npos ? std::string_view() : text.substr(unit_at);
  double scale = 1;
  if (unit == "K" || unit == "k" || unit == "KB")
    scale = 1024;
  else if (unit == "M" || unit == "m" || unit == "MB")
    scale = 1024.0 * 1024;
  else if (unit == "G" || unit == "g" || unit == "GB")
    scale = 1024.0 * 1024 * 1024;
  else if (!unit.empty())
    throw UsageError(std::string(name) + ": unknown unit '" + std::string(unit) + "' in '" + std::string(text) +
                     "' (use K, M or G; allowed: " + describe_range(range) + " bytes)");
  auto value = read_decimal(number);
  if (!value)
    throw UsageError(std::string(name) + ": '" + std::string(text) +
                     "' is not a size (examples: 500K, 10M, 1G; allowed: " + describe_range(range) + " bytes)");
  double bytes = *value * scale;  // inf or huge when it overflows: out of range below, never wrapped
  if (!(bytes >= range.least && bytes <= range.most))
    throw UsageError(std::string(name) + ": " + std::string(text) +
                     " is out of range (allowed: " + describe_range(range) + " bytes)");
  return static_cast<std::size_t>(bytes);
}

std::vector<double> parse_number_list(std::string_view text, const NumberListOption& spec) {
  std::vector<double> numbers;
  for (auto item : split(text, ',')) {
    if (numbers.size() == spec.items.size())
      throw UsageError(std::string(spec.option) + " takes at most " + std::to_string(spec.items.size()) +
                       " numbers: " + std::string(spec.expected));
    auto index = numbers.size();
    auto name = std::string(spec.option) + " " + std::string(spec.names[index]);
    if (item.empty()) throw UsageError(name + ": a number is missing (expected " + std::string(spec.expected) + ")");
    numbers.push_back(parse_number(name, item, spec.items[index]));
  }
  return numbers;
}

}  // namespace newsdex
