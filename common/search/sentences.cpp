#include "common/search/sentences.hpp"

#include <algorithm>
#include <array>

namespace newsdex {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The word that ends just before `dot`, without its leading punctuation ("(Mr" -> "Mr").
std::string_view word_before(std::string_view text, std::size_t dot) {
  std::size_t begin = dot;
  while (begin > 0 && !is_space(text[begin - 1])) --begin;
  auto word = text.substr(begin, dot - begin);
  while (!word.empty() && (word.front() == '(' || word.front() == '"' || word.front() == '\'')) word.remove_prefix(1);
  return word;
}

// "J." (an initial), "U.S" (dotted letters) and the short titles written before names.
bool abbreviation(std::string_view word) {
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
  if (word.size() >= 3 && word[word.size() - 2] == '.') return true;  // "U.S", "e.g"
  static constexpr std::array<std::string_view, 16> titles{"Mr",  "Mrs", "Ms", "Dr",  "St",   "Prof", "Gen", "Sen",
                                                           "Rep", "Gov", "Lt", "Col", "Capt", "Sgt",  "Jr",  "No"};
  return std::find(titles.begin(), titles.end(), word) != titles.end();
}

// After the end punctuation at [at, after): closing quotes and brackets ('"', '\'', ')', ']', ’, ”).
std::size_t past_closers(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    if (text[at] == '"' || text[at] == '\'' || text[at] == ')' || text[at] == ']') {
      ++at;
    } else if (text.substr(at, 3) == "\xE2\x80\x9D" || text.substr(at, 3) == "\xE2\x80\x99") {
      at += 3;
    } else {
      break;
    }
  }
  return at;
}

}  // namespace

std::vector<std::size_t> sentence_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t at = 0; at < text.size(); ++at) {
    std::size_t after = 0;
    if (text[at] == '!' || text[at] == '?') {
      after = at + 1;
    } else if (text[at] == '.') {
      if (abbreviation(word_before(text, at))) continue;
      after = at + 1;
    } else if (text.substr(at, 3) == "\xE2\x80\xA6") {
      after = at + 3;
    } else {
      continue;
    }
    after = past_closers(text, after);
    if (after >= text.size() || !is_space(text[after])) continue;
    auto next = after;
    while (next < text.size() && is_space(text[next])) ++next;
    if (next >= text.size() || (text[next] >= 'a' && text[next] <= 'z')) continue;
    starts.push_back(next);
    at = next - 1;
  }
  return starts;
}

std::optional<std::pair<std::size_t, std::size_t>> sentence_window(std::string_view text, std::size_t span_begin,
                                                                   std::size_t span_end, std::size_t max_chars) {
  auto starts = sentence_starts(text);
  starts.push_back(text.size());  // the end of the last sentence
  // first: the sentence holding span_begin; last: the start after the sentence holding span_end.
  auto first =
      static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), span_begin) - starts.begin()) - 1;
  auto last = static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), span_end) - starts.begin());
  last = std::min(last, starts.size() - 1);
  auto fits = [&](std::size_t from, std::size_t to) {
    auto end = starts[to];
    while (end > starts[from] && is_space(text[end - 1])) --end;  // the space before the next sentence
    return code_points(text.substr(starts[from], end - starts[from])) <= max_chars;
  };
  if (!fits(first, last)) return std::nullopt;
  while (last + 1 < starts.size() && fits(first, last + 1)) ++last;
  while (first > 0 && fits(first - 1, last)) --first;
  return std::make_pair(starts[first], starts[last]);
}

}  // namespace newsdex
