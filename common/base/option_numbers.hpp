// Every number an option takes, on either program's command line or in a batch JSON request, is read
// and range-checked here: one path, so that all of them refuse the same things the same way (a sign
// on a count, a value that would wrap or be truncated, "nan", a size that overflows) with a usage
// error naming the option, the value and the allowed range.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The values an option allows; both ends included.
struct NumberRange {
  double least = 0, most = 0;
  bool whole = true;  // a count: no fraction
};

// "0 to 1000000", as the error messages show a range.
std::string describe_range(const NumberRange& range);

// `text` as a number in `range`. `name` is what the message calls the option: "--limit" on the
// command line, "\"limit\"" in a JSON request. Throws UsageError:
//   --limit: 'abc' is not a whole number (allowed: 0 to 1000000)
//   --limit: 4294967296 is out of range (allowed: 0 to 1000000)
double parse_number(std::string_view name, std::string_view text, const NumberRange& range);
// The same for whole numbers, as a count (the range must fit in a size_t).
std::size_t parse_count(std::string_view name, std::string_view text, const NumberRange& range);

// A size in bytes with an optional unit: "500K", "10M", "1.5G", "4096" (K = 1024 bytes). The
// number is checked against `range` in bytes after the unit is applied, so an overflowing size is
// out of range, not wrapped.
std::size_t parse_byte_size(std::string_view name, std::string_view text, const NumberRange& range);

struct NumberListOption {
  std::string_view option;              // "--bm25"
  std::string_view expected;            // what the numbers are, in order: "k1,k2,k3,b,min_normlen"
  std::vector<NumberRange> items;       // the range of each number, in order (their count is the most)
  std::vector<std::string_view> names;  // each number's name for messages ("k1"), as many as items
};

// The numbers of `text` (at least one, comma-separated), each in its range; fewer than
// `items.size()` leave the rest to the caller's defaults. Throws UsageError naming the option, the
// item and its range.
std::vector<double> parse_number_list(std::string_view text, const NumberListOption& spec);

}  // namespace newsdex
