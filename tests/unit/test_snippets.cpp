// Highlighting and passage selection: pure functions over text and a parsed query.
#include <catch2/catch.hpp>

#include "common/query/query.hpp"
#include "common/search/snippets.hpp"

using namespace newsdex;

namespace {

Highlighter highlighter_for(const std::string& text) {
  auto query = build_query(text);
  return Highlighter(highlight_terms(query.query, query.wildcards));
}

// The highlighted parts of a text, in order.
std::vector<std::string> marked(std::string_view text, const std::vector<TextRange>& ranges) {
  std::vector<std::string> parts;
  for (const auto& range : ranges) parts.emplace_back(text.substr(range.begin, range.end - range.begin));
  return parts;
}

using Parts = std::vector<std::string>;

}  // namespace

TEST_CASE("matched words are highlighted in every stemmed form", "[snippets]") {
  struct Case {
    const char* query;
    const char* text;
    Parts expected;
  };
  const Case cases[] = {
      {"hostages", "A hostage and two Hostages were freed.", {"hostage", "Hostages"}},
      {"released", "Releasing them, they released three.", {"Releasing", "released"}},  // both stem to "releas"
      {"release", "Releasing them, they released three.", {"Releasing", "released"}},
      {"Netanyahu", "Netanyahu’s office and netanyahu said", {"Netanyahu’s", "netanyahu"}},
      {"\"king of Jordan\"", "The king of Jordan met a king from Jordan.", {"king of Jordan"}},
      {"\"king of Jordan\" visit", "A visit: the King of  Jordan, the king.", {"visit", "King of  Jordan"}},
      // Words that cannot match (here: no query word starts like them) still part a phrase's words.
      {"\"oil price\"", "oil, yes, price; oil and price; oil oil price", {"oil price"}},
      {"\"oil price\"", "oil zzz price oil-price", {"oil-price"}},
      {"hostag*", "hostage, hostages and hostility", {"hostage", "hostages"}},
      {"gaza NOT doha", "Gaza and Doha", {"Gaza"}},  // excluded words are not highlighted
      {"gaza -doha", "Gaza and Doha", {"Gaza"}},
      {"gaza person:doha", "Gaza and Doha", {"Gaza"}},  // filters are not words of the text
      {"Zoë", "ZOË and zoe", {"ZOË"}},
  };
  for (const auto& c : cases) {
    INFO(c.query << " in " << c.text);
    auto highlighter = highlighter_for(c.query);
    CHECK(marked(c.text, highlighter.matches(c.text)) == c.expected);
  }
}

TEST_CASE("title: words are highlighted in the title only", "[snippets]") {
  auto highlighter = highlighter_for("title:strike harbour");
  CHECK(marked("Strike at the harbour", highlighter.title("Strike at the harbour").highlights) ==
        Parts{"Strike", "harbour"});
  CHECK(marked("The strike at the harbour", highlighter.matches("The strike at the harbour")) == Parts{"harbour"});
}

TEST_CASE("the snippet is the passage with the most distinct query words", "[snippets]") {
  auto highlighter = highlighter_for("hostages doha");
  std::vector<std::string_view> blocks{
      "The weather was fine.", "Hostages were mentioned here, and hostages again.",
      "Talks in Doha about the hostages went on all night."};
  auto snippet = highlighter.snippet(blocks, 200);
  CHECK(snippet.text == "Talks in Doha about the hostages went on all night.");
  CHECK(marked(snippet.text, snippet.highlights) == Parts{"Doha", "hostages"});
}

TEST_CASE("a long passage is cut to the length at word boundaries with ellipses", "[snippets]") {
  auto highlighter = highlighter_for("harbour");
  std::string block = "Workers gathered early in the morning near the gates while the union leaders spoke at length "
                      "about wages, and then the harbour fell silent as the strike began in earnest that day for "
                      "everyone who worked there.";
  auto snippet = highlighter.snippet({block}, 60);
  INFO(snippet.text);
  CHECK(snippet.text.rfind("\u2026", 0) == 0);                                // cut at the start
  CHECK(snippet.text.size() >= 3);
  CHECK(snippet.text.substr(snippet.text.size() - 3) == "\u2026");            // and at the end
  CHECK(marked(snippet.text, snippet.highlights) == Parts{"harbour"});
  std::size_t code_points = 0;
  for (unsigned char c : snippet.text) code_points += (c & 0xC0) != 0x80;
  CHECK(code_points <= 62);  // the length plus two ellipses
  CHECK(snippet.text.find("  ") == std::string::npos);
  CHECK(snippet.text.substr(3, 1) != " ");
}

TEST_CASE("with no match the snippet is the start of the article", "[snippets]") {
  auto highlighter = highlighter_for("zebra");
  auto snippet = highlighter.snippet({"", "First paragraph here.", "Second."}, 100);
  CHECK(snippet.text == "First paragraph here.");
  CHECK(snippet.highlights.empty());
  CHECK(highlighter.snippet({"anything"}, 0).text.empty());
}

TEST_CASE("ranges convert to code point offsets and render with markers", "[snippets]") {
  HighlightedText text{"Zoë met Zoë", {{0, 4}, {9, 13}}};  // "Zoë" is 4 bytes, 3 code points
  auto ranges = code_point_ranges(text);
  REQUIRE(ranges.size() == 2);
  CHECK(ranges[0] == std::pair<std::size_t, std::size_t>{0, 3});
  CHECK(ranges[1] == std::pair<std::size_t, std::size_t>{8, 11});
  CHECK(render(text, "[", "]") == "[Zoë] met [Zoë]");
}

TEST_CASE("words are split and lower-cased as Xapian does, ASCII read without it", "[snippets]") {
  for (unsigned ch = 0; ch < 0x80; ++ch) {
    if (ch == '\'') continue;  // joins words when inside one: the cases below
    std::string text = "ab" + std::string(1, static_cast<char>(ch)) + "cd";
    auto highlighter = highlighter_for("ab");
    bool joins = Xapian::Unicode::is_wordchar(ch);
    INFO("character " << ch);
    // "ab?cd" is one word (not "ab") when the middle character is a word character.
    CHECK(highlighter.matches(text).empty() == joins);
    if (joins)
      CHECK(highlighter_for(std::string("ab") + static_cast<char>(Xapian::Unicode::tolower(ch)) + "cd")
                .matches(text)
                .size() == 1);
  }
  const std::pair<const char*, Parts> cases[] = {
      {"O'Brien o\xe2\x80\x99" "brien obrien", {"O'Brien", "o\xe2\x80\x99" "brien"}},  // inner apostrophes kept
      {"ZO\xc3\x8b \xff zo\xc3\xab", {"ZO\xc3\x8b", "zo\xc3\xab"}},                         // invalid byte between words
  };
  auto highlighter = highlighter_for("o'brien zoë");
  for (const auto& [text, expected] : cases) CHECK(marked(text, highlighter.matches(text)) == expected);
}
