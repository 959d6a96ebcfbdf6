// Black-box tests of issue 17, item 7, through the real binaries: a headline about copyright is kept
// in every input format, `compact` on its own, and the text output (titles never empty, each path
// once, duplicate locations, no wrapping when piped).
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string headline = "Copyright row over festival song heads to court";
const std::string paragraphs[] = {
    "The organisers of the Lantern Festival will face a songwriter in court next month over the use of her song "
    "in the closing parade, lawyers said on Thursday.",
    "The songwriter says the festival never asked for permission and has refused an offer of payment made after "
    "the parade.",
    "A hearing is set for June 12 at the county court in Saltrey.",
};

std::string search(const fs::path& db, const std::string& args) {
  auto result = run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " " + args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return result.out;
}

}  // namespace

TEST_CASE("a headline that mentions copyright is the title in every input format", "[cli][cleaner]") {
  TempDir dir("copyright-headline");
  auto in = dir.path() / "in";
  // Each format's copy ends differently: identical bodies would be indexed once (duplicates).
  write_file(in / "page.txt", "2024-05-02\n\n" + headline + "\n\n" + paragraphs[0] + "\n\n" + paragraphs[1] +
                                  " It came by post.\n\n" + paragraphs[2] + "\n");
  write_file(in / "page.html", "<html><head><title>" + headline + "</title></head><body><article><h1>" + headline +
                                   "</h1><p>" + paragraphs[0] + "</p><p>" + paragraphs[1] +
                                   " It came by email.</p><p>" + paragraphs[2] + "</p></article></body></html>\n");
  json record = {{"title", headline},
                 {"date", "2024-05-02"},
                 {"url", "https://x.example/copyright-row"},
                 {"body", paragraphs[0] + "\n\n" + paragraphs[1] + " It came by fax.\n\n" + paragraphs[2]}};
  write_file(in / "export.jsonl", record.dump() + "\n");
  // A crosshead about copyright near the end of an article is no footer either.
  write_file(in / "crosshead.txt", "2024-05-03\n\nFestival loses appeal\n\n" + paragraphs[0] + "\n\n" + paragraphs[1] +
                                       "\n\nCopyright claims\n\n" + paragraphs[2] + "\n");
  auto db = dir.path() / "db";
  auto indexed = run_command(shell_quote(index_bin()) + " -q --no-compact --db " + shell_quote(db.string()) + " " +
                             shell_quote(in.string()));
  INFO(indexed.err);
  REQUIRE(indexed.exit_code == 0);
  auto found = json::parse(search(db, "--json --no-collapse --sort oldest --limit 10 'title:copyright'"));
  REQUIRE(found["results"].size() == 3);
  for (const auto& result : found["results"]) {
    INFO(result["path"]);
    CHECK(result["title"] == headline);
  }
  auto crosshead = json::parse(search(db, "--json 'title:appeal'"));
  REQUIRE(crosshead["results"].size() == 1);
  CHECK(search(db, "--count 'hearing county court'") == "4\n");
}

TEST_CASE("newsdex-index compact compacts a database on its own and refuses a missing one", "[cli][indexer][compact]") {
  TempDir dir("compact-command");
  auto in = dir.path() / "in";
  for (int i = 0; i < 20; ++i)
    write_file(in / ("a" + std::to_string(i) + ".txt"),
               "2024-02-0" + std::to_string(1 + i % 9) + "\n\nStory " + std::to_string(i) +
                   "\n\nThe harbour council met to discuss ferry timetable number " + std::to_string(i) +
                   " and the berth fees.\n\nTraders said fee " + std::to_string(i) + " was too high for the winter.\n");
  auto db = dir.path() / "db";
  auto index = shell_quote(index_bin()) + " --db " + shell_quote(db.string()) + " ";
  REQUIRE(run_command(index + "-q " + shell_quote(in.string())).exit_code == 0);
  REQUIRE(run_command(index + "-q --force --no-compact " + shell_quote(in.string())).exit_code == 0);
  auto bloated = folder_bytes(db);
  auto before = search(db, "--json --limit 50 harbour");

  auto compacted = run_command(shell_quote(index_bin()) + " compact --json --db " + shell_quote(db.string()));
  INFO(compacted.err);
  REQUIRE(compacted.exit_code == 0);
  auto sizes = json::parse(compacted.out);
  CHECK(sizes["bytes_before"] == bloated);
  CHECK(sizes["bytes_after"] < bloated);
  CHECK(folder_bytes(db) < bloated);
  std::size_t versions = 0;
  for (const auto& entry : fs::directory_iterator(db))
    versions += entry.path().filename().string().starts_with("version-");
  CHECK(versions == 1);
  auto after = json::parse(search(db, "--json --limit 50 harbour"));
  CHECK(after["total"] == json::parse(before)["total"]);
  CHECK(after["results"].size() == 20);

  // --compact without paths does the same; text on stderr.
  auto again = run_command(index + "--compact");
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("newsdex-index: compacted " + db.string() + ": ") != std::string::npos);

  auto missing = dir.path() / "missing";
  auto refused = run_command(shell_quote(index_bin()) + " compact --db " + shell_quote(missing.string()));
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find("no database at " + missing.string()) != std::string::npos);
  CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("text output: a title for every result, each path once, duplicates shown, no wrapping when piped",
          "[cli][search][terminal]") {
  TempDir dir("tidy-text");
  auto in = dir.path() / "in";
  std::string long_body =
      "The quick harbour board met on Monday to settle the zzferry question for the coming season and the "
      "seasons after it, a question that has divided the town for longer than anyone on the board can remember.";
  write_file(in / "untitled.txt", "2024-01-02\n\n" + long_body + "\n\nMore text follows in a second paragraph.\n");
  for (const char* name : {"copy1.txt", "copy2.txt"})
    write_file(in / name,
               "2024-01-03\n\nTwin story\n\nThe zztwin story was printed by two papers on the same "
               "day, word for word.\n");
  auto db = dir.path() / "db";
  REQUIRE(
      run_command(shell_quote(index_bin()) + " -q --db " + shell_quote(db.string()) + " " + shell_quote(in.string()))
          .exit_code == 0);

  auto untitled = search(db, "zzferry");
  CHECK(untitled.find("1. The quick harbour board met on Monday to settle the\xE2\x80\xA6\n") != std::string::npos);
  auto path = (in / "untitled.txt").string();
  CHECK(untitled.find("   " + path + "  [docid ") != std::string::npos);
  std::size_t times = 0;
  for (auto at = untitled.find(path); at != std::string::npos; at = untitled.find(path, at + 1)) ++times;
  CHECK(times == 1);
  // Piped: the snippet (200 characters) stays one line, wider than any terminal default.
  std::istringstream lines(untitled);
  std::size_t longest = 0;
  for (std::string line; std::getline(lines, line);) longest = std::max(longest, line.size());
  CHECK(longest > 150);

  auto twins = search(db, "zztwin");
  CHECK(twins.find("   also at: " + (in / "copy2.txt").string() + "\n") != std::string::npos);
}
