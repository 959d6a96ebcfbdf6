#include "common/option_numbers.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>

#include "common/errors.hpp"

namespace newsdex {

std::vector<double> parse_number_list(std::string_view text, const NumberListOption& spec) {
  std::vector<double> numbers;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = std::min(text.find(',', start), text.size());
    auto item = std::string(text.substr(start, comma - start));
    start = comma + 1;
    if (numbers.size() == spec.most)
      throw UsageError(std::string(spec.option) + " takes at most " + std::string(spec.most_spelt) +
                       " numbers: " + std::string(spec.expected));
    std::size_t used = 0;
    double value = -1;
    try {
      value = std::stod(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    bool must_be_whole = numbers.size() < spec.whole_first;
    bool whole = value >= 0 && value < 1e18 && value == std::floor(value);  // a count fits a size_t
    if (item.empty() || used != item.size() || value < 0 || (must_be_whole && !whole))
      throw UsageError(std::string(spec.option) + ": '" + item + "' is not a number >= 0 (expected " +
                       std::string(spec.expected) + ")");
    numbers.push_back(value);
  }
  return numbers;
}

}  // namespace newsdex
