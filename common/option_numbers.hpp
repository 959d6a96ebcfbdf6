// Options that take a short comma-separated list of numbers, such as --bm25 "1.2,0,1,0.75,0.5" and
// --expand "10,5,0.3": one parser, so that both read and reject numbers alike.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace newsdex {

struct NumberListOption {
  std::string_view option;       // "--bm25"
  std::string_view expected;     // what the numbers are, in order: "k1,k2,k3,b,min_normlen"
  std::string_view most_spelt;   // how many at most, in words: "five"
  std::size_t most = 0;          // the same as a number
  std::size_t whole_first = 0;   // the first this many must be whole numbers (counts)
};

// The numbers of `text` (at least one), each >= 0; fewer than `most` leave the rest to the caller's
// defaults. Throws UsageError naming the option and the item that is not a number.
std::vector<double> parse_number_list(std::string_view text, const NumberListOption& spec);

}  // namespace newsdex
