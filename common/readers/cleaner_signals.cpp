#include "common/readers/cleaner_signals.hpp"

#include <utf8proc.h>

#include <array>
#include <cctype>

#include "common/base/text.hpp"

namespace newsdex::cleaner {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// Cues that, in a short block, mark boilerplate whatever else it says. Matched as whole words on the
// folded key. They are generic web furniture, not any one site's wording.
constexpr std::string_view strong_cues[] = {"advertisement",
                                            "advertisements",
                                            "sponsored content",
                                            "paid content",
                                            "paid post",
                                            "audio player",
                                            "player ready",
                                            "listen to this article",
                                            "listen to this story",
                                            "newsletter",
                                            "newsletters",
                                            "sign up for",
                                            "subscribe to",
                                            "subscribe now",
                                            "subscribe for",
                                            "we use cookies",
                                            "cookie policy",
                                            "cookie settings",
                                            "leave a reply",
                                            "leave a comment",
                                            "post a comment",
                                            "please enter your",
                                            "your email address",
                                            "required fields are marked",
                                            "privacy policy",
                                            "share this",
                                            "share on",
                                            "share via",
                                            "click here",
                                            "follow us",
                                            "download our app",
                                            "must read",
                                            "read more",
                                            "read also",
                                            "also read",
                                            "latest news",
                                            "more articles",
                                            "you may also like",
                                            "recommended for you",
                                            "most read",
                                            "most popular",
                                            "don't miss",
                                            "trending now",
                                            "top stories",
                                            "all rights reserved",
                                            "skip to content",
                                            "continue reading below",
                                            "story continues below",
                                            "article continues below",
                                            "have a story",
                                            "got a story",
                                            "our standards",
                                            "this story appears in",
                                            "appears in the print edition"};

// Words that mark boilerplate only when they make up (nearly) the whole of a very short line.
constexpr std::string_view short_line_cues[] = {
    "advert", "ad",    "ads",      "cookie",   "cookies", "sponsored", "share",   "shares", "tweet",
    "email",  "print", "comments", "comment",  "related", "subscribe", "sign up", "log in", "login",
    "menu",   "tags",  "topics",   "trending", "watch",   "video",     "listen",  "reply"};

// Words that make a short heading a teaser section's title.
constexpr std::string_view teaser_heading_cues[] = {"latest",           "related",           "more",
                                                    "popular",          "trending",          "recommended",
                                                    "read next",        "also read",         "read also",
                                                    "must read",        "editor's choice",   "you may have missed",
                                                    "most read",        "you may also like", "you might also like",
                                                    "don't miss",       "top stories",       "editor's picks",
                                                    "editors' picks",   "further reading",   "see also",
                                                    "in other news",    "other news",        "in case you missed",
                                                    "what to read next"};

constexpr std::string_view comment_form_cues[] = {
    "leave a reply",         "leave a comment",           "post a comment",
    "add a comment",         "please enter your comment", "please enter your name",
    "join the conversation", "comments are closed",       "view comments"};

// Calls f(codepoint, byte offset, byte length) for each code point of valid UTF-8.
template <typename F>
void for_each_codepoint(std::string_view text, F f) {
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) n = 1, cp = 0xFFFD;
    f(cp, i, static_cast<std::size_t>(n));
    i += static_cast<std::size_t>(n);
  }
}

bool is_letter_or_digit(utf8proc_int32_t cp) {
  auto category = utf8proc_category(cp);
  return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
         (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
}

bool starts_with_phrase(std::string_view key, std::string_view phrase) {
  return key.starts_with(phrase) && (key.size() == phrase.size() || !is_word_char(key[phrase.size()]));
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool w = c != ' ';
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words;
}

// The text without trailing closing quotes, brackets and spaces: the punctuation that ends it.
std::string_view strip_closers(std::string_view text) {
  while (!text.empty()) {
    if (text.back() == '"' || text.back() == '\'' || text.back() == ')' || text.back() == ']' || text.back() == ' ' ||
        text.back() == '*') {
      text.remove_suffix(1);
    } else if (text.ends_with("\xE2\x80\x9D") || text.ends_with("\xE2\x80\x99") || text.ends_with("\xC2\xBB")) {
      text.remove_suffix(text.ends_with("\xC2\xBB") ? 2 : 3);
    } else {
      break;
    }
  }
  return text;
}

bool capitalised(std::string_view word) {
  utf8proc_int32_t cp = 0;
  if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                       static_cast<utf8proc_ssize_t>(word.size()), &cp) <= 0)
    return false;
  return utf8proc_isupper(cp) || std::isdigit(static_cast<unsigned char>(word[0]));
}

bool title_cased(std::string_view text) {
  std::size_t long_words = 0, capitals = 0, start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    auto word = text.substr(start, end - start);
    if (word.size() >= 4) {
      ++long_words;
      capitals += capitalised(word);
    }
    start = end + 1;
  }
  return long_words >= 1 && capitals * 10 >= long_words * 6;
}

}  // namespace

bool contains_phrase(std::string_view key, std::string_view phrase) {
  for (auto at = key.find(phrase); at != std::string_view::npos; at = key.find(phrase, at + 1)) {
    bool left = at == 0 || !is_word_char(key[at - 1]);
    auto after = at + phrase.size();
    bool right = after >= key.size() || !is_word_char(key[after]);
    if (left && right) return true;
  }
  return false;
}

