// Promises: newsdex-index writes and deletes only files it made, inside a database folder of its own
// (refusing, with exit 2 and nothing touched, a --db that holds other files or overlaps the inputs);
// compaction switches versions without changing files under readers, and what a killed compaction
// leaves is cleaned up; databases of the earlier layout keep working and move on compaction; a
// read-only database gets the real reason and exit 5, not "locked".
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>

#include "tests/reliability/collection.hpp"
#include "tests/reliability/index_checks.hpp"
#include "tests/reliability/tmpfs_mount.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

// Every path under `root` with its size: what "nothing created or deleted" compares.
std::map<std::string, std::uintmax_t> tree(const fs::path& root) {
  std::map<std::string, std::uintmax_t> entries;
  if (!fs::exists(root)) return entries;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    entries[fs::relative(entry.path(), root).string()] = entry.is_regular_file() ? entry.file_size() : 0;
  return entries;
}

std::set<std::string> names_in(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

// The names a database folder holds when `version` is its one version.
std::set<std::string> folder_with(const std::string& version) { return {"XAPIANDB", "newsdex-database", version}; }

CommandResult index(const fs::path& db, const std::string& args) {
  return run_command(shell_quote(index_bin()) + " --quiet --entities none --db " + shell_quote(db.string()) + " " +
                     args);
}

// Indexes into `db`, which must succeed.
void index_ok(const fs::path& db, const std::string& args) {
  auto result = index(db, args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
}

void write_story(const fs::path& path, const std::string& title) {
  write_file(path, title + "\n\nThe council met on Tuesday to discuss the plan for the harbour front. " + title +
                       " was on the agenda.\n");
}

CollectionShape small(const std::string& tag, std::size_t text_files = 30) {
  CollectionShape shape;
  shape.tag = tag;
  shape.text_files = text_files;
  shape.jsonl_files = 1;
  shape.lines_per_jsonl = 10;
  return shape;
}


}  // namespace

TEST_CASE("a --db that is, is inside or holds an input folder is refused with exit 2, touching nothing",
          "[reliability][database-folder]") {
  TempDir dir("db-overlap");
  auto s = dir.path() / "s";
  write_story(s / "2024" / "a.txt", "Story");
  struct Case {
    std::string db, input, message;
  };
  const Case cases[] = {
      {s.string(), s.string(), "is the folder being indexed"},  // the issue's `newsdex-index --db s s`
      {(s / "db").string(), s.string(), "is inside"},
      {(s / "2024" / "db").string(), s.string(), "is inside"},
      {dir.path().string(), s.string(), "is inside the database folder"},
      {(s / "..").string(), (s / "2024").string(), "is inside the database folder"},
  };
  for (const auto& c : cases) {
    INFO("--db " << c.db << " " << c.input);
    auto before = tree(dir.path());
    auto result = index(c.db, shell_quote(c.input));
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(c.message) != std::string::npos);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);  // one line, nothing else reported
    CHECK(tree(dir.path()) == before);
  }
}

TEST_CASE("a --db folder that holds other files is refused with exit 2, and they are all kept",
          "[reliability][database-folder]") {
  TempDir dir("db-foreign");
  write_story(dir.path() / "in" / "a.txt", "Story");
  auto db = dir.path() / "db";
  write_file(db / "a.jpg", "\xff\xd8\xff\xe0 not really a picture");
  write_file(db / "notes.txt", "my notes\n");
  write_file(db / "sub" / "deeper.txt", "kept too\n");
  auto before = tree(dir.path());
  for (const auto* extra : {"", "--compact", "--force --no-compact"}) {
    auto result = index(db, std::string(extra) + " " + shell_quote((dir.path() / "in").string()));
    INFO(extra << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("holds other files") != std::string::npos);
    CHECK(result.err.find("notes.txt") != std::string::npos);
    CHECK(tree(dir.path()) == before);
  }
  // A file given as --db is refused the same way.
  auto file_db = index(db / "notes.txt", shell_quote((dir.path() / "in").string()));
  CHECK(file_db.exit_code == 2);
  CHECK(file_db.err.find("not a folder") != std::string::npos);
  CHECK(tree(dir.path()) == before);
}

TEST_CASE("the database folder holds only the marker, the stub and one version; compaction moves to the next",
          "[reliability][database-folder]") {
  TempDir dir("db-layout");
  auto in = make_collection(dir.path() / "in", small("layout"));
  auto db = dir.path() / "db";
  fs::create_directories(db);  // an empty folder may be taken
  index_ok(db, shell_quote(in.root.string()));
  CHECK(names_in(db) == folder_with("version-2"));  // 1, compacted
  CHECK(read_file(db / "XAPIANDB") == "auto version-2\n");
  // The stock Xapian tools follow the stub.
  CHECK(integrity_problems(db).empty());
  auto delve = run_command("xapian-delve " + shell_quote(db.string()));
  CHECK(delve.exit_code == 0);
  CHECK(delve.out.find("number of documents = " + std::to_string(in.ids.size())) != std::string::npos);

  write_story(in.root / "new.txt", "Late quokka story");
  index_ok(db, "--no-compact " + shell_quote(in.root.string()));
  CHECK(names_in(db) == folder_with("version-2"));
  index_ok(db, "--compact --force " + shell_quote(in.root.string()));
  CHECK(names_in(db) == folder_with("version-3"));
  CHECK(integrity_problems(db).empty());
  auto contents = read_index(db);
  CHECK(contents.doc_count == in.ids.size() + 1);
  CHECK(count_matches(db, "quokka") == 1);
}

