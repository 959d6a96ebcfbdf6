// Black-box tests of the two binaries: --help and --version, and the databases they refuse (missing, old schema).
#include <catch2/catch.hpp>

#include <xapian.h>

#include "tests/support.hpp"

using namespace newsdex::test;

TEST_CASE("both binaries print --help and --version", "[cli]") {
  for (const auto& bin : {index_bin(), search_bin()}) {
    auto help = run_command(shell_quote(bin) + " --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--db") != std::string::npos);
    auto version = run_command(shell_quote(bin) + " --version");
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("0.") != std::string::npos);
  }
}

TEST_CASE("searching a missing database says how to create one", "[cli]") {
  TempDir dir("missing-db");
  auto result = run_command(shell_quote(search_bin()) + " --db " + shell_quote((dir.path() / "nope").string()) + " harbour");
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("newsdex-index --db") != std::string::npos);
}

TEST_CASE("a database of another index schema is refused with a message saying to build it again", "[cli]") {
  TempDir dir("old-schema");
  auto db = (dir.path() / "db").string();
  auto input = dir.path() / "a.txt";
  write_file(input, "Harbour strike ends\n\nDockers returned to work on Tuesday after the harbour strike.\n");
  auto index = shell_quote(index_bin()) + " --quiet --db " + shell_quote(db) + " ";
  REQUIRE(run_command(index + shell_quote(input.string())).exit_code == 0);
  auto search = shell_quote(search_bin()) + " --db " + shell_quote(db) + " harbour";
  REQUIRE(run_command(search).exit_code == 0);
  {
    Xapian::WritableDatabase writer(db);
    writer.set_metadata("newsdex:schema", "1");  // as newsdex-index wrote it before stems-only indexing
    writer.commit();
  }
  for (const auto& command : {search, index + shell_quote(input.string())}) {
    INFO(command);
    auto result = run_command(command);
    CHECK(result.exit_code == 3);
    CHECK(result.err.find("has index schema 1") != std::string::npos);
    CHECK(result.err.find("build it again (remove " + db) != std::string::npos);
  }
  CHECK(Xapian::Database(db).get_doccount() == 1);  // refused, not touched
}
