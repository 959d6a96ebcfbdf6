// newsdex-search: command-line front end of the searcher (common/ does the work): options -> a
// SearchRequest -> Searcher -> a printer. docs/search.md and docs/query.md describe the behaviour.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <iostream>
#include <string_view>

#include "common/base/errors.hpp"
#include "common/output/batch.hpp"
#include "common/output/printers.hpp"
#include "common/search/request.hpp"
#include "common/search/search.hpp"
#include "common/store/database.hpp"
#include "newsdex/version.hpp"

namespace {

struct CommandLine {
  std::vector<std::string> words, db_paths, facets;
  std::vector<std::pair<std::string, std::string>> numbers;  // (option, text) as given: checked by the library
  newsdex::SearchRequest request;
  std::string sort = "relevance", bm25, color = "auto", match = "auto", expand = "auto";
  bool any = false, all = false, no_collapse = false, json = false, jsonl = false, batch = false;
};

void add_options(CLI::App& app, CommandLine& c) {
  auto& r = c.request;
  auto& f = r.query.filters;
  app.add_option("query", c.words, "The query (docs/query.md); several words are joined with spaces");
  app.add_option("--db", c.db_paths, "Database to search; repeat to search several as one (default: $NEWSDEX_DB or ~/.local/share/newsdex/db)")->allow_extra_args(false);
  // Number options are taken as text and checked by set_request_number(), as batch JSON requests are:
  // CLI11's own conversion wraps -1 and truncates to the type's width.
  auto number = [&](const char* option, const char* help, const std::string& default_text = {}) {
    auto* added = app.add_option_function<std::string>(
        option, [&c, option](const std::string& text) { c.numbers.emplace_back(option, text); }, help);
    added->type_name("NUMBER");
    if (!default_text.empty()) added->default_str(default_text);
  };
  number("--limit", "Number of results (0 to 1000000)", std::to_string(r.limit));
  number("--offset", "Skip this many results, for paging (0 to 1000000000)", std::to_string(r.offset));
  app.add_option("--sort", c.sort, "relevance, newest or oldest")->capture_default_str();
  app.add_option("--match", c.match, "Between words: auto (all words for up to 4 words, else any; any when all finds nothing), all or any")->capture_default_str();
  app.add_flag("--any", c.any, "Same as --match any: any of the words, ranked");
  app.add_flag("--all", c.all, "Same as --match all: every word must match");
  app.add_option("--person", f.people, "Only articles naming this person (repeat: all of them)")->allow_extra_args(false);
  app.add_option("--org", f.organisations, "Only articles naming this organisation (repeat: all of them)")->allow_extra_args(false);
  app.add_option("--place", f.places, "Only articles naming this place (repeat: all of them)")->allow_extra_args(false);
  app.add_option("--source", f.sources, "Only articles from this source (repeat: any of them)")->allow_extra_args(false);
  app.add_flag("--any-person", f.any_person, "Repeated --person means any of them");
  app.add_flag("--any-org", f.any_organisation, "Repeated --org means any of them");
  app.add_flag("--any-place", f.any_place, "Repeated --place means any of them");
  app.add_option("--from", f.from, "Published on or after: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--to", f.to, "Published on or before: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--facet", c.facets, "Count matches per person, org, place, source, date (comma-separated)")->allow_extra_args(false);
  number("--facet-size", "Values shown per facet (0 to 100000)", std::to_string(r.facet_size));
  number("--snippet-length", "Snippet length in characters (0: none; up to 100000)", std::to_string(r.snippet_length));
  app.add_option("--color", c.color, "Highlight matches: auto, always or never")->capture_default_str();
  app.add_flag("--json", c.json, "Print one JSON document (docs/json-format.md)");
  app.add_flag("--jsonl", c.jsonl, "Print one JSON object per result, one per line");
  app.add_flag("--batch", c.batch, "Read queries from stdin (text or JSON per line), write one JSON result per line");
  app.add_flag("--auto-correct", r.auto_correct, "Run the suggested spelling when the query finds nothing");
  app.add_option("--like", r.like, "Articles like this one (an id or docid shown in results)");
  app.add_option("--bm25", c.bm25, "BM25 parameters k1,k2,k3,b,min_normlen (default 2,0,1,0.75,0.5)");
  app.add_option("--expand", c.expand, "Add words from the top results: auto (for queries ranked with any word), 0 (off), or TERMS[,DOCS[,WEIGHT]] (auto = 5,5,0.3)")->capture_default_str();
  number("--recency-boost", "Favour recent articles: half-life in days (0: off; up to 100000)");
  app.add_flag("--no-collapse", c.no_collapse, "Show duplicate articles too");
  number("--max-wildcard", "Most words a wildcard may expand to (1 to 1000000)",
         std::to_string(r.query.max_wildcard_terms));
}

// Turns the parsed options into the request; throws UsageError for contradictions.
void finish_request(CommandLine& c) {
  auto& r = c.request;
  for (const auto& word : c.words) r.text += (r.text.empty() ? "" : " ") + word;
  if (c.any && c.all) throw newsdex::UsageError("--any and --all contradict each other");
  if (static_cast<int>(c.json) + static_cast<int>(c.jsonl) + static_cast<int>(c.batch) > 1)
    throw newsdex::UsageError("choose one of --json, --jsonl and --batch");
  if (c.batch && !c.words.empty()) throw newsdex::UsageError("--batch reads queries from stdin: give no query");
  if (c.color != "auto" && c.color != "always" && c.color != "never")
    throw newsdex::UsageError("--color must be auto, always or never");
  for (const auto& [option, text] : c.numbers) newsdex::set_request_number(r, option, text);
  if ((c.any || c.all) && c.match != "auto") throw newsdex::UsageError("give --match, or --any / --all, not both");
  r.query.word_operator = c.any   ? newsdex::WordOperator::any
                          : c.all ? newsdex::WordOperator::all
                                  : newsdex::parse_word_operator(c.match);
  if (c.expand != "auto") r.expansion = newsdex::parse_expansion(c.expand);
  r.sort = newsdex::parse_sort_order(c.sort);
  if (!c.bm25.empty()) r.bm25 = newsdex::parse_bm25(c.bm25);
  r.collapse_duplicates = !c.no_collapse;
  for (const auto& list : c.facets)
    for (auto field : newsdex::parse_facet_fields(list)) r.facets.push_back(field);
  if (c.db_paths.empty()) c.db_paths.push_back(newsdex::default_database_path());
}

// True when the command line asks for JSON (--json, --batch): errors found before the options are
// read are then also printed as the documented JSON error object.
bool asks_for_json(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--json" || arg == "--batch") return true;
  }
  return false;
}

