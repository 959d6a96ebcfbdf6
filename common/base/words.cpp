#include "common/base/words.hpp"

#include <array>
#include <utility>

#include <xapian.h>

namespace newsdex {
namespace {

// The code point at text[at] and where the next one starts. ASCII (most of the text) is read here;
// other bytes as Xapian reads them (an invalid byte stands for itself).
std::pair<unsigned, std::size_t> decode(std::string_view text, std::size_t at) {
  auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) return {byte, at + 1};
  auto left = text.size() - at;
  if (left == 0) return {0, at};  // never (text[at] was read); without it GCC warns of an empty iterator
  Xapian::Utf8Iterator it(text.data() + at, left);
  unsigned ch = *it;
  ++it;
  return {ch, it == Xapian::Utf8Iterator() ? text.size() : static_cast<std::size_t>(it.raw() - text.data())};
}

// Letters, digits and '_': the ASCII word characters. A table: the tokenizer asks for every byte.
constexpr auto ascii_word_bytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 128; ++c)
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return table;
}();

bool is_ascii_word_byte(unsigned char c) { return ascii_word_bytes[c]; }

bool is_word_char(unsigned ch) {
  if (ch < 0x80) return is_ascii_word_byte(static_cast<unsigned char>(ch));
  return Xapian::Unicode::is_wordchar(ch);
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

void append_lower(std::string& out, unsigned ch) {
  if (ch < 0x80) {
    out += ascii_lower(static_cast<char>(ch));
  } else {
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(ch));
  }
}

}  // namespace

void tokenize(std::string_view text, const std::bitset<256>& initials, Tokens& tokens) {
  tokens.list.clear();
  tokens.lower.clear();
  bool in_word = false, wanted = false;
  for (std::size_t at = 0; at < text.size();) {
    auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80 && byte != '\'' && !is_ascii_word_byte(byte)) {  // white space, punctuation: ends a word
      in_word = false;
      ++at;
      continue;
    }
    auto [ch, next] = decode(text, at);
    if (is_word_char(ch)) {
      if (!in_word) {
        auto lower_at = tokens.lower.size();
        if (ch < 0x80) {  // most words: no lower-cased copy unless wanted
          char lower = ascii_lower(static_cast<char>(ch));
          wanted = initials.test(static_cast<unsigned char>(lower));
          if (wanted) tokens.lower += lower;
        } else {
          append_lower(tokens.lower, ch);
          wanted = initials.test(static_cast<unsigned char>(tokens.lower[lower_at]));
          if (!wanted) tokens.lower.resize(lower_at);
        }
        bool after_gap = !tokens.list.empty() && tokens.list.back().lower_begin == tokens.list.back().lower_end;
        if (wanted || !after_gap) tokens.list.push_back({at, at, lower_at, lower_at});
      } else if (wanted) {
        append_lower(tokens.lower, ch);
      }
      // The ASCII letters that follow at once: lower-cased, or passed when nothing is kept of the word.
      while (next < text.size() && is_ascii_word_byte(static_cast<unsigned char>(text[next]))) {
        if (wanted) tokens.lower += ascii_lower(text[next]);
        ++next;
      }
      in_word = true;
      tokens.list.back().end = next;
      tokens.list.back().lower_end = tokens.lower.size();
    } else if (in_word && (ch == '\'' || ch == 0x2019) && next < text.size() &&
               is_word_char(decode(text, next).first)) {
      if (wanted) tokens.lower += '\'';
      tokens.list.back().lower_end = tokens.lower.size();
    } else {
      in_word = false;
    }
    at = next;
  }
}

}  // namespace newsdex
