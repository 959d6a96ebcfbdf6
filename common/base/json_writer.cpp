#include "common/base/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace newsdex {
namespace {

// The escape of an ASCII byte, or an empty view when it stands for itself.
std::string_view escape_of(unsigned char c, std::array<char, 8>& buffer) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      break;
  }
  if (c >= 0x20) return {};
  constexpr char hex[] = "0123456789abcdef";
  buffer = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
  return {buffer.data(), 6};
}

// Escapes valid UTF-8; false (with `out` as it was) at the first invalid byte.
bool append_escaped_utf8(std::string& out, std::string_view text) {
  auto start_size = out.size();
  std::array<char, 8> buffer{};
  std::size_t copied = 0;  // text[copied, at) is still to be appended as it is
  std::size_t at = 0;
  while (at < text.size()) {
    auto c = static_cast<unsigned char>(text[at]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {  // most bytes: themselves
      ++at;
      continue;
    }
    if (c >= 0x80) {
      auto length = utf8_sequence_length(text, at);
      if (length == 0) {
        out.resize(start_size);
        return false;
      }
      at += length;
      continue;
    }
    auto escape = escape_of(c, buffer);
    if (!escape.empty()) {
      out.append(text.substr(copied, at - copied));
      out.append(escape);
      copied = at + 1;
    }
    ++at;
  }
  out.append(text.substr(copied));
  return true;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t i) { return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0u; };
  auto in = [](unsigned value, unsigned low, unsigned high) { return value >= low && value <= high; };
  unsigned first = byte(0), second = byte(1);
  if (in(first, 0xC2, 0xDF)) return in(second, 0x80, 0xBF) ? 2 : 0;
  if (in(first, 0xE0, 0xEF)) {
    unsigned low = first == 0xE0 ? 0xA0 : 0x80, high = first == 0xED ? 0x9F : 0xBF;
    return in(second, low, high) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(first, 0xF0, 0xF4)) {
    unsigned low = first == 0xF0 ? 0x90 : 0x80, high = first == 0xF4 ? 0x8F : 0xBF;
    return in(second, low, high) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  if (!append_escaped_utf8(out, text)) {
    // Rare: let nlohmann say how many U+FFFD replace which invalid bytes, as it always has.
    auto dumped = nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out.append(dumped, 1, dumped.size() - 2);
  }
  out += '"';
}

void JsonWriter::separate() {
  if (after_value_) out_ += ',';
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_ += '{';
  after_value_ = false;
  return *this;
}

void JsonWriter::end_object() {
  out_ += '}';
  after_value_ = true;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_ += '[';
  after_value_ = false;
  return *this;
}

void JsonWriter::end_array() {
  out_ += ']';
  after_value_ = true;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_ += ':';
  after_value_ = false;
  return *this;
}

void JsonWriter::string(std::string_view text) {
  separate();
  append_json_string(out_, text);
  after_value_ = true;
}

void JsonWriter::string_or_null(std::string_view text) {
  if (text.empty()) {
    null();
  } else {
    string(text);
  }
}

void JsonWriter::raw(std::string_view json_value) {
  separate();
  out_ += json_value;
  after_value_ = true;
}

void JsonWriter::null() {
  separate();
  out_ += "null";
  after_value_ = true;
}

void JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
  after_value_ = true;
}

void JsonWriter::number(std::uint64_t value) {
  separate();
  std::array<char, 24> buffer{};
  auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
  out_.append(buffer.data(), end);
  after_value_ = true;
}

void JsonWriter::number(std::int64_t value) {
  separate();
  std::array<char, 24> buffer{};
  auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
  out_.append(buffer.data(), end);
  after_value_ = true;
}

void JsonWriter::number(double value) {
  if (!std::isfinite(value)) return null();
  separate();
  // nlohmann's own formatting ("1.0", "1e+20", "0.0001"), which std::to_chars does not match.
  std::array<char, 64> buffer{};
  auto* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out_.append(buffer.data(), end);
  after_value_ = true;
}

}  // namespace newsdex
