// Running newsdex-search in the black-box tests: on a fixture database (test_search_fixture.hpp), on
// the sample collection, and reading back what it wrote (JSON, or a CSV/TSV export parsed strictly).
#pragma once
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/test_search_fixture.hpp"
#include "tests/support.hpp"

namespace newsdex::test {

// A fixture database in a fresh folder, and newsdex-search run on it.
struct FixtureDb {
  TempDir dir;
  std::filesystem::path db = dir.path() / "db";
  FixtureDb(const std::string& name, const std::vector<newsdex::Article>& articles) : dir(name) {
    build_fixture_db(db, articles);
  }
  CommandResult run(const std::string& args, const std::string& stdin_text = {}) const {
    return run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " " + args, stdin_text);
  }
};

// newsdex-search on the sample collection (corpus/).
inline CommandResult search_sample(const std::string& args) {
  return run_command(shell_quote(search_bin()) + " --db " + shell_quote(sample_corpus_db().string()) + " " + args);
}

// The JSON a run printed; the run must have succeeded.
inline nlohmann::json ok_json(const CommandResult& result) {
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

// An export parsed back by Python's csv module (strict) or the TSV rules of docs/search.md.
inline std::vector<std::vector<std::string>> parse_export(const std::string& format, const std::string& text) {
  auto parsed =
      run_command("python3 " + shell_quote((source_dir() / "tests/cli/parse_export.py").string()) + " " + format, text);
  INFO(parsed.err);
  REQUIRE(parsed.exit_code == 0);
  return nlohmann::json::parse(parsed.out).get<std::vector<std::vector<std::string>>>();
}

}  // namespace newsdex::test
