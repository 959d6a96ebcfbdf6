// File names and folders that a walk cannot take at face value: names that are not valid UTF-8 or hold
// control characters, sub-folders and files that cannot be read, inputs that are missing; and a
// database that cannot be read (exit 5 with the reason, never "no database, create one"). Real binaries, real
// files: such a name is indexed, shown escaped and recognised on the next run; nothing is pruned or
// replaced because a read failed (docs/reliability.md, docs/indexing.md "File names").
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/reliability/index_checks.hpp"
#include "tests/reliability/unprivileged.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

// A page without a URL: its id is "file:<path>#0", so the path is in the id too.
std::string page(const std::string& title, const std::string& word) {
  return "2023-05-04\n\n" + title + "\n\nThe harbour board met on Monday to settle the " + word +
         " question for the coming season.\n\nFishermen said the " + word + " answer came late but was welcome.\n";
}

CommandResult index_run(const std::string& prefix, const fs::path& db, const std::string& args) {
  return run_command(prefix + shell_quote(index_bin()) + " --json --db " + shell_quote(db.string()) + " " + args);
}

nlohmann::json summary_of(const CommandResult& result) {
  auto summary = nlohmann::json::parse(result.out, nullptr, false);
  REQUIRE(summary.is_object());
  return summary;
}

nlohmann::json search_json(const fs::path& db, const std::string& query) {
  auto result =
      run_command(shell_quote(search_bin()) + " --json --db " + shell_quote(db.string()) + " " + shell_quote(query));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

// Restores a mode at the end of the test, whatever happens, so the temporary folder can be removed.
struct ModeBack {
  fs::path path;
  ~ModeBack() { ::chmod(path.c_str(), 0755); }
};

}  // namespace

TEST_CASE("a file name that is not UTF-8 is indexed, shown escaped, unchanged on a re-run, pruned when gone",
          "[reliability][paths]") {
  TempDir dir("byte-names");
  auto in = dir.path() / "in";
  auto db = dir.path() / "db";
  write_file(in / "plain.txt", page("A plain name", "zzplain"));
  write_file(in / "caf\xE9.txt", page("A Latin-1 name", "zzlatin"));                         // from an old archive
  write_file(in / "esc\x1B[2J\x1B]0;owned\x07\n.txt", page("A hostile name", "zzhostile"));  // would drive a terminal
  auto latin_text = (in / "caf\\xE9.txt").string();
  auto hostile_text = (in / "esc\\x1B[2J\\x1B]0;owned\\x07\\x0A.txt").string();

  auto first = index_run("", db, shell_quote(in.string()));
  INFO("first run: " << first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(summary_of(first)["articles"]["added"] == 3);

  // Stored and shown escaped: the path field, the id, the plain-text search output.
  auto latin = search_json(db, "zzlatin");
  REQUIRE(latin["results"].size() == 1);
  CHECK(latin["results"][0]["path"] == latin_text);
  CHECK(latin["results"][0]["id"] == "file:" + latin_text + "#0");
  auto hostile = search_json(db, "zzhostile");
  REQUIRE(hostile["results"].size() == 1);
  CHECK(hostile["results"][0]["path"] == hostile_text);
  auto text = run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " zzhostile");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find(hostile_text) != std::string::npos);
  CHECK(text.out.find('\x1B') == std::string::npos);

  // The next run recognises both files: nothing re-indexed, nothing twice.
  auto second = index_run("", db, shell_quote(in.string()));
  INFO("second run: " << second.err);
  REQUIRE(second.exit_code == 0);
  auto again = summary_of(second);
  CHECK(again["files"]["unchanged"] == 3);
  CHECK(again["files"]["indexed"] == 0);
  CHECK(again["articles"]["added"] == 0);
  auto contents = read_index(db);
  CHECK(contents.doc_count == 3);
  CHECK(contents.file_records == 3);
  CHECK(contents.ids.count("file:" + latin_text + "#0") == 1);

  // A problem with such a file is reported on one line, its name escaped.
  auto missing = dir.path() / "missing\x1B\xE9.txt";
  auto problem = run_command(shell_quote(index_bin()) + " --dump " + shell_quote(missing.string()));
  CHECK(problem.exit_code == 1);
  CHECK(problem.err == "newsdex-index: " + (dir.path() / "missing\\x1B\\xE9.txt").string() +
                           ": cannot read: no such file or folder\n");

  // Gone from the folder, pruned by the name it was stored under.
  fs::remove(in / "caf\xE9.txt");
  auto pruned = index_run("", db, "--prune " + shell_quote(in.string()));
  INFO("prune run: " << pruned.err);
  REQUIRE(pruned.exit_code == 0);
  CHECK(summary_of(pruned)["files"]["pruned"] == 1);
  CHECK(summary_of(pruned)["articles"]["deleted"] == 1);
  CHECK(read_index(db).doc_count == 2);
  CHECK(integrity_problems(db).empty());
}

