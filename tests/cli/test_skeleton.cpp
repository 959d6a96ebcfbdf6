// Black-box tests of the two binaries on the sample corpus.
#include <catch2/catch.hpp>

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
