#include "common/readers/headline.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/base/text.hpp"

namespace newsdex {
namespace {

bool has_word_prefix(std::string_view lower, std::string_view prefix) {
  return lower.starts_with(prefix) &&
         (lower.size() == prefix.size() || !std::isalnum(static_cast<unsigned char>(lower[prefix.size()])));
}

bool ends_with_period(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '"' || line.back() == '\'' || line.back() == ')'))
    line.remove_suffix(1);
  return line.ends_with('.') && !line.ends_with("...");
}

// Common words that say nothing about what an article is about.
constexpr std::array<std::string_view, 24> common_words{
    "that", "this", "with", "from", "have", "been",  "will", "their", "after", "over", "into",  "about",
    "more", "than", "they", "when", "what", "which", "were", "said",  "says",  "year", "years", "there"};

}  // namespace

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool w = c != ' ';
    words += w && !in_word;
    in_word = w;
  }
  return words;
}

bool is_caption_line(std::string_view line) {
  auto lower = ascii_lower(collapse_whitespace(line));
  for (std::string_view label : {"photo:", "photograph:", "image:", "picture:", "video:", "watch:", "credit:"})
    if (lower.starts_with(label)) return true;
  // A gallery's counter: "[1/3] A combine harvester works a field ...".
  if (lower.size() > 5 && lower[0] == '[' && std::isdigit(static_cast<unsigned char>(lower[1])) && lower[2] == '/')
    return true;
  // Captions carry their credit inside or at the end.
  for (std::string_view credit : {". photo:", "(image:", "(photo:", ". photograph:", ". picture:", "photo submitted",
                                  "submitted photo", "purchase licensing rights"})
    if (lower.find(credit) != std::string::npos) return true;
  return false;
}

bool is_label_line(std::string_view line) {
  if (is_caption_line(line)) return true;
  auto lower = ascii_lower(collapse_whitespace(line));
  // Reading time: "4 minute read", "9 min read", "5-minute read", "19 February 2024 · 9 min read".
  for (std::string_view read : {" min read", " minute read", " mins read", " minutes read", "-minute read"})
    if (lower.find(read) != std::string::npos && count_words(lower) <= 10) return true;
  for (std::string_view label : {"tags:", "tagged:", "categories:", "category:", "topics:", "filed under", "posted in",
                                 "section:", "keywords:", "labels:", "skip to", "jump to"})
    if (has_word_prefix(lower, label) || (label.ends_with(':') && lower.starts_with(label))) return true;
  // "Updated 3 hours ago", "Last updated 10:15": an update note has a number in it.
  bool has_digit =
      std::any_of(lower.begin(), lower.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  return (has_word_prefix(lower, "updated") || has_word_prefix(lower, "last updated")) && has_digit;
}

std::set<std::string> word_stems(std::string_view text) {
  std::set<std::string> stems;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4 && std::find(common_words.begin(), common_words.end(), word) == common_words.end())
      stems.insert(word.substr(0, 5));
    word.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else
      flush();
  }
  flush();
  return stems;
}

double shared_word_share(std::string_view line, const std::set<std::string>& text_stems) {
  auto stems = word_stems(line);
  if (stems.empty()) return 0.0;
  auto shared = std::count_if(stems.begin(), stems.end(), [&](const std::string& s) { return text_stems.contains(s); });
  return static_cast<double>(shared) / static_cast<double>(stems.size());
}

std::size_t choose_headline(const std::vector<HeadlineCandidate>& candidates, const std::set<std::string>& text_stems) {
  std::vector<double> scores;
  for (const auto& candidate : candidates) {
    auto words = count_words(candidate.line);
    double score = 2.0 * shared_word_share(candidate.line, text_stems);
    if (words >= 4 && words <= 15)
      score += 1.0;  // a standfirst runs longer than its headline
    else if (words >= 4 && words <= 25)
      score += 0.6;
    else if (words >= 2)
      score += 0.3;
    if (ends_with_period(candidate.line)) score -= 0.7;
    if (candidate.furniture) score -= 0.4;
    if (candidate.blocks_to_text <= 6) score += 0.6;
    scores.push_back(score);
  }
  auto best = std::max_element(scores.begin(), scores.end());
  if (best == scores.end() || *best <= 0.0) return candidates.size();
  // A headline right above its standfirst (the line just before, headline-long, nearly as good) wins.
  auto chosen = static_cast<std::size_t>(best - scores.begin());
  while (chosen > 0 && candidates[chosen - 1].blocks_to_text == candidates[chosen].blocks_to_text + 1 &&
         count_words(candidates[chosen - 1].line) >= 4 && scores[chosen - 1] >= *best * 0.75)
    --chosen;
  return chosen;
}

}  // namespace newsdex
