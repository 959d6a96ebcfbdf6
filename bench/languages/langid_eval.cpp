// newsdex-langid-eval: the accuracy of newsdex's language identification (readers/language_id) on a
// set of paragraphs of known language ("<code>\t<paragraph>" lines on stdin, as build_set.py writes).
// Prints the accuracy for paragraphs of 200 characters or more (the target: 99%) and for
// shorter ones, per language, and the confusion pairs (expected -> identified, "?" for no answer).
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/readers/language_id.hpp"

namespace {

std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

struct Tally {
  std::size_t right = 0, total = 0;
  void add(bool ok) { right += ok, ++total; }
  double percent() const { return total ? 100.0 * static_cast<double>(right) / static_cast<double>(total) : 0; }
};

}  // namespace

int main() {
  std::map<bool, Tally> by_band;                              // long (>= 200 characters) or short
  std::map<std::pair<std::string, bool>, Tally> by_language;  // (code, long)
  std::map<std::pair<bool, std::pair<std::string, std::string>>, std::size_t> confusions;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    auto tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cerr << "newsdex-langid-eval: line " << line_number << ": no tab between code and paragraph\n";
      return 2;
    }
    auto expected = line.substr(0, tab);
    auto paragraph = line.substr(tab + 1);
    bool is_long = characters(paragraph) >= 200;
    auto found = newsdex::identify_language(paragraph).code;
    bool ok = found == expected;
    by_band[is_long].add(ok);
    by_language[{expected, is_long}].add(ok);
    if (!ok) ++confusions[{is_long, {expected, found.empty() ? "?" : found}}];
  }
  for (bool is_long : {true, false}) {
    const auto& tally = by_band[is_long];
    std::printf("%s: %zu of %zu right (%.2f%%)\n", is_long ? "paragraphs of 200+ characters" : "shorter paragraphs",
                tally.right, tally.total, tally.percent());
    for (const auto& [key, language] : by_language)
      if (key.second == is_long)
        std::printf("  %-3s %5zu of %5zu (%.2f%%)\n", key.first.c_str(), language.right, language.total,
                    language.percent());
    std::printf("  confusions (expected -> identified: count):");
    bool any = false;
    for (const auto& [key, count] : confusions)
      if (key.first == is_long) {
        std::printf("%s %s->%s: %zu", any ? "," : "", key.second.first.c_str(), key.second.second.c_str(), count);
        any = true;
      }
    std::printf("%s\n", any ? "" : " none");
  }
  return by_band[true].total + by_band[false].total == 0 ? 1 : 0;
}
