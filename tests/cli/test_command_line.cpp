// Black-box tests of the command line both programs share (issue 17, items 6 and 7): -V, the exit
// codes in --help, '--' before paths and queries starting with '-', missing and empty inputs (no
// database made), the database's own language, how per-file warnings are summarised (--quiet,
// --verbose), and forced re-runs over duplicates.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "common/base/exit_codes.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string dated_page(const std::string& title, const std::string& word) {
  return "2024-03-04\n\n" + title + "\n\nThe harbour board met on Monday to settle the " + word +
         " question for the coming season.\n\nFishermen said the " + word + " answer came late but was welcome.\n";
}

// A page with no date line: each gives the warning "no publication date found".
std::string undated_page(const std::string& title, const std::string& word) {
  return title + "\n\nThe harbour board met on Monday to settle the " + word +
         " question for the coming season.\n\nFishermen said the " + word + " answer came late but was welcome.\n";
}

CommandResult index_run(const fs::path& db, const std::string& args) {
  return run_command(shell_quote(index_bin()) + " --db " + shell_quote(db.string()) + " " + args);
}

json summary_of(const CommandResult& result) {
  INFO(result.err);
  auto summary = json::parse(result.out, nullptr, false);
  REQUIRE(summary.is_object());
  return summary;
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("both programs print their version with -V and their exit codes with --help", "[cli]") {
  struct Program {
    std::string bin, name;
    newsdex::Program which;
  };
  for (const auto& program : {Program{index_bin(), "newsdex-index", newsdex::Program::index},
                              Program{search_bin(), "newsdex-search", newsdex::Program::search}}) {
    INFO(program.name);
    auto version = run_command(shell_quote(program.bin) + " -V");
    CHECK(version.exit_code == 0);
    CHECK(version.out.starts_with(program.name + " 0."));
    auto help = run_command(shell_quote(program.bin) + " --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Exit codes:") != std::string::npos);
    for (const auto& meaning : newsdex::exit_code_meanings()) {
      auto what = program.which == newsdex::Program::index ? meaning.index : meaning.search;
      auto line = std::to_string(static_cast<int>(meaning.code)) + "  " + std::string(meaning.name) + ": ";
      INFO(line);
      CHECK((help.out.find(line) != std::string::npos) == !what.empty());
    }
    CHECK(help.out.find("'--'") != std::string::npos);
  }
}

TEST_CASE("newsdex-index reads a path that starts with '-' after '--'", "[cli][indexer]") {
  TempDir dir("dash-path");
  write_file(dir.path() / "-drafts" / "a.txt", dated_page("Drafts", "zzdash"));
  auto db = dir.path() / "db";
  auto in = "cd " + shell_quote(dir.path().string()) + " && " + shell_quote(index_bin()) + " --json --db db ";
  auto without = run_command(in + "-drafts");
  CHECK(without.exit_code == 2);
  CHECK_FALSE(fs::exists(db));
  auto with = run_command(in + "-- -drafts");
  INFO(with.err);
  REQUIRE(with.exit_code == 0);
  CHECK(summary_of(with)["articles"]["added"] == 1);
  auto found = run_command(shell_quote(search_bin()) + " --count --db " + shell_quote(db.string()) + " -- zzdash");
  CHECK(found.out == "1\n");
}

TEST_CASE("a missing path or a folder with nothing to index fails before any database is made", "[cli][indexer]") {
  TempDir dir("nothing-to-index");
  fs::create_directories(dir.path() / "empty");
  write_file(dir.path() / "pictures" / "a.jpg", "not an article");
  struct Case {
    std::string input, message;
  };
  const Case cases[] = {
      {"missing", "missing: cannot read: no such file or folder"},
      {"empty", "empty: empty folder: no file to index"},
      {"pictures", "pictures: no file to index: 1 files of other types passed over (--all-files reads them)"},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    auto db = dir.path() / ("db-" + c.input);
    auto result = index_run(db, shell_quote((dir.path() / c.input).string()));
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(c.message) != std::string::npos);
    CHECK(result.err.find("nothing to index in the paths given: database " + db.string() + " not created") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(db));
  }

  // Beside a folder that has articles, an empty folder fails the run (exit 1) and --prune keeps the
  // articles indexed from it: an unmounted drive looks like an empty folder.
  write_file(dir.path() / "news" / "a.txt", dated_page("News", "zznews"));
  write_file(dir.path() / "archive" / "b.txt", dated_page("Archive", "zzarchive"));
  auto db = dir.path() / "db";
  REQUIRE(index_run(db, "-q " + shell_quote((dir.path() / "news").string()) + " " +
                            shell_quote((dir.path() / "archive").string()))
              .exit_code == 0);
  fs::remove(dir.path() / "archive" / "b.txt");
  auto run = index_run(db, "--json --prune " + shell_quote((dir.path() / "news").string()) + " " +
                               shell_quote((dir.path() / "archive").string()));
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("archive: empty folder: no file to index") != std::string::npos);
  CHECK(summary_of(run)["files"]["pruned"] == 0);
  auto kept = run_command(shell_quote(search_bin()) + " --count --db " + shell_quote(db.string()) + " zzarchive");
  CHECK(kept.out == "1\n");
}

