// A streaming JSON writer: appends compact JSON to a string as it goes, with no document tree in
// between (building and dumping an nlohmann::json tree was a third of a batch search's time). It
// prints exactly what nlohmann::json::dump(-1, ' ', false, replace) prints for the same values, so
// the output stays byte-for-byte the same: members come out in the order they are written (callers
// write them in key order, as nlohmann's std::map does), invalid UTF-8 becomes U+FFFD.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  void end_object();
  JsonWriter& begin_array();
  void end_array();
  JsonWriter& key(std::string_view name);  // a member's name: write its value next

  void string(std::string_view text);
  void string_or_null(std::string_view text);  // null when empty
  void null();
  void boolean(bool value);
  void number(std::uint64_t value);
  void number(std::int64_t value);
  void number(int value) { number(static_cast<std::int64_t>(value)); }
  void number(unsigned value) { number(static_cast<std::uint64_t>(value)); }
  void number(double value);              // shortest form that reads back the same; null when not finite
  void raw(std::string_view json_value);  // a value already written as JSON

 private:
  void separate();  // the comma before a value that follows another one

  std::string& out_;
  bool after_value_ = false;
};

// The length of the well-formed UTF-8 sequence starting at text[at] (a byte >= 0x80), or 0 when it
// is not one (Unicode's table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// `text` as a JSON string literal (quotes included), appended to `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace newsdex