TEST_CASE("what a killed compaction leaves is removed by the next run; a retired version too",
          "[reliability][database-folder]") {
  TempDir dir("db-leftovers");
  auto in = make_collection(dir.path() / "in", small("leftovers"));
  auto db = dir.path() / "db";
  index_ok(db, shell_quote(in.root.string()));
  REQUIRE(read_file(db / "XAPIANDB") == "auto version-2\n");
  // As a kill leaves them: a half-written next version, a stub not yet renamed, a retired version.
  write_file(db / "version-3" / "postlist.glass", "half written");
  write_file(db / "XAPIANDB.tmp", "auto version-3\n");
  fs::copy(db / "version-2", db / "version-1", fs::copy_options::recursive);
  CHECK(integrity_problems(db).empty());  // readers go by the stub meanwhile
  CHECK(count_matches(db, in.common_word) == in.ids.size());

  write_story(in.root / "new.txt", "Late quokka story");
  index_ok(db, shell_quote(in.root.string()));
  CHECK(names_in(db) == folder_with("version-2"));
  CHECK(integrity_problems(db).empty());
  CHECK(count_matches(db, "quokka") == 1);
}

TEST_CASE("a database of the earlier layout is searched and indexed where it is, and moves on compaction",
          "[reliability][database-folder]") {
  TempDir dir("db-legacy");
  auto in = make_collection(dir.path() / "in", small("legacy"));
  auto made = dir.path() / "made";
  index_ok(made, shell_quote(in.root.string()));
  // An earlier newsdex kept the glass files right in the --db folder: a version folder is just that.
  auto db = dir.path() / "db";
  fs::copy(made / "version-2", db, fs::copy_options::recursive);
  auto legacy_files = names_in(db);
  REQUIRE(legacy_files.count("iamglass"));
  CHECK(count_matches(db, in.common_word) == in.ids.size());

  write_story(in.root / "new.txt", "Late quokka story");
  index_ok(db, "--no-compact " + shell_quote(in.root.string()));
  for (const auto& name : names_in(db)) CHECK((legacy_files.count(name) || name == "flintlock"));  // where it is
  CHECK(count_matches(db, "quokka") == 1);

  index_ok(db, "--compact --force " + shell_quote(in.root.string()));
  CHECK(names_in(db) == folder_with("version-1"));
  CHECK(integrity_problems(db).empty());
  CHECK(count_matches(db, in.common_word) == in.ids.size());
  CHECK(count_matches(db, "quokka") == 1);

  // An earlier-layout folder that holds something else is refused like any other.
  auto other = dir.path() / "other";
  fs::copy(made / "version-2", other, fs::copy_options::recursive);
  write_file(other / "notes.txt", "mine\n");
  auto before = tree(other);
  auto refused = index(other, "--compact " + shell_quote(in.root.string()));
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("holds other files (notes.txt)") != std::string::npos);
  CHECK(tree(other) == before);
}

TEST_CASE("a read-only database gets the real reason and exit 5, not 'locked'; it can still be searched",
          "[reliability][database-folder][read-only]") {
  TempDir dir("db-read-only");
  auto in = make_collection(dir.path() / "in", small("ro", 10));
  write_story(dir.path() / "more" / "new.txt", "Late quokka story");

  SECTION("a read-only file system (a tmpfs remounted read-only; the test runs as root in CI)") {
    TmpfsMount scratch(dir.path() / "mnt", "64m");
    if (!scratch.mounted()) {
      WARN("SKIPPED: cannot mount a tmpfs (" << scratch.error() << "; needs root or CAP_SYS_ADMIN)");
      return;
    }
    auto db = dir.path() / "mnt" / "db";
    index_ok(db, shell_quote(in.root.string()));
    REQUIRE(scratch.make_read_only());
    for (const auto* extra : {"", "--wait", "--compact"}) {
      auto result = index(db, std::string(extra) + " " + shell_quote((dir.path() / "more").string()));
      INFO(extra << ": " << result.err);
      CHECK(result.exit_code == 5);
      CHECK(result.err.find("Read-only file system") != std::string::npos);
      CHECK(result.err.find("locked") == std::string::npos);
    }
    auto missing = index(dir.path() / "mnt" / "new-db", shell_quote(in.root.string()));
    CHECK(missing.exit_code == 5);
    CHECK(missing.err.find("Read-only file system") != std::string::npos);
    CHECK(count_matches(db, in.common_word) == in.ids.size());
  }

  SECTION("folder and files without write permission (root's override of permission bits dropped)") {
    auto db = dir.path() / "db";
    index_ok(db, shell_quote(in.root.string()));
    fs::permissions(db, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    for (const auto& entry : fs::recursive_directory_iterator(db))
      fs::permissions(entry.path(), fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                      fs::perm_options::remove);
    // setpriv drops CAP_DAC_OVERRIDE for root; a normal user is held by the permission bits anyway.
    bool root = ::geteuid() == 0;
    auto has_setpriv = run_command("command -v setpriv").exit_code == 0;
    if (root && !has_setpriv) {
      WARN("SKIPPED: root ignores permission bits and setpriv (util-linux) is missing to drop that");
    } else {
      std::string prefix = root ? "setpriv --inh-caps=-dac_override,-dac_read_search "
                                  "--bounding-set=-dac_override,-dac_read_search "
                                : "";
      auto result = run_command(prefix + shell_quote(index_bin()) + " --quiet --entities none --db " +
                                shell_quote(db.string()) + " " + shell_quote((dir.path() / "more").string()));
      INFO(result.err);
      CHECK(result.exit_code == 5);
      CHECK(result.err.find("Permission denied") != std::string::npos);
      CHECK(result.err.find("locked") == std::string::npos);
    }
    CHECK(count_matches(db, in.common_word) == in.ids.size());
    fs::permissions(db, fs::perms::owner_write, fs::perm_options::add);
    for (const auto& entry : fs::recursive_directory_iterator(db))
      fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add);
  }
}
