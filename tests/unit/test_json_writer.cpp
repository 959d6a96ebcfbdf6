// The streaming JSON writer: escaping, invalid UTF-8, numbers and separators, each checked against
// what nlohmann::json::dump printed before (the output must not change by a byte).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "common/base/json_writer.hpp"

using namespace newsdex;

namespace {

std::string nlohmann_dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

}  // namespace

TEST_CASE("strings are escaped as nlohmann escapes them", "[json]") {
  struct Case {
    std::string text, expected;
  };
  const Case cases[] = {
      {"plain", R"("plain")"},
      {"", R"("")"},
      {"say \"hi\"", R"("say \"hi\"")"},
      {"back\\slash", R"("back\\slash")"},
      {"a\nb\tc\rd\be\ff", R"("a\nb\tc\rd\be\ff")"},
      {std::string("nul\0here", 8), R"("nul\u0000here")"},
      {"\x01\x1f", R"("\u0001\u001f")"},
      {"\x7f", "\"\x7f\""},       // DEL is not escaped
      {"/slash", R"("/slash")"},  // nor is a slash
      {"Zo\xc3\xab \xe2\x80\xa6 \xf0\x9f\x98\x80", "\"Zo\xc3\xab \xe2\x80\xa6 \xf0\x9f\x98\x80\""},  // kept as UTF-8
      {"bad \xff byte", "\"bad \xef\xbf\xbd byte\""},                // invalid UTF-8 -> U+FFFD
      {"cut \xc3", "\"cut \xef\xbf\xbd\""},                          // a sequence cut short at the end
      {"\xc3(", "\"\xef\xbf\xbd(\""},                                // a lead byte without its continuation
      {"\xe0\x80\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},  // overlong
      {"\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},  // a surrogate
      {"\xf4\x90\x80\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},  // above U+10FFFF
      {"\x80 \"q\" \n", "\"\xef\xbf\xbd \\\"q\\\" \\n\""},                           // invalid and escapes together
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(written_string(c.text) == c.expected);
    CHECK(written_string(c.text) == nlohmann_dump(c.text));
  }
}

TEST_CASE("every single byte and byte pair is written as nlohmann writes it", "[json]") {
  for (int first = 0; first < 256; ++first) {
    std::string one(1, static_cast<char>(first));
    REQUIRE(written_string(one) == nlohmann_dump(one));
    for (int second = 0; second < 256; second += 5) {
      std::string two = one + static_cast<char>(second) + "x";
      REQUIRE(written_string(two) == nlohmann_dump(two));
    }
  }
}

TEST_CASE("numbers are written as nlohmann writes them", "[json]") {
  const double doubles[] = {0.0,
                            1.0,
                            -2.5,
                            0.1,
                            1.0 / 3,
                            1e20,
                            1e-7,
                            123456789.125,
                            0.0001,
                            1e15,
                            1e16,
                            std::numeric_limits<double>::max(),
                            std::numeric_limits<double>::denorm_min()};
  for (double value : doubles) {
    std::string out;
    JsonWriter(out).number(value);
    CHECK(out == nlohmann_dump(value));
  }
  std::string out;
  JsonWriter json(out);
  json.begin_array();
  json.number(std::numeric_limits<double>::quiet_NaN());
  json.number(std::numeric_limits<double>::infinity());
  json.number(std::numeric_limits<std::uint64_t>::max());
  json.number(std::numeric_limits<std::int64_t>::min());
  json.number(-3);
  json.end_array();
  CHECK(out == "[null,null,18446744073709551615,-9223372036854775808,-3]");
}

TEST_CASE("members and elements are separated by commas, nested or not", "[json]") {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("a").begin_array();
  json.begin_array().end_array();
  json.begin_object().end_object();
  json.string_or_null("");
  json.string_or_null("x");
  json.boolean(true);
  json.end_array();
  json.key("b").raw(R"({"id":1})");
  json.key("c").null();
  json.end_object();
  CHECK(out == R"({"a":[[],{},null,"x",true],"b":{"id":1},"c":null})");
  CHECK(nlohmann::json::parse(out).dump() == out);
}
