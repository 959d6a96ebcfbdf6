#include "common/text.hpp"

#include <utf8proc.h>

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
  if (!is_valid_utf8(text)) return map_with(repair_utf8(text), UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  return map_with(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string collapse_whitespace(std::string_view text) {
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
  std::string folded = map_with(collapse_whitespace(text), UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                               UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    // U+2018/U+2019 (curly single quotes) and U+201C/U+201D (curly double quotes) -> ASCII.
    if (folded.compare(i, 3, "\xE2\x80\x98") == 0 || folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else if (folded.compare(i, 3, "\xE2\x80\x9C") == 0 || folded.compare(i, 3, "\xE2\x80\x9D") == 0) {
      out += '"';
      i += 2;
    } else {
      out += folded[i];
    }
  }
  return out;
}

}  // namespace newsdex
