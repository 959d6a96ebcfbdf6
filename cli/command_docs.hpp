// What both command-line programs make from their own CLI11 option tables, so that --help, the man
// page and the shell completions can never disagree: the help footer (notes and the exit codes of
// common/base/exit_codes), a man page in roff (--help-man) and bash and zsh completion scripts
// (--help-completion bash|zsh). The build runs each program to write them (cli/CMakeLists.txt) and
// `cmake --install` installs them.
#pragma once
#include <string>

#include "common/base/exit_codes.hpp"

namespace CLI {
class App;
}

namespace newsdex::cli {

struct ProgramDoc {
  std::string name;      // "newsdex-index"
  Program program;       // whose exit codes
  std::string summary;   // one line, for the man page's NAME
  std::string notes;     // paragraphs after the options (e.g. where '--' goes)
  std::string see_also;  // "newsdex-search(1)"
};

// Sets the help footer (notes, then the exit codes) and adds the hidden options --help-man and
// --help-completion SHELL, which print what is made from `app` and end the program with exit 0.
// Call after every option and subcommand is added.
void add_generated_docs(CLI::App& app, const ProgramDoc& doc);

std::string man_page(const CLI::App& app, const ProgramDoc& doc);
std::string bash_completion(const CLI::App& app, const ProgramDoc& doc);
std::string zsh_completion(const CLI::App& app, const ProgramDoc& doc);

}  // namespace newsdex::cli
