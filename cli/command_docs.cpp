#include "cli/command_docs.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>
#include <vector>

#include "newsdex/version.hpp"

namespace newsdex::cli {
namespace {

// One option as the docs need it, read from CLI11's table.
struct OptionFacts {
  std::vector<std::string> names;  // "-q", "--quiet"; a positional's own name ("paths")
  std::string value;               // "NUMBER", "ids|paths"; empty for a flag
  std::string help, default_text;
  bool positional = false;
};

std::vector<OptionFacts> options_of(const CLI::App& app) {
  std::vector<OptionFacts> list;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    OptionFacts facts;
    facts.positional = !option->nonpositional();
    if (facts.positional) {
      facts.names.push_back(option->get_name(true));
    } else {
      for (const auto& name : option->get_snames()) facts.names.push_back("-" + name);
      for (const auto& name : option->get_lnames()) facts.names.push_back("--" + name);
    }
    if (option->get_type_size() > 0) facts.value = option->get_type_name();
    facts.help = option->get_description();
    facts.default_text = option->get_default_str();
    list.push_back(std::move(facts));
  }
  return list;
}

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

// "stats|compact": the subcommands as a shell pattern.
std::string commands_pattern(const CLI::App& app) {
  std::string pattern;
  for (const auto* command : commands_of(app)) pattern += (pattern.empty() ? "" : "|") + command->get_name();
  return pattern;
}

// The values a completion can offer: the lower-case words of a value name such as "ids|paths".
std::vector<std::string> choices(const std::string& value) {
  std::vector<std::string> words;
  if (value.find('|') == std::string::npos) return words;
  std::stringstream parts(value);
  for (std::string word; std::getline(parts, word, '|');)
    if (!word.empty() && word.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos) words.push_back(word);
  return words;
}

bool names_a_folder(const OptionFacts& option) { return option.value == "FOLDER"; }
bool names_a_path(const OptionFacts& option) { return option.value == "PATH" || option.value == "FILE"; }

// --- roff ---

std::string roff_text(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string roff_option(const OptionFacts& option) {
  std::string line;
  for (const auto& name : option.names)
    line += (line.empty() ? "" : ", ") +
            (option.positional ? "\\fI" + roff_text(name) + "\\fR" : "\\fB" + roff_text(name) + "\\fR");
  if (!option.value.empty() && !option.positional) line += " \\fI" + roff_text(option.value) + "\\fR";
  std::string text = ".TP\n" + line + "\n" + roff_text(option.help);
  // A folder's default is this machine's ($NEWSDEX_DB, $HOME): the help text says where it comes from.
  if (!option.default_text.empty() && !names_a_folder(option))
    text += " (default: " + roff_text(option.default_text) + ")";
  return text + "\n";
}

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string synopsis_line(const std::string& program, const CLI::App& app, bool is_command) {
  std::string line = ".B " + roff_text(program) + "\n";
  if (is_command) line += ".B " + roff_text(app.get_name()) + "\n";
  std::string rest = "[\\fIOPTIONS\\fR]";
  for (const auto& option : options_of(app))
    if (option.positional) rest += " [\\fB\\-\\-\\fR] \\fI" + roff_text(upper(option.names[0])) + "\\fR...";
  return line + rest + "\n";
}

// --- shell quoting ---

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string function_name(const std::string& program) {
  std::string name = "_";
  for (char c : program) name += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return name;
}

std::string option_words(const std::vector<OptionFacts>& options) {
  std::string words;
  for (const auto& option : options)
    if (!option.positional)
      for (const auto& name : option.names) words += (words.empty() ? "" : " ") + name;
  return words;
}

// The `case "$prev"` arms of the bash completion: what follows an option that takes a value.
std::string bash_value_cases(const std::vector<OptionFacts>& options) {
  std::string text;
  for (const auto& option : options) {
    if (option.positional || option.value.empty()) continue;
    std::string names;
    for (const auto& name : option.names) names += (names.empty() ? "" : "|") + name;
    auto words = choices(option.value);
    std::string action = "return 0";  // a number or free text: nothing to offer
    if (!words.empty()) {
      std::string list;
      for (const auto& word : words) list += (list.empty() ? "" : " ") + word;
      action = "COMPREPLY=($(compgen -W " + single_quoted(list) + " -- \"$cur\")); return 0";
    } else if (names_a_folder(option)) {
      action = "COMPREPLY=($(compgen -d -- \"$cur\")); return 0";
    } else if (names_a_path(option)) {
      action = "COMPREPLY=($(compgen -f -- \"$cur\")); return 0";
    }
    text += "    " + names + ") " + action + " ;;\n";
  }
  return text;
}

// One _arguments spec per name of an option: '--sort=[help]:value:(relevance newest oldest)'.
std::string zsh_specs(const std::vector<OptionFacts>& options) {
  auto escaped_help = [](std::string help) {
    std::string out;
    for (char c : help) {
      if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  };
  std::string text;
  for (const auto& option : options) {
    std::string action;
    if (option.positional) {
      action = names_a_path(option) ? "_files" : " ";
      text += "    " + single_quoted("*:" + option.names[0] + ":" + action) + " \\\n";
      continue;
    }
    if (!option.value.empty()) {
      auto words = choices(option.value);
      if (!words.empty()) {
        action = "(";
        for (const auto& word : words) action += (action.size() > 1 ? " " : "") + word;
        action += ")";
      } else if (names_a_folder(option)) {
        action = "_files -/";
      } else if (names_a_path(option)) {
        action = "_files";
      } else {
        action = " ";
      }
    }
    for (const auto& name : option.names) {
      std::string spec =
          name + (option.value.empty() ? "" : (name.size() == 2 ? "+" : "=")) + "[" + escaped_help(option.help) + "]";
      if (!option.value.empty()) spec += ":" + option.value + ":" + action;
      text += "    " + single_quoted(spec) + " \\\n";
    }
  }
  return text;
}

}  // namespace

std::string man_page(const CLI::App& app, const ProgramDoc& doc) {
  std::ostringstream out;
  out << ".\\\" Made by " << doc.name << " --help-man from its own option table: edit the program, not this.\n";
  out << ".TH " << roff_text(upper(doc.name)) << " 1 \"\" \"newsdex " << version_string << "\" \"User Commands\"\n";
  out << ".SH NAME\n" << roff_text(doc.name) << " \\- " << roff_text(doc.summary) << "\n";
  out << ".SH SYNOPSIS\n" << synopsis_line(doc.name, app, false);
  for (const auto* command : commands_of(app)) out << ".br\n" << synopsis_line(doc.name, *command, true);
  out << ".SH DESCRIPTION\n" << roff_text(app.get_description()) << "\n";
  out << ".SH OPTIONS\n";
  for (const auto& option : options_of(app)) out << roff_option(option);
  if (!commands_of(app).empty()) {
    out << ".SH COMMANDS\n";
    for (const auto* command : commands_of(app)) {
      out << ".SS " << roff_text(command->get_name()) << "\n" << roff_text(command->get_description()) << "\n";
      for (const auto& option : options_of(*command)) out << roff_option(option);
    }
  }
  if (!doc.notes.empty()) out << ".SH NOTES\n" << roff_text(doc.notes) << "\n";
  out << ".SH EXIT STATUS\n";
  for (const auto& meaning : exit_code_meanings()) {
    auto what = doc.program == Program::index ? meaning.index : meaning.search;
    if (what.empty()) continue;
    out << ".TP\n.B " << static_cast<int>(meaning.code) << "\n"
        << roff_text(std::string(meaning.name) + ": " + std::string(what)) << "\n";
  }
  out << ".SH SEE ALSO\n" << roff_text(doc.see_also) << "\n";
  return out.str();
}

std::string bash_completion(const CLI::App& app, const ProgramDoc& doc) {
  auto function = function_name(doc.name);
  auto main_options = options_of(app);
  bool takes_paths = false;
  for (const auto& option : main_options) takes_paths = takes_paths || (option.positional && names_a_path(option));
  std::string commands;
  for (const auto* command : commands_of(app)) commands += (commands.empty() ? "" : " ") + command->get_name();

  std::ostringstream out;
  out << "# bash completion for " << doc.name << ", made by " << doc.name
      << " --help-completion bash from its own option table.\n";
  out << function << "() {\n";
  out << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" command= word\n";
  out << "  COMPREPLY=()\n";
  out << "  for word in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n";
  out << "    [[ $word == -- ]] && break\n";
  if (!commands.empty()) {
    out << "    case \"$word\" in " << commands_pattern(app) << ") command=$word ;; esac\n";
  }
  out << "  done\n";
  out << "  case \"$command\" in\n";
  for (const auto* command : commands_of(app)) {
    auto options = options_of(*command);
    out << "  " << command->get_name() << ")\n    case \"$prev\" in\n" << bash_value_cases(options) << "    esac\n";
    out << "    COMPREPLY=($(compgen -W " << single_quoted(option_words(options)) << " -- \"$cur\")); return 0 ;;\n";
  }
  out << "  esac\n";
  out << "  case \"$prev\" in\n" << bash_value_cases(main_options) << "  esac\n";
  out << "  if [[ $cur == -* ]]; then\n";
  out << "    COMPREPLY=($(compgen -W " << single_quoted(option_words(main_options)) << " -- \"$cur\"))\n";
  out << "    return 0\n  fi\n";
  if (!commands.empty()) out << "  COMPREPLY=($(compgen -W " << single_quoted(commands) << " -- \"$cur\"))\n";
  if (takes_paths) out << "  COMPREPLY+=($(compgen -f -- \"$cur\"))\n";
  out << "  return 0\n}\n";
  out << "complete -o filenames -F " << function << " " << doc.name << "\n";
  return out.str();
}

std::string zsh_completion(const CLI::App& app, const ProgramDoc& doc) {
  auto function = function_name(doc.name);
  std::ostringstream out;
  out << "#compdef " << doc.name << "\n";
  out << "# zsh completion for " << doc.name << ", made by " << doc.name
      << " --help-completion zsh from its own option table.\n";
  out << function << "() {\n";
  auto pattern = commands_pattern(app);
  out << "  local command= word\n";
  if (!pattern.empty()) {
    out << "  for word in ${words[2,CURRENT-1]}; do\n";
    out << "    case $word in (" << pattern << ") command=$word; break ;; esac\n";
    out << "  done\n";
  }
  out << "  case $command in\n";
  for (const auto* command : commands_of(app)) {
    out << "  " << command->get_name() << ")\n    _arguments -s \\\n"
        << zsh_specs(options_of(*command)) << "      && return 0\n    return 1 ;;\n";
  }
  out << "  esac\n";
  out << "  _arguments -s \\\n" << zsh_specs(options_of(app));
  if (!pattern.empty()) {
    std::string list;
    for (const auto* command : commands_of(app)) list += (list.empty() ? "" : " ") + command->get_name();
    out << "    " << single_quoted("1::command:(" + list + ")") << " \\\n";
  }
  out << "    && return 0\n  return 1\n}\n";
  out << function << " \"$@\"\n";
  return out.str();
}

void add_generated_docs(CLI::App& app, const ProgramDoc& doc) {
  app.footer(doc.notes + "\n\nExit codes:\n" + exit_codes_help(doc.program));
  app.add_flag_callback(
         "--help-man",
         [&app, doc] {
           std::cout << man_page(app, doc);
           throw CLI::Success();
         },
         "Print the man page (roff)")
      ->group("");
  app.add_option_function<std::string>(
         "--help-completion",
         [&app, doc](const std::string& shell) {
           if (shell == "bash")
             std::cout << bash_completion(app, doc);
           else if (shell == "zsh")
             std::cout << zsh_completion(app, doc);
           else
             throw CLI::ValidationError("--help-completion", "choose bash or zsh, not '" + shell + "'");
           throw CLI::Success();
         },
         "Print a shell completion script: bash or zsh")
      ->group("");
}

}  // namespace newsdex::cli
