#include "common/base/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace newsdex {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string map_with(std::string_view valid_utf8, int options) {
  utf8proc_uint8_t* out = nullptr;
  auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid_utf8.data()),
                             static_cast<utf8proc_ssize_t>(valid_utf8.size()), &out,
                             static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
  if (length < 0) return std::string(valid_utf8);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

bool is_space_codepoint(utf8proc_int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return true;
  if (cp == 0xA0 || cp == 0x1680 || cp == 0x202F || cp == 0x205F || cp == 0x3000) return true;
  return cp >= 0x2000 && cp <= 0x200A;
}

bool is_ascii(std::string_view text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Most text is ASCII, for which NFC, case folding and accent stripping are trivial: these loops give
// the same result as utf8proc at a fraction of the cost (the indexer folds every body it hashes).
std::string collapse_ascii_whitespace(std::string_view text, bool lower) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += lower && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// Letters that have no Unicode decomposition, so stripping marks leaves them as they are, but that
// readers type without their stroke: "Søren" is searched as "soren".
struct Replacement {
  std::string_view from, to;
};
constexpr Replacement undecomposable_letters[] = {
    {"\xC3\xB8", "o"},  {"\xC3\xA6", "ae"}, {"\xC5\x93", "oe"}, {"\xC5\x82", "l"},   {"\xC4\x91", "d"},
    {"\xC3\xBE", "th"}, {"\xC4\xB1", "i"},  {"\xC3\xB0", "d"},  {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"},
    {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""},
};

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<std::size_t>(n);
  }
  return true;
}

std::string repair_utf8(std::string_view text, std::size_t* repaired) {
  std::string out;
  out.reserve(text.size());
  std::size_t bad = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      ++bad;
      ++i;
      continue;
    }
    out.append(text.substr(i, static_cast<std::size_t>(n)));
    i += static_cast<std::size_t>(n);
  }
  if (repaired) *repaired = bad;
  return out;
}

std::string to_nfc(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  if (!is_valid_utf8(text)) return map_with(repair_utf8(text), UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  return map_with(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string collapse_whitespace(std::string_view text) {
  if (is_ascii(text)) return collapse_ascii_whitespace(text, false);
  std::string valid = is_valid_utf8(text) ? std::string(text) : repair_utf8(text);
  std::string out;
  out.reserve(valid.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < valid.size()) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(valid.data() + i),
                              static_cast<utf8proc_ssize_t>(valid.size() - i), &cp);
    if (n <= 0) break;  // cannot happen on repaired text
    if (is_space_codepoint(cp)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(valid, i, static_cast<std::size_t>(n));
    }
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string fold_key(std::string_view text) {
  if (is_ascii(text)) return collapse_ascii_whitespace(text, true);
  std::string folded = map_with(collapse_whitespace(text), UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                               UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(folded[i]) >= 0x80) {
      for (const auto& [from, to] : undecomposable_letters) {
        if (folded.compare(i, from.size(), from) == 0) {
          out += to;
          i += from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += folded[i++];
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = std::min(text.find(separator, start), text.size());
    items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) code_point = 0xFFFD;
  auto byte = [&out](char32_t bits) { out += static_cast<char>(bits); };
  if (code_point < 0x80) {
    byte(code_point);
  } else if (code_point < 0x800) {
    byte(0xC0 | (code_point >> 6));
    byte(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    byte(0xE0 | (code_point >> 12));
    byte(0x80 | ((code_point >> 6) & 0x3F));
    byte(0x80 | (code_point & 0x3F));
  } else {
    byte(0xF0 | (code_point >> 18));
    byte(0x80 | ((code_point >> 12) & 0x3F));
    byte(0x80 | ((code_point >> 6) & 0x3F));
    byte(0x80 | (code_point & 0x3F));
  }
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (auto& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

}  // namespace newsdex
