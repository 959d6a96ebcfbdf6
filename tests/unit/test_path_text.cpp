// The escaping of file paths (common/base/path_text.hpp): any bytes to valid UTF-8 text without control
// characters and back, exactly, with no two byte strings sharing a text.
#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/base/path_text.hpp"
#include "common/base/text.hpp"

using namespace newsdex;

namespace {

struct Case {
  std::string bytes, text;
};

// Whatever the text holds, nothing in it can drive a terminal.
bool has_control(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
  }
  return false;
}

std::string random_bytes(std::mt19937& random, const std::string& alphabet) {
  std::uniform_int_distribution<std::size_t> length(0, 12), pick(0, alphabet.size() - 1), any(1, 255);
  std::bernoulli_distribution from_alphabet(0.7);
  std::string bytes;
  for (auto n = length(random); n > 0; --n)
    bytes += from_alphabet(random) ? alphabet[pick(random)] : static_cast<char>(any(random));
  return bytes;
}

}  // namespace

TEST_CASE("path_text keeps valid UTF-8 as it is and escapes everything else", "[path_text]") {
  const std::vector<Case> cases{
      {"/news/2024/caf\xC3\xA9.txt", "/news/2024/caf\xC3\xA9.txt"},  // valid UTF-8: unchanged
      {"/archive/caf\xE9.txt", "/archive/caf\\xE9.txt"},             // Latin-1 é
      {"/a/\x80\xBF", "/a/\\x80\\xBF"},                              // lone continuation bytes
      {"/a/\xC0\xAF", "/a/\\xC0\\xAF"},                              // overlong '/'
      {"/a/\xE0\x80\xAF", "/a/\\xE0\\x80\\xAF"},                     // overlong, three bytes
      {"/a/\xED\xA0\x80", "/a/\\xED\\xA0\\x80"},                     // a surrogate (U+D800) in UTF-8
      {"/a/\xF4\x90\x80\x80", "/a/\\xF4\\x90\\x80\\x80"},            // beyond U+10FFFF
      {"/a/\xE2\x82", "/a/\\xE2\\x82"},                              // a character cut short
      {"/a/\xF0\x9F\x93\xB0 news", "/a/\xF0\x9F\x93\xB0 news"},      // four bytes, valid: unchanged
      {"/a/\x1B[31mred\x1B[0m", "/a/\\x1B[31mred\\x1B[0m"},          // ESC: no terminal escapes
      {"/a/line\nbreak\r\t", "/a/line\\x0Abreak\\x0D\\x09"},         // LF, CR, tab
      {"/a/\x7F", "/a/\\x7F"},                                       // DEL
      {"/a/\xC2\x9B"
       "1m",
       "/a/\\xC2\\x9B1m"},                     // C1 control (CSI), each byte
      {"/a/\xC2\xA0", "/a/\xC2\xA0"},          // U+00A0 is not a control
      {"C:\\docs\\a.txt", "C:\\docs\\a.txt"},  // a backslash stays single...
      {"a\\\\b", "a\\\\\\b"},                  // ...unless a backslash follows
      {"caf\\xE9.txt", "caf\\\\xE9.txt"},      // a name that looks like an escape
      {"a\\x", "a\\\\x"},                      // backslash before x, at the end
      {"a\\\xE9", "a\\\\\\xE9"},               // backslash before an escaped byte
      {"a\\\x1B", "a\\\\\\x1B"},               // ... or an escaped control
      {"end\\", "end\\"},                      // a final backslash
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO("bytes: " << c.bytes);
    CHECK(path_text(c.bytes) == c.text);
    CHECK(path_bytes(c.text) == c.bytes);
  }
}

TEST_CASE("path_bytes reads what path_text never writes leniently", "[path_text]") {
  const std::vector<Case> cases{
      {"a\\b", "a\\b"},      // a backslash starting no escape stands for itself
      {"a\\xZ1", "a\\xZ1"},  // not hex
      {"a\\x4", "a\\x4"},    // one digit, at the end
      {"a\xE9", "a\\xe9"},   // lower-case hex is read too
      {"a\\", "a\\"},
  };
  for (const auto& c : cases) {
    INFO("text: " << c.text);
    CHECK(path_bytes(c.text) == c.bytes);
  }
}

TEST_CASE("path_text round-trips any bytes to valid UTF-8 without controls, and never collides", "[path_text]") {
  std::mt19937 random(20240611);
  // Mostly the bytes that make escaping hard: backslash, x, hex digits, UTF-8 lead and continuation
  // bytes, the surrogate and overlong leads, controls; the rest any byte but NUL (not in a path).
  const std::string alphabet = "\\\\\\xxA9/. \xC2\xC3\xE0\xED\xF0\xF4\x80\x9B\xA0\xBF\x1B\n\x7F\xFF";
  std::set<std::string> inputs, texts;
  for (int i = 0; i < 200000; ++i) {
    auto bytes = random_bytes(random, alphabet);
    auto text = path_text(bytes);
    INFO("bytes: " << bytes << " text: " << text);
    REQUIRE(path_bytes(text) == bytes);
    REQUIRE(is_valid_utf8(text));
    REQUIRE(!has_control(text));
    if (inputs.insert(bytes).second) REQUIRE(texts.insert(text).second);  // a new input, a new text
  }
  CHECK(inputs.size() > 100000);
}
