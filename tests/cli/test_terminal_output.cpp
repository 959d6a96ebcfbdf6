// Text from articles and files reaches the terminal with its control characters escaped: a scraped
// page with "\x1b]0;pwned\x07" in its title (sets the terminal's title) or "\x1b[2J" in its body
// (clears the screen) was printed raw by text-mode search. Indexed by the real newsdex-index from a
// text page, a JSON Lines export (URL, author, source, people, places) and a file whose name holds an
// escape sequence; searched by the real newsdex-search, without a terminal (so without colour), with
// --color always, and as JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/support.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

const std::string title_attack = "\x1b]0;pwned\x07";  // OSC: set the window title
const std::string clear_screen = "\x1b[2J";
const std::string c1_csi = "\xc2\x9b";  // U+009B, CSI as a C1 control

struct Collection {
  TempDir dir{"terminal-output"};
  std::filesystem::path db = dir.path() / "db";
  Collection() {
    auto in = dir.path() / "in";
    write_file(in / "page.txt", "2024-11-05\nHarbour " + title_attack + "strike " + clear_screen +
                                    " ends\n\nDock workers ended the strike " + clear_screen + " at the harbour " +
                                    title_attack + " after eleven days of talks.\n\nThe union said wages would rise." +
                                    c1_csi + "31m\n");
    write_file(in / "export.jsonl",
               R"({"title": "Harbour \u001b]0;pwned\u0007 news", "body": "Harbour workers \u001b[2J said the strike )"
               R"(\u009b2J\tis over.\nThey went back to work on Monday.", "url": "https://x.example/\u001b[2Jpage", )"
               R"("author": "Ann \u001b[31mRed", "source": "Wire \u001b]0;t\u0007", "date": "2024-11-06", )"
               R"("people": ["Zed \u001b]0;pwned\u0007Evil"], "places": ["Port\u001b[2J Town"]})"
               "\n");
    write_file(in / ("evil" + title_attack + "name.txt"),
               "2024-11-08\nHarbour opens\n\nThe harbour opened again on Friday after the long strike.\n");
    auto indexed =
        run_command(shell_quote(index_bin()) + " -q --db " + shell_quote(db.string()) + " " + shell_quote(in.string()));
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
  }
  CommandResult search(const std::string& args) const {
    auto result = run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " " + args);
    INFO(args << "\n" << result.err);
    REQUIRE(result.exit_code == 0);
    return result;
  }
};

// Control characters the terminal could obey: C0 but the line ends the printer writes, DEL, and C1
// (U+0080-U+009F, C2 80..C2 9F in UTF-8).
std::size_t raw_controls(const std::string& text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if ((c < 0x20 && c != '\n') || c == 0x7F || c1) ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("text output: control characters from articles and file names are shown escaped", "[cli][search][terminal]") {
  Collection collection;
  auto text = collection.search("--facet person,place,source harbour").out;
  CHECK(raw_controls(text) == 0);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  // Shown, escaped, in every field that has them: title, snippet, source, URL, path and id, facets.
  for (const char* shown : {
           ". Harbour \\x1B]0;pwned\\x07 news",                 // title
           "Harbour workers \\x1B[2J said the strike \\x9B2J",  // snippet, with a C1 control
           "2024-11-06 | Wire \\x1B]0;t\\x07",                  // source
           "https://x.example/\\x1B[2Jpage  [docid",            // the id (url:...) is not repeated
           "evil\\x1B]0;pwned\\x07name.txt",                    // path
           "Harbour \\x1B]0;pwned\\x07strike \\x1B[2J ends",
           "  1  Zed \\x1B]0;pwned\\x07Evil",  // facets
           "  1  Port\\x1B[2J Town",
       }) {
    INFO(shown);
    CHECK(text.find(shown) != std::string::npos);
  }

  // With colour, the printer's own sequences are the only escape sequences left.
  auto colored = collection.search("--color always --facet person harbour").out;
  CHECK(colored.find("\x1b[1;33m") != std::string::npos);
  auto without_own = std::regex_replace(colored, std::regex("\x1b\\[(0|1|2|1;33)m"), "");
  CHECK(raw_controls(without_own) == 0);
  CHECK(without_own.find("\\x1B]0;pwned\\x07") != std::string::npos);
}

TEST_CASE("JSON output: control characters are escaped as JSON escapes", "[cli][search][terminal]") {
  Collection collection;
  for (const char* format : {"--json", "--jsonl"}) {
    INFO(format);
    auto out = collection.search(std::string(format) + " harbour").out;
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(out.find("\\u001b]0;pwned\\u0007") != std::string::npos);
  }
  auto response = json::parse(collection.search("--json --limit 10 harbour").out);
  bool found = false;
  for (const auto& hit : response["results"]) found = found || hit["title"] == "Harbour " + title_attack + " news";
  CHECK(found);  // the text itself is kept: escaping is for display only
}
