#include "common/entities/unicode.hpp"

#include <utf8proc.h>

#include "common/base/text.hpp"

namespace newsdex::ner {
namespace {

utf8proc_category_t category(char32_t cp) {
  return static_cast<utf8proc_category_t>(utf8proc_category(static_cast<utf8proc_int32_t>(cp)));
}

}  // namespace

CodePoint decode_utf8(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  utf8proc_int32_t value = 0;
  const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                       static_cast<utf8proc_ssize_t>(text.size() - pos), &value);
  if (length <= 0) return {0xFFFD, 1};
  return {static_cast<char32_t>(value), static_cast<std::size_t>(length)};
}

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0xFEFF;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

std::string to_lower(std::string_view text) {
  std::string out;
  to_lower(text, out);
  return out;
}

void to_lower(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++pos;
      continue;
    }
    const CodePoint cp = decode_utf8(text, pos);
    if (cp.value == 0xFFFD) {
      out.append(text.substr(pos, cp.length));
    } else {
      append_utf8(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp.value))));
    }
    pos += cp.length;
  }
}

bool starts_upper(std::string_view text) { return !text.empty() && is_upper(decode_utf8(text, 0).value); }

bool is_all_caps(std::string_view text) {
  bool letter = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (is_lower(cp.value)) return false;
    letter = letter || is_letter(cp.value);
    pos += cp.length;
  }
  return letter;
}

bool has_letter(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (is_letter(cp.value)) return true;
    pos += cp.length;
  }
  return false;
}

}  // namespace newsdex::ner