TEST_CASE("option --dump prints an article from a file name that is not UTF-8, its path escaped",
          "[reliability][paths]") {
  TempDir dir("byte-names-dump");
  auto file = dir.path() / "caf\xE9.txt";
  write_file(file, page("A Latin-1 name", "zzlatin"));
  auto result = run_command(shell_quote(index_bin()) + " --dump " + shell_quote(file.string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto article = nlohmann::json::parse(result.out, nullptr, false);
  REQUIRE(article.is_object());
  CHECK(article["path"] == (dir.path() / "caf\\xE9.txt").string());
  CHECK(article["title"] == "A Latin-1 name");
}

TEST_CASE("an unreadable sub-folder is reported, fails the run and keeps its articles, with --prune too",
          "[reliability][paths]") {
  TempDir dir("unreadable-folder");
  std::string why_not;
  auto prefix = unprivileged_prefix(dir.path(), why_not);
  if (!prefix) {
    WARN("SKIPPED: no way to make a folder unreadable here: " << why_not);
    return;
  }
  // Each mode stops the walk differently: nothing at all (000), listing without looking inside the
  // entries (r--), entering without listing (--x).
  for (mode_t mode : {0000, 0444, 0111}) {
    INFO("sub-folder mode " << std::oct << mode);
    auto in = dir.path() / ("in-" + std::to_string(mode));
    auto db = dir.path() / ("db-" + std::to_string(mode));
    write_file(in / "top.txt", page("Top", "zztop"));
    write_file(in / "sub" / "one.txt", page("One", "zzone"));
    write_file(in / "sub" / "deeper" / "two.txt", page("Two", "zztwo"));
    auto first = index_run("", db, shell_quote(in.string()));
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    REQUIRE(summary_of(first)["articles"]["added"] == 3);

    ::chmod((in / "sub").c_str(), mode);
    ModeBack restore{in / "sub"};
    for (const char* options : {"", "--prune "}) {
      INFO("options: " << options);
      auto run = index_run(*prefix, db, options + shell_quote(in.string()));
      INFO(run.err);
      CHECK(run.exit_code == 1);
      CHECK(run.err.find(in.string() + "/sub") != std::string::npos);
      CHECK((run.err.find("Permission denied") != std::string::npos));
      auto summary = summary_of(run);
      CHECK(summary["files"]["failed"] >= 1);
      CHECK(summary["files"]["pruned"] == 0);
      CHECK(summary["articles"]["deleted"] == 0);
      auto contents = read_index(db);
      CHECK(contents.doc_count == 3);
      CHECK(contents.file_records == 3);
    }
    // Readable again, the folder is walked completely: what is gone from it now is pruned.
    ::chmod((in / "sub").c_str(), 0755);
    fs::remove(in / "sub" / "deeper" / "two.txt");
    auto readable = index_run(*prefix, db, "--prune " + shell_quote(in.string()));
    INFO(readable.err);
    CHECK(readable.exit_code == 0);
    CHECK(summary_of(readable)["files"]["pruned"] == 1);
    CHECK(read_index(db).doc_count == 2);
  }
}

TEST_CASE("option --prune on a missing input keeps its articles and fails the run, pruning gone files elsewhere",
          "[reliability][paths]") {
  TempDir dir("missing-input");
  auto archive = dir.path() / "archive";  // a drive that will be unmounted, a folder that will be renamed
  auto current = dir.path() / "current";
  auto db = dir.path() / "db";
  write_file(archive / "a.txt", page("Archived A", "zzarchivea"));
  write_file(archive / "2019" / "b.txt", page("Archived B", "zzarchiveb"));
  write_file(current / "c.txt", page("Current C", "zzcurrentc"));
  write_file(current / "d.txt", page("Current D", "zzcurrentd"));
  auto first = index_run("", db, shell_quote(archive.string()) + " " + shell_quote(current.string()));
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(summary_of(first)["articles"]["added"] == 4);

  fs::rename(archive, dir.path() / "archive-renamed");
  fs::remove(current / "d.txt");
  auto run = index_run("", db, "--prune " + shell_quote(archive.string()) + " " + shell_quote(current.string()));
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find(archive.string() + ": cannot read: no such file or folder") != std::string::npos);
  auto summary = summary_of(run);
  CHECK(summary["files"]["pruned"] == 1);  // d.txt, shown gone by a complete walk of its folder
  CHECK(summary["articles"]["deleted"] == 1);
  auto contents = read_index(db);
  CHECK(contents.doc_count == 3);
  CHECK(contents.ids.count("file:" + (archive / "a.txt").string() + "#0") == 1);
  CHECK(contents.ids.count("file:" + (archive / "2019" / "b.txt").string() + "#0") == 1);
  CHECK(contents.ids.count("file:" + (current / "d.txt").string() + "#0") == 0);
}

TEST_CASE("an unreadable input file is reported, fails the run with exit 1 and keeps what was indexed",
          "[reliability][paths]") {
  TempDir dir("unreadable-file");
  std::string why_not;
  auto prefix = unprivileged_prefix(dir.path(), why_not);
  if (!prefix) {
    WARN("SKIPPED: no way to make a file unreadable here: " << why_not);
    return;
  }
  auto in = dir.path() / "in";
  write_file(in / "open.txt", page("Open", "zzopen"));
  write_file(in / "secret.txt", page("Secret", "zzsecret"));
  auto db = dir.path() / "db";
  REQUIRE(index_run("", db, shell_quote(in.string())).exit_code == 0);
  ::chmod((in / "secret.txt").c_str(), 0);
  ModeBack restore{in / "secret.txt"};
  for (const char* options : {"--force ", "--force --prune ", "-q --force "}) {
    INFO(options);
    auto run = index_run(*prefix, db, options + shell_quote(in.string()));
    CHECK(run.exit_code == 1);
    CHECK(run.err.find((in / "secret.txt").string() + ": cannot read") != std::string::npos);
    auto summary = summary_of(run);
    CHECK(summary["files"]["failed"] == 1);
    CHECK(summary["articles"]["deleted"] == 0);
    CHECK(read_index(db).doc_count == 2);
  }
}

TEST_CASE("a database that cannot be read is exit 5 with the reason, for search, stats and indexing",
          "[reliability][paths]") {
  TempDir dir("unreadable-database");
  std::string why_not;
  auto prefix = unprivileged_prefix(dir.path(), why_not);
  if (!prefix) {
    WARN("SKIPPED: no way to make a database unreadable here: " << why_not);
    return;
  }
  write_file(dir.path() / "in" / "a.txt", page("Harbour", "zzharbour"));
  auto db = dir.path() / "db";
  auto in = shell_quote((dir.path() / "in").string());
  auto quoted_db = shell_quote(db.string());
  REQUIRE(run_command(shell_quote(index_bin()) + " -q --db " + quoted_db + " " + in).exit_code == 0);
  auto stub = read_file(db / "XAPIANDB");
  auto version = db / stub.substr(5, stub.size() - 6);
  const std::string commands[] = {
      shell_quote(search_bin()) + " --db " + quoted_db + " harbour",
      shell_quote(index_bin()) + " stats --db " + quoted_db,
      shell_quote(index_bin()) + " -q --force --db " + quoted_db + " " + in,
  };
  for (const auto& target : {db, db / "XAPIANDB", version}) {
    INFO("mode 000: " << target);
    ::chmod(target.c_str(), 0);
    ModeBack restore{target};
    for (const auto& command : commands) {
      INFO(command);
      auto result = run_command(*prefix + command);
      CHECK(result.exit_code == 5);
      CHECK(result.err.find("Permission denied") != std::string::npos);
      CHECK(result.err.find("create one") == std::string::npos);
    }
  }
  CHECK(run_command(shell_quote(search_bin()) + " --count --db " + quoted_db + " zzharbour").out == "1\n");
}
