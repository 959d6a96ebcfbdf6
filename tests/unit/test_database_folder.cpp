// The database folder's names and its refusal of a --db that overlaps the inputs (pure functions).
#include <catch2/catch.hpp>

#include "common/base/errors.hpp"
#include "common/store/database_folder.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using namespace newsdex::database_folder;
using newsdex::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("version names and stubs are read back exactly; anything else is not ours", "[database-folder]") {
  struct Case {
    std::string_view name;
    unsigned number;
  };
  const Case names[] = {
      {"version-1", 1},  {"version-12", 12}, {"version-0", 0}, {"version-01", 0},         {"version-", 0},
      {"version-1a", 0}, {"glass-1", 0},     {"version", 0},   {"version-1234567890", 0}, {"Version-1", 0},
  };
  for (const auto& [name, number] : names) {
    INFO(name);
    CHECK(version_number(name) == number);
  }
  for (unsigned version : {1u, 2u, 345u}) {
    CHECK(version_number(version_name(version)) == version);
    CHECK(stub_version(stub_text(version)) == version);
  }
  const std::string_view stubs[] = {"",
                                    "auto version-1",
                                    "remote :tcp 1:2\n",
                                    "auto version-1\nauto version-2\n",
                                    "auto ../elsewhere\n",
                                    "glass version-1\n"};
  for (auto stub : stubs) {
    INFO(stub);
    CHECK(stub_version(stub) == 0);
  }
}

TEST_CASE("a --db that is, is inside, or holds an input folder is refused", "[database-folder]") {
  TempDir dir("db-apart");
  auto root = dir.path();
  fs::create_directories(root / "articles" / "2024");
  fs::create_directories(root / "elsewhere");
  fs::create_directory_symlink(root / "articles", root / "link");
  struct Case {
    std::string db;
    std::vector<std::string> inputs;
    std::string refusal;  // a part of the message; empty when accepted
  };
  auto at = [&](const std::string& relative) { return (root / relative).string(); };
  const Case cases[] = {
      {at("db"), {at("articles")}, ""},
      {at("articles-db"), {at("articles")}, ""},  // a shared name prefix is not inside
      {at("elsewhere/db"), {at("articles"), at("articles/2024")}, ""},
      {at("articles"), {at("articles")}, "is the folder being indexed"},
      {at("articles/"), {at("articles/./")}, "is the folder being indexed"},
      {at("articles/db"), {at("articles")}, "is inside"},
      {at("articles/2024/new/db"), {at("elsewhere"), at("articles")}, "is inside"},
      {at("link/db"), {at("articles")}, "is inside"},  // through a symbolic link
      {at("articles/db"), {at("link")}, "is inside"},
      {at("elsewhere"), {at("elsewhere/2024/a.txt")}, "is inside the database folder"},
      {at("."), {at("articles")}, "is inside the database folder"},
  };
  for (const auto& c : cases) {
    INFO(c.db << " with " << c.inputs.front());
    if (c.refusal.empty()) {
      CHECK_NOTHROW(check_apart_from_inputs(c.db, c.inputs));
      continue;
    }
    try {
      check_apart_from_inputs(c.db, c.inputs);
      FAIL("accepted");
    } catch (const UsageError& e) {
      CHECK(std::string(e.what()).find(c.refusal) != std::string::npos);
    }
  }
  CHECK_FALSE(fs::exists(root / "db"));  // nothing is created by the check
  CHECK_FALSE(fs::exists(root / "articles" / "db"));
}
