#include "common/entities/name_forms.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/base/text.hpp"

namespace newsdex::ner {
namespace {

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

constexpr std::array<std::string_view, 23> designators = {
    "corp",    "corp.", "corporation", "inc", "inc.", "co", "co.",  "cos", "cos.",   "company",      "ltd",   "ltd.",
    "limited", "plc",   "ag",          "sa",  "s.a.", "nv", "n.v.", "llc", "l.l.c.", "incorporated", "p.l.c."};

constexpr std::array<std::string_view, 15> small_words = {"of",  "the", "and", "for", "on", "in", "de", "&",
                                                          "des", "du",  "la",  "le",  "di", "y",  "et"};

}  // namespace

std::vector<std::string> split_words(std::string_view name) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < name.size()) {
    const std::size_t space = std::min(name.find(' ', start), name.size());
    if (space > start) words.emplace_back(name.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

std::string join_words(const std::vector<std::string>& words, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last; ++i) out += (i > first ? " " : "") + words[i];
  return out;
}

std::string without_leading_article(std::string_view name) {
  if (name.starts_with("the ") && name.size() > 4) return std::string(name.substr(4));
  // "The EC" at the start of a sentence: an acronym has no article of its own.
  if (name.starts_with("The ") && !acronym_letters(name.substr(4)).empty()) return std::string(name.substr(4));
  return std::string(name);
}

std::string without_company_designator(std::string_view name) {
  auto words = split_words(name);
  std::size_t last = words.size();
  const auto strip_comma = [](std::string& word) {
    if (!word.empty() && word.back() == ',') word.pop_back();
  };
  while (last > 1) {
    std::string word = ascii_lower(words[last - 1]);
    if (!word.empty() && word.back() == ',') word.pop_back();  // "Sony Corp, Inc"
    if (!one_of(word, designators)) break;
    --last;
    if (last > 1 && (words[last - 1] == "and" || words[last - 1] == "&")) --last;
  }
  if (last == 0 || last == words.size()) return std::string(name);
  strip_comma(words[last - 1]);
  return join_words(words, 0, last);
}

std::string british_spelling(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> spellings = {
      {{"Organization", "Organisation"},
       {"Cooperation", "Co-operation"},
       {"Organizations", "Organisations"},
       {"Center", "Centre"},
       {"Centers", "Centres"},
       {"Defense", "Defence"},
       {"ORGANIZATION", "ORGANISATION"},
       {"CENTER", "CENTRE"},
       {"DEFENSE", "DEFENCE"}}};
  auto words = split_words(name);
  bool changed = false;
  for (auto& word : words) {
    for (const auto& [american, british] : spellings) {
      if (word == american) {
        word = british;
        changed = true;
      }
    }
  }
  return changed ? join_words(words, 0, words.size()) : std::string(name);
}

std::string office_word_order(std::string_view name) {
  const auto words = split_words(name);
  if (words.size() < 2 || words.size() > 5) return std::string(name);
  const std::string& head = words.back();
  if (head != "Department" && head != "Ministry") return std::string(name);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const char first = words[i].empty() ? 'x' : words[i][0];
    if (words[i] == "of" || words[i] == "Department" || words[i] == "Ministry" ||
        !(is_ascii_upper(first) || words[i] == "and")) {
      return std::string(name);  // "State of Emergency Department", "the department" ...
    }
  }
  std::string subject = join_words(words, 0, words.size() - 1);
  // The offices news copy names by one word of their official name.
  if (subject == "Foreign" || subject == "Home" || subject == "Interior" || subject == "External")
    subject += " Affairs";
  return head + " of " + subject;
}

std::string acronym_letters(std::string_view name) {
  if (name.find(' ') != std::string_view::npos) return "";
  std::string letters;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (is_ascii_upper(name[i])) {
      letters += name[i];
    } else if (name[i] != '.' || i == 0 || name[i - 1] == '.') {
      return "";
    }
  }
  return letters.size() >= 2 && letters.size() <= 7 ? letters : "";
}

std::string initials(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (word.empty() || one_of(ascii_lower(word), small_words)) continue;
    if (is_ascii_upper(word[0]) || is_ascii_lower(word[0])) out += static_cast<char>(std::toupper(word[0]));
  }
  return out;
}

bool abbreviates(std::string_view acronym, std::string_view name) {
  const std::string letters = acronym_letters(acronym);
  const auto words = split_words(name);
  if (letters.empty() || words.size() < 2) return false;
  if (initials(words) == letters) return true;
  std::string every;  // small words included: "Bank of England" -> "BOE"
  for (const auto& word : words) {
    if (!word.empty() && word[0] != '&') every += static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  }
  return every == letters;
}

std::string labour_folded(std::string_view key) {
  std::string out(key);
  for (auto at = out.find("labor"); at != std::string::npos; at = out.find("labor", at + 6)) {
    const bool word_start = at == 0 || out[at - 1] == ' ';
    const bool word_end = at + 5 == out.size() || out[at + 5] == ' ';
    if (word_start && word_end) out.replace(at, 5, "labour");
  }
  return out;
}

bool is_date_like(const std::vector<std::string>& words) {
  static constexpr std::array<std::string_view, 19> months = {
      "january",  "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan",   "feb",   "mar", "apr",  "jun",  "jul",    "aug"};
  static constexpr std::array<std::string_view, 11> more_months = {
      "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  static constexpr std::array<std::string_view, 12> periods = {"mths",  "months", "qtr", "qtrs", "quarter", "wks",
                                                               "weeks", "year",   "yr",  "half", "sunday",  "week"};
  static constexpr std::array<std::string_view, 16> numbers = {"one",   "two",    "three", "four",  "five",   "six",
                                                               "seven", "eight",  "nine",  "ten",   "eleven", "twelve",
                                                               "first", "second", "third", "fourth"};
  if (words.size() < 2) return false;
  bool dated = false;
  for (const auto& raw : words) {
    std::string word = ascii_lower(raw);
    if (!word.empty() && word.back() == '.') word.pop_back();
    if (one_of(word, months) || one_of(word, more_months) || one_of(word, periods)) {
      dated = true;
    } else if (!one_of(word, numbers) && !std::all_of(word.begin(), word.end(), is_ascii_digit)) {
      return false;
    }
  }
  return dated;
}

bool is_model_code(std::string_view word) {
  const bool digit = std::any_of(word.begin(), word.end(), is_ascii_digit);
  const bool letter =
      std::any_of(word.begin(), word.end(), [](char c) { return is_ascii_upper(c) || is_ascii_lower(c); });
  if (digit && (letter || word.size() >= 2)) return true;
  for (std::size_t i = 1; i < word.size(); ++i) {
    if (is_ascii_lower(word[i - 1]) && is_ascii_upper(word[i]) && i == 1) return true;  // iPod, eBook
  }
  return false;
}

}  // namespace newsdex::ner
