#include "common/base/path_text.hpp"

#include <cstdint>
#include <filesystem>

namespace newsdex {
namespace {

// The length of the valid UTF-8 character at `at` and its code point, or 0 when the bytes there do
// not start one (RFC 3629: shortest form only, no surrogates, nothing above U+10FFFF).
std::size_t utf8_character(std::string_view bytes, std::size_t at, char32_t& code_point) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[at + i]); };
  auto lead = byte(0);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                       : lead >= 0xE0 && lead <= 0xEF ? 3
                       : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                      : 0;
  if (length == 0 || at + length > bytes.size()) return 0;
  char32_t value = lead & (0xFF >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i) & 0x3F);
  }
  static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  code_point = value;
  return length;
}

// Characters that could drive a terminal (escape sequences, carriage returns, line breaks).
bool is_control(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F); }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

void append_escape(std::string& text, unsigned char byte) {
  static constexpr char digits[] = "0123456789ABCDEF";
  text += "\\x";
  text += digits[byte >> 4];
  text += digits[byte & 0x0F];
}

// The length of the character at `at` when it is written as it is; 0 when it is escaped.
std::size_t kept_length(std::string_view bytes, std::size_t at) {
  char32_t code_point = 0;
  auto length = utf8_character(bytes, at, code_point);
  return length > 0 && !is_control(code_point) ? length : 0;
}

}  // namespace

std::string path_text(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  for (std::size_t at = 0; at < bytes.size();) {
    if (bytes[at] == '\\') {
      // Doubled only where a single one would be read as the start of an escape: before `x`, and
      // before what is written starting with a backslash (a backslash, or an escaped byte).
      bool next_starts_escape =
          at + 1 < bytes.size() && (bytes[at + 1] == 'x' || bytes[at + 1] == '\\' || kept_length(bytes, at + 1) == 0);
      text += next_starts_escape ? "\\\\" : "\\";
      ++at;
    } else if (auto length = kept_length(bytes, at)) {
      text.append(bytes.substr(at, length));
      at += length;
    } else {
      append_escape(text, static_cast<unsigned char>(bytes[at]));
      ++at;
    }
  }
  return text;
}

std::string path_bytes(std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] == '\\' && at + 1 < text.size() && text[at + 1] == '\\') {
      bytes += '\\';
      at += 2;
    } else if (text[at] == '\\' && at + 3 < text.size() && text[at + 1] == 'x' && hex_value(text[at + 2]) >= 0 &&
               hex_value(text[at + 3]) >= 0) {
      bytes += static_cast<char>(hex_value(text[at + 2]) * 16 + hex_value(text[at + 3]));
      at += 4;
    } else {
      bytes += text[at];
      ++at;
    }
  }
  return bytes;
}

std::string stored_path_form(std::string_view typed) {
  if (typed.find_first_not_of(" \t") == std::string_view::npos) return {};
  std::filesystem::path path(typed);
  if (path.is_relative()) {
    std::error_code error;
    auto here = std::filesystem::current_path(error);
    if (!error) path = std::filesystem::path(path_text(here.string())) / path;
  }
  auto stored = path.lexically_normal().string();
  while (stored.size() > 1 && stored.back() == '/') stored.pop_back();
  return stored;
}

}  // namespace newsdex
