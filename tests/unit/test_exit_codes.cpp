// The exit codes in --help (common/base/exit_codes.hpp) are those of docs/exit-codes.md: the same
// codes with the same names, and a program says a code only where the document gives it a meaning.
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "common/base/exit_codes.hpp"
#include "tests/support.hpp"

TEST_CASE("the exit code table matches docs/exit-codes.md", "[unit][exit-codes]") {
  struct Row {
    std::string name, index, search;
  };
  std::map<int, Row> documented;
  std::istringstream doc(newsdex::test::read_file(newsdex::test::source_dir() / "docs" / "exit-codes.md"));
  for (std::string line; std::getline(doc, line);) {
    if (!line.starts_with("| ") || line.size() < 3 || !std::isdigit(static_cast<unsigned char>(line[2]))) continue;
    std::vector<std::string> cells;
    std::istringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) cells.push_back(cell.substr(1, cell.size() - 2));
    REQUIRE(cells.size() >= 4);
    documented[std::stoi(cells[0])] = {cells[1], cells[2], cells[3]};
  }
  REQUIRE(documented.size() >= 8);
  std::size_t listed = 0;
  for (const auto& meaning : newsdex::exit_code_meanings()) {
    auto code = static_cast<int>(meaning.code);
    INFO("exit code " << code);
    REQUIRE(documented.count(code));
    const auto& row = documented[code];
    CHECK(row.name == meaning.name);
    CHECK((row.index == "—") == meaning.index.empty());
    CHECK((row.search == "—") == meaning.search.empty());
    ++listed;
  }
  CHECK(listed == documented.size());
}
