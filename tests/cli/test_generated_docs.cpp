// The man pages and shell completions (cli/command_docs.cpp) are made from the same option tables
// as --help: every option --help lists is in them, they are well-formed (groff, bash -n), the bash
// completion completes options, choices and commands, and `cmake --install` puts them in place.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "common/base/exit_codes.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

// The option names an option line of --help shows ("  -q,--quiet   Print ...").
std::set<std::string> options_in_help(const std::string& help) {
  std::set<std::string> names;
  static const std::regex line(R"(^  (-[^ ]+))");
  static const std::regex name(R"(--?[A-Za-z0-9][A-Za-z0-9-]*)");
  std::istringstream lines(help);
  for (std::string text; std::getline(lines, text);) {
    std::smatch found;
    if (!std::regex_search(text, found, line)) continue;
    auto names_part = found[1].str();
    for (std::sregex_iterator it(names_part.begin(), names_part.end(), name), end; it != end; ++it)
      names.insert(it->str());
  }
  return names;
}

std::string roff_name(const std::string& option) { return std::regex_replace(option, std::regex("-"), "\\-"); }

struct Program {
  std::string bin, name;
  newsdex::Program which;
  std::vector<std::string> commands;
};

const Program programs[] = {{index_bin(), "newsdex-index", newsdex::Program::index, {"stats", "compact"}},
                            {search_bin(), "newsdex-search", newsdex::Program::search, {}}};

// COMPREPLY of the program's bash completion for the words given (the last one being completed).
std::string bash_completes(const Program& program, const std::string& words) {
  auto script = run_command(shell_quote(program.bin) + " --help-completion bash").out;
  TempDir dir("bash-completion");
  write_file(dir.path() / "completion.bash", script);
  auto command = "source " + shell_quote((dir.path() / "completion.bash").string()) + "; COMP_WORDS=(" + words +
                 "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); " + "_" +
                 std::regex_replace(program.name, std::regex("-"), "_") + "; echo \"${COMPREPLY[*]}\"";
  auto result = run_command("bash -c " + shell_quote(command));
  INFO(result.err);
  return result.out;
}

}  // namespace

TEST_CASE("man pages and completions hold every option of --help", "[cli][docs]") {
  for (const auto& program : programs) {
    INFO(program.name);
    auto help = run_command(shell_quote(program.bin) + " --help").out;
    auto options = options_in_help(help);
    REQUIRE(options.size() > 15);
    for (const auto& command : program.commands) {
      auto command_help = run_command(shell_quote(program.bin) + " " + command + " --help").out;
      auto more = options_in_help(command_help);
      REQUIRE(more.count("--db"));
      options.insert(more.begin(), more.end());
    }
    auto man = run_command(shell_quote(program.bin) + " --help-man");
    REQUIRE(man.exit_code == 0);
    auto bash = run_command(shell_quote(program.bin) + " --help-completion bash");
    REQUIRE(bash.exit_code == 0);
    auto zsh = run_command(shell_quote(program.bin) + " --help-completion zsh");
    REQUIRE(zsh.exit_code == 0);
    for (const auto& option : options) {
      INFO(option);
      CHECK(man.out.find("\\fB" + roff_name(option) + "\\fR") != std::string::npos);
      CHECK(std::regex_search(bash.out, std::regex("[ '|(]" + option + "[ ')|]")));
      CHECK(std::regex_search(zsh.out, std::regex("'" + option + "[=+]?\\[")));
    }
    CHECK(man.out.starts_with(".\\\""));
    for (const char* section : {".SH NAME\n", ".SH SYNOPSIS\n", ".SH OPTIONS\n", ".SH EXIT STATUS\n"})
      CHECK(man.out.find(section) != std::string::npos);
    for (const auto& meaning : newsdex::exit_code_meanings()) {
      auto what = program.which == newsdex::Program::index ? meaning.index : meaning.search;
      CHECK((man.out.find(".B " + std::to_string(static_cast<int>(meaning.code)) + "\n") != std::string::npos) ==
            !what.empty());
    }
    for (const auto& command : program.commands) CHECK(man.out.find(".SS " + command + "\n") != std::string::npos);
    CHECK(zsh.out.starts_with("#compdef " + program.name + "\n"));
    // The hidden generators are not options a user is offered.
    CHECK(help.find("--help-man") == std::string::npos);
    CHECK(bash.out.find("--help-man") == std::string::npos);
  }
  auto bad = run_command(shell_quote(search_bin()) + " --help-completion fish");
  CHECK(bad.exit_code == 2);
}