// A query word starting with '-' before "--" (`newsdex-search gaza -hamas`) is read by CLI11 as
// short options: `-harbour` printed the help (as -h) and exited 0, other letters an unknown-option
// error. The searcher has no short option but -h, so such a word is a query: say how to give it.
void reject_dashed_words(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") return;
    if (arg.starts_with("--")) {
      const auto* option = app.get_option_no_throw(std::string(arg.substr(0, arg.find('='))));
      if (option && arg.find('=') == std::string_view::npos && option->get_items_expected_min() > 0) ++i;  // its value
      continue;
    }
    bool number = arg.size() > 1 && (std::isdigit(static_cast<unsigned char>(arg[1])) || arg[1] == '.');
    if (arg.size() > 1 && arg[0] == '-' && arg != "-h" && !number)
      throw newsdex::UsageError("'" + std::string(arg) +
                                "' is not an option: to exclude words, put the query after '--', as in "
                                "newsdex-search -- gaza -hamas, or quote it with a word first: 'gaza -hamas'");
  }
}

int usage_error(const std::string& message, bool json) {
  std::cerr << "newsdex-search: " << message << '\n';
  if (json) std::cout << newsdex::error_to_json(newsdex::UsageError(message)).dump() << '\n';
  return static_cast<int>(newsdex::ExitCode::usage);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsdex-search: ranked search over a newsdex database"};
  CommandLine c;
  add_options(app, c);
  app.set_version_flag("--version", std::string("newsdex-search ") + newsdex::version_string);
  try {
    reject_dashed_words(app, argc, argv);
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with 0; CLI11's own errors get our usage code (not its 105-109).
    if (e.get_exit_code() == 0) return app.exit(e);
    return usage_error(std::string(e.what()) + " (see --help)", asks_for_json(argc, argv));
  } catch (const newsdex::UsageError& e) {
    return usage_error(e.what(), asks_for_json(argc, argv));
  }

  bool json_errors = c.json || c.batch;
  try {
    finish_request(c);
    newsdex::Searcher searcher(c.db_paths);
    if (c.batch) {
      auto summary = newsdex::run_batch(searcher, std::cin, std::cout, c.request);
      return summary.failed ? static_cast<int>(newsdex::ExitCode::partial) : 0;
    }
    auto response = searcher.search(c.request);
    if (c.json) {
      newsdex::print_json(std::cout, response);
    } else if (c.jsonl) {
      newsdex::print_jsonl(std::cout, response);
    } else {
      bool color = c.color == "always" || (c.color == "auto" && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
      newsdex::print_text(std::cout, response, {color});
    }
    return 0;
  } catch (const newsdex::Error& e) {
    std::string message = e.what();
    if (const auto* query_error = dynamic_cast<const newsdex::QueryError*>(&e);
        query_error && query_error->position() != std::string::npos && message.find("position") == std::string::npos)
      message += " (at position " + std::to_string(query_error->position()) + " of the query)";
    std::cerr << "newsdex-search: " << message << '\n';
    if (json_errors) std::cout << newsdex::error_to_json(e).dump() << '\n';
    return static_cast<int>(e.code());
  } catch (const Xapian::Error& e) {
    std::cerr << "newsdex-search: " << e.get_description() << '\n';
    return static_cast<int>(newsdex::ExitCode::io_error);
  }
}
