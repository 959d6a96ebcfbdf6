// What cannot be read because of permissions, through the real binaries with the privileges that
// would read it dropped (unprivileged.hpp): an input file is reported and fails the run (exit 1),
// keeping what was indexed; a database is exit 5 with the real reason, never "no database, create
// one" (it was exit 3 with that advice).
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/reliability/index_checks.hpp"
#include "tests/reliability/unprivileged.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

std::string page(const std::string& title, const std::string& word) {
  return "2023-05-04\n\n" + title + "\n\nThe harbour board met on Monday to settle the " + word +
         " question for the coming season.\n\nFishermen said the " + word + " answer came late but was welcome.\n";
}

// Sets a mode for the scope of the object, then gives the path its old mode back.
struct ModeFor {
  fs::path path;
  mode_t old_mode;
  ModeFor(fs::path where, mode_t mode)
      : path(std::move(where)), old_mode(static_cast<mode_t>(fs::status(path).permissions() & fs::perms::mask)) {
    ::chmod(path.c_str(), mode);
  }
  ~ModeFor() { ::chmod(path.c_str(), old_mode); }
};

}  // namespace

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
  auto index = *prefix + shell_quote(index_bin()) + " --json --db " + shell_quote(db.string()) + " ";
  REQUIRE(run_command(index + shell_quote(in.string())).exit_code == 0);
  ModeFor locked(in / "secret.txt", 0);
  for (const char* options : {"--force ", "--force --prune ", "-q --force "}) {
    INFO(options);
    auto run = run_command(index + options + shell_quote(in.string()));
    CHECK(run.exit_code == 1);
    CHECK(run.err.find((in / "secret.txt").string() + ": cannot read") != std::string::npos);
    auto summary = nlohmann::json::parse(run.out);
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
    ModeFor locked(target, 0);
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