TEST_CASE("the man pages are well-formed roff and the bash completions valid bash", "[cli][docs]") {
  TempDir dir("man-pages");
  for (const auto& program : programs) {
    INFO(program.name);
    write_file(dir.path() / (program.name + ".1"), run_command(shell_quote(program.bin) + " --help-man").out);
    write_file(dir.path() / (program.name + ".bash"),
               run_command(shell_quote(program.bin) + " --help-completion bash").out);
    CHECK(run_command("bash -n " + shell_quote((dir.path() / (program.name + ".bash")).string())).exit_code == 0);
    if (run_command("command -v groff").exit_code != 0) {
      WARN("SKIPPED the roff check: groff is not installed");
      continue;
    }
    auto checked =
        run_command("groff -man -Tutf8 -ww -z " + shell_quote((dir.path() / (program.name + ".1")).string()));
    CHECK(checked.exit_code == 0);
    CHECK(checked.err.empty());
  }
}

TEST_CASE("the bash completion completes options, their values and commands", "[cli][docs]") {
  const auto& index = programs[0];
  const auto& search = programs[1];
  struct Case {
    const Program& program;
    std::string words, expected;
  };
  const Case cases[] = {
      {search, "newsdex-search --so", "--sort --source\n"},
      {search, "newsdex-search --sort ''", "relevance newest oldest\n"},
      {search, "newsdex-search --color a", "auto always\n"},
      {search, "newsdex-search --output p", "paths\n"},
      {search, "newsdex-search --limit ''", "all\n"},  // NUMBER|all: the word
      {search, "newsdex-search --offset ''", "\n"},    // a number: nothing to offer
      {index, "newsdex-index --format h", "html\n"},
      {index, "newsdex-index --ent", "--entities\n"},
      {index, "newsdex-index sta", "stats\n"},
      {index, "newsdex-index stats --t", "--top\n"},
      {index, "newsdex-index compact --w", "--wait\n"},
  };
  for (const auto& c : cases) {
    INFO(c.words);
    CHECK(bash_completes(c.program, c.words) == c.expected);
  }
}

TEST_CASE("cmake --install puts the man pages and completions in place", "[cli][docs]") {
  auto build = fs::path(index_bin()).parent_path().parent_path();
  TempDir dir("install");
  auto installed =
      run_command("cmake --install " + shell_quote(build.string()) + " --prefix " + shell_quote(dir.path().string()));
  INFO(installed.out << installed.err);
  REQUIRE(installed.exit_code == 0);
  for (const auto& program : programs) {
    INFO(program.name);
    CHECK(fs::exists(dir.path() / "bin" / program.name));
    auto man = dir.path() / "share" / "man" / "man1" / (program.name + ".1");
    auto bash = dir.path() / "share" / "bash-completion" / "completions" / program.name;
    auto zsh = dir.path() / "share" / "zsh" / "site-functions" / ("_" + program.name);
    REQUIRE(fs::exists(man));
    REQUIRE(fs::exists(bash));
    REQUIRE(fs::exists(zsh));
    CHECK(read_file(man) == run_command(shell_quote(program.bin) + " --help-man").out);
    CHECK(read_file(bash) == run_command(shell_quote(program.bin) + " --help-completion bash").out);
    CHECK(read_file(zsh) == run_command(shell_quote(program.bin) + " --help-completion zsh").out);
  }
}
