// libFuzzer target: the date parser. Whatever it returns must be a real calendar date in ISO form.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/base/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto iso = newsdex::parse_date(text);
  if (!iso) return 0;
  // "YYYY-MM" or "YYYY-MM-DD...": the parts must be digits and the date must exist.
  if (iso->size() < 7 || (*iso)[4] != '-') __builtin_trap();
  int year = std::stoi(iso->substr(0, 4)), month = std::stoi(iso->substr(5, 2));
  int day = newsdex::has_day(*iso) ? std::stoi(iso->substr(8, 2)) : 1;
  if (!newsdex::is_valid_date(year, month, day)) __builtin_trap();
  if (auto match = newsdex::find_date(text); !match || match->begin > match->end || match->end > text.size())
    __builtin_trap();
  return 0;
}