TEST_CASE("without --language a run uses the language the database was built with", "[cli][indexer]") {
  TempDir dir("database-language");
  write_file(dir.path() / "in" / "a.txt", dated_page("Port", "zzport"));
  auto db = dir.path() / "db";
  auto in = shell_quote((dir.path() / "in").string());
  REQUIRE(index_run(db, "-q --language french " + in).exit_code == 0);
  write_file(dir.path() / "in" / "b.txt", dated_page("Quay", "zzquay"));
  auto again = index_run(db, "--json " + in);
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(summary_of(again)["articles"]["added"] == 1);
  auto stats = run_command(shell_quote(index_bin()) + " stats --json --db " + shell_quote(db.string()));
  CHECK(json::parse(stats.out)["language"] == "french");
  auto other = index_run(db, "--force --language english " + in);
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("was built with --language french, not english (leave --language out") != std::string::npos);
  // A new database without --language is english.
  auto fresh = dir.path() / "fresh";
  REQUIRE(index_run(fresh, "-q " + in).exit_code == 0);
  stats = run_command(shell_quote(index_bin()) + " stats --json --db " + shell_quote(fresh.string()));
  CHECK(json::parse(stats.out)["language"] == "english");
}

TEST_CASE("per-file warnings are one line per kind unless --verbose, and --quiet prints errors only",
          "[cli][indexer]") {
  TempDir dir("warning-digest");
  auto in = dir.path() / "in";
  for (int i = 0; i < 7; ++i)
    write_file(in / ("u" + std::to_string(i) + ".txt"),
               undated_page("Undated " + std::to_string(i), "zzu" + std::string(1, char('a' + i))));
  write_file(in / "empty.txt", "");
  auto inputs = shell_quote(in.string()) + " " + shell_quote((dir.path() / "gone").string());
  const std::string undated = ": warning: no publication date found: recorded as missing";
  const std::string missing = "gone: cannot read: no such file or folder";

  auto normal = index_run(dir.path() / "db1", inputs);
  CHECK(normal.exit_code == 1);
  CHECK(count_of(normal.err, undated) == 0);
  CHECK(count_of(normal.err, "warning: no publication date found: 7 times, first at " + (in / "u0.txt:1").string() +
                                 ", " + (in / "u1.txt:1").string() + ", " + (in / "u2.txt:1").string() +
                                 " (--verbose shows each)") == 1);
  CHECK(count_of(normal.err, "empty.txt: skipped: empty file") == 1);  // a kind met once: in full
  CHECK(count_of(normal.err, missing) == 1);
  CHECK(normal.err.find("7 added") != std::string::npos);

  auto verbose = index_run(dir.path() / "db2", "--verbose " + inputs);
  CHECK(verbose.exit_code == 1);
  CHECK(count_of(verbose.err, undated) == 7);
  CHECK(count_of(verbose.err, "warning: no publication date found: 7 times") == 1);
  CHECK(verbose.err.find("--verbose shows each") == std::string::npos);

  auto quiet = index_run(dir.path() / "db3", "--quiet " + inputs);
  CHECK(quiet.exit_code == 1);
  CHECK(quiet.err == "newsdex-index: " + (dir.path() / "gone").string() + ": cannot read: no such file or folder\n");

  CHECK(index_run(dir.path() / "db4", "-q -v " + inputs).exit_code == 2);
}

TEST_CASE("forced re-runs over duplicates report what the first run did and do not grow the database",
          "[cli][indexer][duplicates]") {
  TempDir dir("forced-duplicates");
  auto in = dir.path() / "in";
  for (const char* name : {"c1.txt", "c2.txt", "c3.txt"}) write_file(in / name, dated_page("Copy", "zzcopy"));
  write_file(in / "other.txt", dated_page("Other", "zzother"));
  write_file(in / "more.txt", dated_page("More", "zzmore"));
  auto db = dir.path() / "db";
  auto first = summary_of(index_run(db, "--json " + shell_quote(in.string())));
  CHECK(first["articles"]["added"] == 3);
  CHECK(first["articles"]["duplicates"] == 2);
  auto size = folder_bytes(db);
  for (int run = 1; run <= 3; ++run) {
    INFO("forced run " << run);
    auto forced = summary_of(index_run(db, "--json --force " + shell_quote(in.string())));
    CHECK(forced["articles"]["added"] == 0);
    CHECK(forced["articles"]["updated"] == 3);
    CHECK(forced["articles"]["duplicates"] == 2);
    CHECK(forced["articles"]["deleted"] == 0);
    CHECK(forced["compacted"] == true);
    CHECK(folder_bytes(db) <= size + size / 5);
    auto stats =
        json::parse(run_command(shell_quote(index_bin()) + " stats --json --db " + shell_quote(db.string())).out);
    CHECK(stats["articles"] == 3);
    CHECK(stats["duplicate_locations"] == 2);
  }
  auto found =
      json::parse(run_command(shell_quote(search_bin()) + " --json --db " + shell_quote(db.string()) + " zzcopy").out);
  REQUIRE(found["results"].size() == 1);
  CHECK(found["results"][0]["path"].get<std::string>().ends_with("c1.txt"));
  CHECK(found["results"][0]["duplicates"].size() == 2);
}
