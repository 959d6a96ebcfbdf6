// Number options of both programs and batch JSON requests: one reader with a range per option.
#include <catch2/catch.hpp>
#include <functional>

#include "common/base/errors.hpp"
#include "common/base/option_numbers.hpp"
#include "common/search/request.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using Catch::Contains;
using newsdex::test::usage_error_of;

TEST_CASE("number options take numbers in their range and name option, value and range otherwise", "[options]") {
  const NumberRange count{0, 1'000'000}, days{0, 100'000, false};
  struct Good {
    const char* text;
    NumberRange range;
    double expected;
  };
  const Good good[] = {
      {"0", count, 0},    {"10", count, 10}, {"1000000", count, 1'000'000}, {"+5", count, 5}, {"1e3", count, 1000},
      {"2.5", days, 2.5}, {"0", days, 0},
  };
  for (const auto& c : good) {
    INFO(c.text);
    CHECK(parse_number("--limit", c.text, c.range) == c.expected);
  }
  struct Bad {
    const char* text;
    NumberRange range;
    const char* message;
  };
  const Bad bad[] = {
      {"-1", count, "--limit: -1 is out of range (allowed: 0 to 1000000)"},
      {"4294967296", count, "--limit: 4294967296 is out of range (allowed: 0 to 1000000)"},
      {"18446744073709551617", count, "is out of range"},
      {"1e999", count, "is out of range"},
      {"2.5", count, "--limit: '2.5' is not a whole number (allowed: 0 to 1000000)"},
      {"abc", count, "'abc' is not a whole number"},
      {"", count, "'' is not a whole number"},
      {"10x", count, "'10x' is not a whole number"},
      {" 10", count, "is not a whole number"},
      {"0x10", count, "is not a whole number"},
      {"nan", days, "--limit: 'nan' is not a number (allowed: 0 to 100000)"},
      {"inf", days, "is not a number"},
      {"-3", days, "-3 is out of range (allowed: 0 to 100000)"},
      {"+-3", days, "is not a number"},
  };
  for (const auto& c : bad) {
    INFO(c.text);
    CHECK_THAT(usage_error_of([&] { parse_number("--limit", c.text, c.range); }), Contains(c.message));
  }
}

TEST_CASE("sizes take K, M and G and refuse overflow instead of wrapping", "[options]") {
  const NumberRange bytes{1, 1024.0 * 1024 * 1024 * 1024};
  struct Good {
    const char* text;
    std::size_t expected;
  };
  const Good good[] = {{"4096", 4096},
                       {"500K", 500 * 1024},
                       {"10M", 10 * 1024 * 1024},
                       {"1.5G", 1536ull * 1024 * 1024},
                       {"1KB", 1024},
                       {"1024G", 1024ull * 1024 * 1024 * 1024}};
  for (const auto& c : good) {
    INFO(c.text);
    CHECK(parse_byte_size("--max-file-size", c.text, bytes) == c.expected);
  }
  struct Bad {
    const char* text;
    const char* message;
  };
  const Bad bad[] = {
      {"99999999999999999999G",
       "--max-file-size: 99999999999999999999G is out of range (allowed: 1 to 1099511627776 bytes)"},
      {"1025G", "out of range"},
      {"0", "out of range"},
      {"0.1", "out of range"},
      {"-5M", "out of range"},
      {"10T", "unknown unit 'T'"},
      {"M", "is not a size"},
      {"nanM", "unknown unit"},
      {"", "is not a size"},
  };
  for (const auto& c : bad) {
    INFO(c.text);
    CHECK_THAT(usage_error_of([&] { parse_byte_size("--max-file-size", c.text, bytes); }), Contains(c.message));
  }
}

// The command line and batch JSON requests go through the same table and the same checks: what one
// refuses, the other refuses too (a negative recency_boost used to pass in JSON).
TEST_CASE("every request number is checked alike on the command line and in batch JSON", "[options][batch]") {
  struct Case {
    const char* value;  // as command-line text and as a JSON number
    bool accepted;
  };
  const Case cases[] = {{"0", true},   {"5", true},      {"-1", false}, {"4294967296", false},
                        {"-5", false}, {"1e100", false}, {"2.5", false}};
  for (const auto& number : request_numbers()) {
    for (const auto& c : cases) {
      bool fraction_allowed = !number.range.whole && std::string(c.value) == "2.5";
      bool zero_refused = number.range.least > 0 && std::string(c.value) == "0";
      bool accepted = (c.accepted || fraction_allowed) && !zero_refused;
      INFO(number.option << " " << c.value);
      SearchRequest request;
      auto command_line = usage_error_of([&] { set_request_number(request, number.option, c.value); });
      CHECK((command_line == "no error") == accepted);
      if (!accepted) CHECK_THAT(command_line, Contains(std::string(number.option) + ": ") && Contains("allowed: "));
      if (number.json_key.empty()) continue;
      auto line = "{\"" + std::string(number.json_key) + "\": " + c.value + "}";
      auto json = usage_error_of([&] { request_from_line(line, {}); });
      CHECK((json == "no error") == accepted);
      if (!accepted) CHECK_THAT(json, Contains("\"" + std::string(number.json_key) + "\": ") && Contains("allowed: "));
    }
  }
  SearchRequest request;
  set_request_number(request, "--recency-boost", "7.5");
  set_request_number(request, "--offset", "20");
  CHECK(request.recency_half_life_days == 7.5);
  CHECK(request.offset == 20);
  CHECK(request_from_line(R"({"recency_boost": 2.5, "limit": 3})", {}).recency_half_life_days == 2.5);
  CHECK_THAT(usage_error_of([] { request_from_line(R"({"limit": "5"})", {}); }),
             Contains("\"limit\" must be a number (allowed: 0 to 1000000)"));
  CHECK_THAT(usage_error_of([] { request_from_line(R"({"recency_boost": -3})", {}); }),
             Contains("\"recency_boost\": -3 is out of range"));
}

TEST_CASE("number lists check each number's range", "[options][bm25][expand]") {
  CHECK_THAT(usage_error_of([] { parse_bm25("1,0,1,2"); }), Contains("--bm25 b: 2 is out of range (allowed: 0 to 1)"));
  CHECK_THAT(usage_error_of([] { parse_bm25("nan"); }), Contains("--bm25 k1: 'nan' is not a number"));
  CHECK_THAT(usage_error_of([] { parse_bm25("inf"); }), Contains("--bm25 k1"));
  CHECK_THAT(usage_error_of([] { parse_bm25("1,2,3,0.5,1,6"); }), Contains("--bm25 takes at most 5 numbers"));
  CHECK_THAT(usage_error_of([] { parse_expansion("4294967297"); }),
             Contains("--expand terms: 4294967297 is out of range"));
  CHECK_THAT(usage_error_of([] { parse_expansion("5,5,-1"); }), Contains("--expand weight: -1 is out of range"));
}
