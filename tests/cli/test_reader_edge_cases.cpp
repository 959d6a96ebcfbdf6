// Reader edge cases through the real newsdex-index: two different articles under one url in one
// export, and text pages with old Mac (CR) line ends.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

std::string index_command(const fs::path& db, const std::string& options, const fs::path& input) {
  return shell_quote(index_bin()) + " --db " + shell_quote(db.string()) + " --json " + options + " " +
         shell_quote(input.string());
}

std::string article_line(const std::string& url, const std::string& title, const std::string& word) {
  return nlohmann::json{{"url", url},
                        {"title", title},
                        {"date", "2024-11-22"},
                        {"body", "The council met on Tuesday to discuss the " + word + " plan for the harbour.\n\n"
                                 "Residents said the " + word + " plan would change the waterfront."}}
             .dump() +
         "\n";
}

}  // namespace

TEST_CASE("two different articles with the same url in one export are both indexed, stably", "[cli][json]") {
  TempDir dir("shared-url");
  const auto input = dir.path() / "export.jsonl";
  const auto db = dir.path() / "db";
  const std::string url = "https://news.example/story";
  write_file(input, article_line(url, "First story", "zzfirst") + article_line(url, "Second story", "zzsecond") +
                        article_line(url, "First story", "zzfirst"));  // a copy of the first
  auto first = run_command(index_command(db, "", input));
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.err.find("export.jsonl:2: warning: same url as line 1 but another article") != std::string::npos);
  CHECK(Xapian::Database(db.string()).get_doccount() == 2);
  for (const char* word : {"zzfirst", "zzsecond"}) {
    auto found = run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " --json " + word);
    CHECK(nlohmann::json::parse(found.out)["matches"]["estimated"] == 1);
  }
  // Re-runs: nothing changed, nothing re-indexed; forced, the same two articles again.
  auto again = nlohmann::json::parse(run_command(index_command(db, "", input)).out);
  CHECK(again["files"]["unchanged"] == 1);
  auto forced = run_command(index_command(db, "--force", input));
  REQUIRE(forced.exit_code == 0);
  CHECK(Xapian::Database(db.string()).get_doccount() == 2);
}

TEST_CASE("text pages with CR-only line ends index as with LF line ends", "[cli][text]") {
  TempDir dir("cr-pages");
  std::size_t pages = 0;
  for (const auto& entry : fs::directory_iterator(source_dir() / "corpus" / "text")) {
    auto text = read_file(entry.path());
    write_file(dir.path() / "lf" / entry.path().filename(), text);
    for (auto& c : text)
      if (c == '\n') c = '\r';
    write_file(dir.path() / "cr" / entry.path().filename(), text);
    ++pages;
  }
  REQUIRE(pages > 10);
  auto dump = [&](const std::string& folder) {
    auto result = run_command(shell_quote(index_bin()) + " --dump --entities none " +
                              shell_quote((dir.path() / folder).string()));
    REQUIRE(result.exit_code == 0);
    return result.out;
  };
  auto lf = dump("lf"), cr = dump("cr");
  auto normalised = [&](std::string text, const std::string& folder) {
    for (auto at = text.find("/" + folder + "/"); at != std::string::npos; at = text.find("/" + folder + "/", at))
      text.replace(at, folder.size() + 2, "/page/");
    return text;
  };
  CHECK(normalised(cr, "cr") == normalised(lf, "lf"));
  CHECK(lf.find("\"title\": \"\"") == std::string::npos);
  CHECK(lf.find("\"published\": \"\"") == std::string::npos);
}
