#include "common/readers/byline.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/base/dates.hpp"
#include "common/base/text.hpp"

namespace newsdex {
namespace {

// Words that make a part of a byline a job title rather than a name. Generic newsroom roles.
constexpr std::array<std::string_view, 22> role_words{
    "reporter",     "correspondent", "editor", "writer",        "columnist", "journalist", "critic", "producer",
    "contributor",  "analyst",       "staff",  "chief",         "senior",    "political",  "deputy", "business",
    "photographer", "presenter",     "anchor", "meteorologist", "author",    "bureau"};

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool starts_upper(std::string_view word) {
  return !word.empty() &&
         (std::isupper(static_cast<unsigned char>(word[0])) || static_cast<unsigned char>(word[0]) >= 0x80);
}

bool has_role_word(std::string_view text) {
  auto lower = ascii_lower(text);
  for (auto word : words_of(lower)) {
    while (!word.empty() && !std::isalpha(static_cast<unsigned char>(word.back()))) word.remove_suffix(1);
    for (auto role : role_words)
      if (word == role || (word.size() == role.size() + 1 && word.starts_with(role) && word.back() == 's')) return true;
  }
  return false;
}

// Case-insensitive prefix test; on a match, the rest of the line.
std::optional<std::string_view> after_prefix(std::string_view line, std::string_view prefix) {
  if (line.size() <= prefix.size() || ascii_lower(line.substr(0, prefix.size())) != prefix) return std::nullopt;
  return line.substr(prefix.size());
}

// A name: starts with a capital, 1-5 words, no digits, no sentence inside.
bool plausible_name(std::string_view name) {
  auto words = words_of(name);
  if (words.empty() || words.size() > 5 || !starts_upper(name)) return false;
  for (char c : name)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == ':' || c == '!' || c == '?') return false;
  return true;
}

// The names part of a byline ends at the first separator before a date or a role: " | ", " · " ...
std::string_view cut_at_separator(std::string_view rest) {
  for (std::string_view separator :
       {" | ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " / ", "|"}) {
    auto at = rest.find(separator);
    if (at != std::string_view::npos) rest = rest.substr(0, at);
  }
  return rest;
}

std::optional<Byline> byline_from_names(std::string_view names, std::string published) {
  auto authors = split_author_names(cut_at_separator(names));
  if (authors.empty()) return std::nullopt;
  return Byline{std::move(authors), std::move(published)};
}

}  // namespace

std::vector<std::string> split_author_names(std::string_view names) {
  // Parts at ", ", " and ", " & " and ";"; a part that is a role ("Health Editor") is dropped, and a
  // place after " in " or " at " ("B in Kellingford") is cut.
  std::string text(names);
  for (std::string_view joiner : {", and ", " and ", " & ", "; ", ", "}) {
    for (auto at = text.find(joiner); at != std::string::npos; at = text.find(joiner, at + 1))
      text.replace(at, joiner.size(), "\n");
  }
  std::vector<std::string> authors;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    auto part = collapse_whitespace(text.substr(start, end - start));
    start = end + 1;
    for (std::string_view place : {" in ", " at ", " for "}) {
      auto at = part.find(place);
      if (at != std::string::npos) part = part.substr(0, at);
    }
    while (!part.empty() && (part.back() == '.' || part.back() == ',')) part.pop_back();
    if (part.empty() || has_role_word(part)) continue;
    if (!plausible_name(part)) return {};  // not a list of names: a sentence
    authors.push_back(part);
  }
  return authors;
}

std::optional<Byline> read_byline(std::string_view line) {
  auto text = collapse_whitespace(line);
  auto words = words_of(text);
  if (text.size() < 5 || words.size() > 20) return std::nullopt;
  // "Staff report | DATE": a byline without a person.
  for (std::string_view staff : {"staff report", "staff reports", "from staff reports"}) {
    if (auto rest = after_prefix(text, staff); rest || ascii_lower(text) == staff) {
      auto date = find_date(text);
      return Byline{{}, date ? date->iso : std::string()};
    }
  }
  auto date = find_date(text);
  for (std::string_view prefix : {"by: ", "by ", "words by ", "written by ", "words and pictures by ", "story by "}) {
    auto rest = after_prefix(text, prefix);
    if (!rest) continue;
    std::string_view names = *rest;
    std::string published;
    if (date && date->begin >= prefix.size()) {
      published = date->iso;
      names = std::string_view(text).substr(prefix.size(), date->begin - prefix.size());
    }
    return byline_from_names(names, std::move(published));
  }
  // "Posted on 3 March 2024 by Sam Rivers": a date line naming its author.
  auto by = ascii_lower(text).find(" by ");
  if (date && by != std::string::npos && by + 1 >= date->end && words.size() <= 16)
    return byline_from_names(std::string_view(text).substr(by + 4), date->iso);
  return std::nullopt;
}

std::optional<std::vector<std::string>> read_credit_line(std::string_view line) {
  auto text = collapse_whitespace(line);
  if (text.size() > 300) return std::nullopt;
  std::vector<std::string> authors;
  bool credit = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    auto part = collapse_whitespace(text.substr(start, end - start));
    start = end + 1;
    auto by = part.find(" by ");
    if (by == std::string::npos) return std::nullopt;
    auto role = ascii_lower(part.substr(0, by));
    static constexpr std::array<std::string_view, 8> credits{
        "reporting", "additional reporting", "writing", "reported", "written", "compiled", "editing", "edited"};
    if (std::find(credits.begin(), credits.end(), role) == credits.end()) return std::nullopt;
    credit = true;
    if (role.starts_with("edit")) continue;  // editors are not authors
    auto names = split_author_names(std::string_view(part).substr(by + 4));
    authors.insert(authors.end(), names.begin(), names.end());
  }
  if (!credit || authors.empty()) return std::nullopt;
  return authors;
}

bool is_person_name(std::string_view line) {
  auto words = words_of(line);
  if (words.size() < 2 || words.size() > 4) return false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto word = words[i];
    // Particles inside a name stay lower case ("Bram van Kessel").
    bool particle = i > 0 && i + 1 < words.size() &&
                    (word == "van" || word == "von" || word == "de" || word == "da" || word == "del" || word == "der");
    if (!starts_upper(word) && !particle) return false;
    for (char c : word)
      if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '\'' && c != '.' &&
          static_cast<unsigned char>(c) < 0x80)
        return false;
  }
  return !has_role_word(line);
}

bool is_role_line(std::string_view line) {
  auto words = words_of(line);
  return !words.empty() && words.size() <= 5 && has_role_word(line) &&
         line.find_first_of(".!?:") == std::string_view::npos;
}

std::string join_authors(const std::vector<std::string>& authors) {
  std::string joined;
  for (const auto& author : authors) {
    if (!joined.empty()) joined += "; ";
    joined += author;
  }
  return joined;
}

}  // namespace newsdex