BlockSignals measure(std::string_view text, double link_density) {
  BlockSignals s;
  s.words = count_words(text);
  // Every cue rule looks at blocks of at most 60 words; folding long paragraphs would only cost time.
  if (s.words <= 60) s.key = fold_key(text);
  for_each_codepoint(text, [&](utf8proc_int32_t cp, std::size_t, std::size_t) {
    auto category = utf8proc_category(cp);
    s.has_letters = s.has_letters || (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO);
  });
  auto end = strip_closers(text);
  s.ellipsis_end = end.ends_with("...") || end.ends_with("\xE2\x80\xA6");
  s.sentence_end = !s.ellipsis_end && !end.empty() && (end.back() == '.' || end.back() == '!' || end.back() == '?');
  s.title_case = title_cased(text);
  s.link_density = link_density;
  return s;
}

bool is_prose(const BlockSignals& s) {
  return s.words >= 8 && (s.sentence_end || s.words >= 20) && !s.ellipsis_end && s.link_density < 0.5;
}

bool is_headline_like(const BlockSignals& s) {
  if (s.words < 2 || s.words > 20 || s.sentence_end || s.ellipsis_end) return false;
  return s.title_case || s.words <= 14;  // sentence-case headlines are common too
}

std::optional<std::string> marker_cue(const BlockSignals& s) {
  if (s.words > 25) return std::nullopt;
  // A sentence that merely mentions a cue ("The newsletter reached 2 million readers.") is prose; a
  // prompt starts with its cue, stacks several, or is too short to be a sentence.
  bool sentence_like = s.sentence_end && s.words >= 7;
  const std::string_view* found = nullptr;
  int hits = 0;
  bool at_start = false;
  for (const auto& cue : strong_cues) {
    if (!contains_phrase(s.key, cue)) continue;
    if (!found) found = &cue;
    ++hits;
    at_start = at_start || starts_with_phrase(s.key, cue);
  }
  if (found && (!sentence_like || at_start || hits >= 2)) return std::string(*found);
  if (s.words <= 3 && !s.sentence_end)
    for (const auto& cue : short_line_cues)
      if (starts_with_phrase(s.key, cue)) return std::string(cue);
  // "Related: ..." / "Read more: ..." / "See also: ..." introduce a single teaser link.
  for (std::string_view lead : {"related", "read more", "see also", "more", "also", "watch", "listen", "read"}) {
    if (starts_with_phrase(s.key, lead) && s.key.size() > lead.size() && s.key[lead.size()] == ':' && s.words <= 20)
      return std::string(lead) + ":";
  }
  return std::nullopt;
}

bool is_teaser_heading(const BlockSignals& s) {
  if (s.words == 0 || s.words > 8 || s.sentence_end) return false;
  for (const auto& cue : teaser_heading_cues)
    if (contains_phrase(s.key, cue)) return true;
  return false;
}

namespace {

// A year (1900-2099) as a number of its own: what a copyright notice names, and a headline about
// copyright ("Copyright row over festival song heads to court") usually does not.
bool names_a_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    auto digit = [&](std::size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
    bool alone = (i == 0 || !digit(i - 1)) && !digit(i + 4);
    if (alone && digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) &&
        (text.substr(i, 2) == "19" || text.substr(i, 2) == "20"))
      return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> end_marker(const BlockSignals& s) {
  if (s.words <= 12)
    for (const auto& cue : comment_form_cues)
      if (contains_phrase(s.key, cue)) return "comment form";
  if (s.words <= 40) {
    bool copyright_sign = s.key.find("\xC2\xA9") != std::string::npos || contains_phrase(s.key, "(c)");
    if (contains_phrase(s.key, "all rights reserved") || (copyright_sign && s.words <= 15) ||
        (contains_phrase(s.key, "copyright") && names_a_year(s.key) && !s.sentence_end && s.words <= 15))
      return "copyright footer";
  }
  if (s.words <= 60) {
    bool about_itself = false;
    for (std::string_view subject :
         {"this article", "this story", "this content", "this report", "this post", "this text", "this summary"})
      about_itself = about_itself || contains_phrase(s.key, subject);
    bool automated = false;
    for (std::string_view how : {"automation", "automated", "artificial intelligence", "ai", "generative",
                                 "generated by", "machine learning", "language model"})
      automated = automated || contains_phrase(s.key, how);
    if (about_itself && automated) return "automated-content disclaimer";
  }
  return std::nullopt;
}

std::optional<std::string> closing_section(const BlockSignals& s) {
  if (s.words < 2 || s.words > 8 || s.sentence_end) return std::nullopt;
  // "About Alderwood University": an organisation's boilerplate under its name, as releases end.
  if (starts_with_phrase(s.key, "about") && s.title_case) return "about the organisation";
  for (std::string_view heading : {"notes to editors", "note to editors", "media contact", "media contacts",
                                   "press contact", "press contacts", "about the author", "about the authors"})
    if (starts_with_phrase(s.key, heading)) return std::string(heading);
  return std::nullopt;
}

std::string loose_key(std::string_view text) {
  auto key = fold_key(text);
  std::string out;
  bool space = false;
  for_each_codepoint(key, [&](utf8proc_int32_t cp, std::size_t at, std::size_t length) {
    if (is_letter_or_digit(cp)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(key, at, length);
    } else {
      space = true;
    }
  });
  return out;
}

}  // namespace newsdex::cleaner
