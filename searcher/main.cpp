// newsdex-search: command-line front end of the searcher (common/ does the work): options -> a
// SearchRequest -> Searcher -> a printer. docs/search.md and docs/query.md describe the behaviour.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iostream>
#include <limits>
#include <optional>
#include <string_view>

#include "cli/command_docs.hpp"
#include "common/base/errors.hpp"
#include "common/base/option_choices.hpp"
#include "common/output/article_output.hpp"
#include "common/output/batch.hpp"
#include "common/output/cooccurrence_output.hpp"
#include "common/output/export.hpp"
#include "common/output/printers.hpp"
#include "common/output/stream.hpp"
#include "common/search/request.hpp"
#include "common/search/search.hpp"
#include "common/store/curation_file.hpp"
#include "common/store/database.hpp"
#include "newsdex/version.hpp"
#include "searcher/terminal_width.hpp"

namespace {

enum class Color { automatic, always, never };
constexpr newsdex::OptionChoice<Color> color_choices[] = {
    {"auto", Color::automatic}, {"always", Color::always}, {"never", Color::never}};

// The command line as given: the request's options as written (checked by the library's
// request_with(), as a batch JSON request's are), the rest (output, colour, databases) here.
struct CommandLine {
  std::vector<std::string> words, db_paths;
  newsdex::RequestOptions given;
  newsdex::SearchRequest request;  // made by finish_request
  std::string color = "auto";
  Color color_choice = Color::automatic;
  bool json = false, jsonl = false, batch = false;
  bool allow_partial = false;  // answer from the shards that are up
  bool count = false, csv = false, tsv = false, null_separated = false, estimate = false;
  bool every_match = false;  // --limit all
  std::optional<std::string> output, fields;
  std::optional<std::string> show, cooccurrence, cooccurrence_size;  // --show, --cooccurrence
  std::string entity_type;               // --entities [TYPE]: empty for all three
  CLI::Option* list_entities = nullptr;  // given: list the collection's entities instead of searching
  newsdex::ExportOptions exports;  // made by finish_request for --csv, --tsv and --output
};

// Options of the request are kept as written, and unset when not given (the request's default).
CLI::Option* text_option(CLI::App& app, const char* name, std::optional<std::string>& target, const char* help,
                         const char* shown_default = nullptr) {
  auto* option = app.add_option_function<std::string>(
      name, [&target](const std::string& text) { target = text; }, help);
  if (shown_default) option->default_str(shown_default);
  return option;
}

void list_option(CLI::App& app, const char* name, std::optional<std::vector<std::string>>& target, const char* help) {
  app.add_option_function<std::vector<std::string>>(
         name, [&target](const std::vector<std::string>& items) { target = items; }, help)
      ->allow_extra_args(false);
}

void flag_option(CLI::App& app, const char* name, std::optional<bool>& target, bool value, const char* help) {
  app.add_flag_function(
      name, [&target, value](std::int64_t) { target = value; }, help);
}

void add_options(CLI::App& app, CommandLine& c) {
  const newsdex::SearchRequest r;  // the defaults shown by --help
  auto& g = c.given;
  app.add_option("query", c.words, "The query (docs/query.md); several words are joined with spaces");
  app.add_option(
         "--db", c.db_paths,
         "Database to search; repeat to search several as one (default: $NEWSDEX_DB or ~/.local/share/newsdex/db)")
      ->allow_extra_args(false)
      ->type_name("FOLDER");
  // Number options are taken as text and checked by request_with(), as batch JSON requests are:
  // CLI11's own conversion wraps -1 and truncates to the type's width.
  auto number = [&](const char* option, const char* help, const std::string& default_text = {}) {
    const auto* entry = newsdex::find_request_number(option);
    auto* added = app.add_option_function<std::string>(
        option, [&g, entry](const std::string& text) { g.numbers.emplace_back(entry, text); }, help);
    added->type_name("NUMBER");
    if (!default_text.empty()) added->default_str(default_text);
  };
  app.add_option_function<std::string>(
         "--limit",
         [&g, &c](const std::string& text) {
           // "all": every match, written as it is found (--jsonl, --csv, --tsv, --output only).
           c.every_match = text == "all";
           if (!c.every_match) g.numbers.emplace_back(newsdex::find_request_number("--limit"), text);
         },
         "Number of results (0 to 1000000), or all (with --jsonl, --csv, --tsv or --output)")
      ->type_name("NUMBER|all")
      ->default_str(std::to_string(r.limit));
  number("--offset", "Skip this many results, for paging (0 to 1000000000)", std::to_string(r.offset));
  text_option(app, "--sort", g.sort, "relevance, newest or oldest", "relevance")->type_name("relevance|newest|oldest");
  text_option(app, "--match", g.match,
              "Between words: auto (all words for up to 4 words, else any; any when all finds nothing), all or any",
              "auto")
      ->type_name("auto|all|any");
  app.add_flag("--any", g.any, "Same as --match any: any of the words, ranked");
  app.add_flag("--all", g.all, "Same as --match all: every word must match");
  list_option(app, "--person", g.people, "Only articles naming this person (repeat: all of them)");
  list_option(app, "--org", g.organisations, "Only articles naming this organisation (repeat: all of them)");
  list_option(app, "--place", g.places, "Only articles naming this place (repeat: all of them)");
  list_option(app, "--source", g.sources, "Only articles from this source (repeat: any of them)");
  flag_option(app, "--any-person", g.any_person, true, "Repeated --person means any of them");
  flag_option(app, "--any-org", g.any_organisation, true, "Repeated --org means any of them");
  flag_option(app, "--any-place", g.any_place, true, "Repeated --place means any of them");
  text_option(app, "--from", g.from, "Published on or after: YYYY, YYYY-MM or YYYY-MM-DD");
  text_option(app, "--to", g.to, "Published on or before: YYYY, YYYY-MM or YYYY-MM-DD");
  list_option(app, "--facet", g.facets,
              "Count matches per person, org, place, source, date (comma-separated); date:day|week|month|year "
              "for a histogram with every bucket");
  number("--facet-size", "Values shown per facet (0 to 100000)", std::to_string(r.facet_size));
  number("--snippet-length", "Snippet length in characters (0: none; up to 100000)", std::to_string(r.snippet_length));
  app.add_option("--color", c.color, "Highlight matches: auto, always or never")
      ->capture_default_str()
      ->type_name("auto|always|never");
  app.add_flag("--json", c.json, "Print one JSON document (docs/json-format.md)");
  app.add_flag("--jsonl", c.jsonl, "Print one JSON object per result, one per line, then a summary line");
  app.add_flag("--count", c.count,
               "Print only the exact number of matching articles (with --json: the document, no results)");
  app.add_flag("--estimate", c.estimate,
               "Count cheaply: Xapian's estimate, shown as 'about N' (JSON total: null); not with --count");
  app.add_flag("--csv", c.csv, "Write the results as CSV (RFC 4180) with a header row; --fields chooses the columns");
  app.add_flag("--tsv", c.tsv,
               "Write the results as TSV with a header row (tab, newline, CR, backslash as \\t \\n \\r \\\\)");
  app.add_option("--fields", c.fields, "Columns of --csv and --tsv, comma-separated: " + newsdex::export_field_names())
      ->default_str(std::string(newsdex::default_export_fields));
  app.add_option("--output", c.output, "Write one item per result: ids (article ids) or paths (each file once)")
      ->type_name("ids|paths");
  app.add_flag("-0,--null", c.null_separated, "With --output: end each item with NUL, not newline (for xargs -0)");
  app.add_option("--show", c.show,
                 "Print one article whole (cleaned text, metadata, entities) by docid, path or id; with --json, JSON")
      ->type_name("DOCID|PATH|ID");
  app.add_option("--cooccurrence", c.cooccurrence,
                 "Pairs of entities named together in the matching articles, with article counts (text, --csv, "
                 "--tsv or --json): all, or a comma list of person, org, place")
      ->type_name("all|TYPES");
  app.add_option("--cooccurrence-size", c.cooccurrence_size,
                 "Pairs listed by --cooccurrence, most articles first, or all")
      ->type_name("NUMBER|all")
      ->default_str(std::to_string(newsdex::default_pair_limit));
  c.list_entities = app.add_option("--entities", c.entity_type,
                                   "List the collection's entities for review, most articles first: each with its "
                                   "type, count, written forms and other types (person, org or place: only those)")
                        ->expected(0, 1)
                        ->type_name("[TYPE]");
  app.add_flag("--allow-partial", c.allow_partial,
               "With several shards (--db, stub files): answer from those that are up, and say which are missing");
  app.add_flag("--batch", c.batch, "Read queries from stdin (text or JSON per line), write one JSON result per line");
  flag_option(app, "--auto-correct", g.auto_correct, true, "Run the suggested spelling when the query finds nothing");
  text_option(app, "--like", g.like, "Articles like this one (an id or docid shown in results)");
  text_option(app, "--bm25", g.bm25, "BM25 parameters k1,k2,k3,b,min_normlen (default 2,0,1,0.75,0.5)");
  text_option(app, "--expand", g.expand,
              "Add words from the top results: auto (for queries ranked with any word), 0 (off), or "
              "TERMS[,DOCS[,WEIGHT]] (auto = 5,5,0.3)",
              "auto");
  number("--recency-boost", "Favour recent articles: half-life in days (0: off; up to 100000)");
  flag_option(app, "--no-collapse", g.collapse_duplicates, false, "Show duplicate articles too");
  number("--max-wildcard", "Most words a wildcard may expand to (1 to 1000000)",
         std::to_string(r.query.max_wildcard_terms));
}

// Turns the parsed options into the request; throws UsageError for a bad value or a contradiction.
void finish_request(CommandLine& c) {
  int formats = c.json + c.jsonl + c.batch + c.csv + c.tsv + c.output.has_value();
  if (formats > 1) throw newsdex::UsageError("choose one of --json, --jsonl, --csv, --tsv, --output and --batch");
  if (c.count && (formats - c.json) > 0)
    throw newsdex::UsageError("--count prints a number: give it alone, or with --json");
  if (c.batch && !c.words.empty()) throw newsdex::UsageError("--batch reads queries from stdin: give no query");
  if (c.every_match && !(c.jsonl || c.csv || c.tsv || c.output))
    throw newsdex::UsageError(
        "--limit all writes every match as it is found: give it with --jsonl, --csv, --tsv or --output");
  if (c.fields && !(c.csv || c.tsv))
    throw newsdex::UsageError("--fields chooses the columns of --csv or --tsv: give one");
  if (c.null_separated && !c.output)
    throw newsdex::UsageError("-0 separates the items of --output: give --output ids or paths");
  c.color_choice = newsdex::parse_choice<Color>("--color value", c.color, color_choices);
  if (c.csv || c.tsv) {
    c.exports.format = c.csv ? newsdex::ExportFormat::csv : newsdex::ExportFormat::tsv;
    c.exports.fields = newsdex::parse_export_fields(c.fields.value_or(std::string(newsdex::default_export_fields)));
  } else if (c.output) {
    c.exports.format = newsdex::parse_export_output(*c.output);
    c.exports.separator = c.null_separated ? '\0' : '\n';
  }
  auto& text = c.given.text.emplace();
  for (const auto& word : c.words) text += (text.empty() ? "" : " ") + word;
  c.request = newsdex::request_with(c.given, {});
  if (c.count && c.estimate) throw newsdex::UsageError("--count is exact: give --count or --estimate, not both");
  // One query: counting every match costs little next to starting the program (docs/search.md, Counts).
  if (!c.batch && !c.estimate) c.request.exact_count = true;
  if (c.every_match) newsdex::ask_for_every_match(c.request);
  if (c.count) {
    c.request.limit = 0;
    c.request.top_up_page = false;  // the count of the query, not of a page
  }
  bool snippets_shown =
      !(c.csv || c.tsv || c.output) || std::any_of(c.exports.fields.begin(), c.exports.fields.end(),
                                                   [](const newsdex::ExportField& f) { return f.name == "snippet"; });
  if (!snippets_shown) c.request.snippet_length = 0;  // not made when no column shows them
  if (c.db_paths.empty()) c.db_paths.push_back(newsdex::default_database_path());
  if (c.show && (formats - c.json > 0 || c.count || !c.words.empty() || c.cooccurrence))
    throw newsdex::UsageError("--show prints one article: give it alone, or with --json");
  if (c.cooccurrence_size && !c.cooccurrence)
    throw newsdex::UsageError("--cooccurrence-size limits the pairs of --cooccurrence: give one");
  if (c.cooccurrence) {
    if (c.count || c.jsonl || c.output || c.batch || c.fields)
      throw newsdex::UsageError("--cooccurrence writes its pairs as text, --csv, --tsv or --json: give one of those");
    newsdex::ask_for_cooccurrence(c.request, *c.cooccurrence, c.cooccurrence_size);
  }
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
// error. The searcher has no short option but -h, -V and -0, so such a word is a query: say how to
// give it.
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
    if (arg.size() > 1 && arg[0] == '-' && arg != "-h" && arg != "-V" && !number)
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

// An error of the request or the search: one line on stderr (a query error says where in the query),
// and the JSON error object on stdout when JSON was asked for.
int report_error(const newsdex::Error& e, bool json) {
  std::string message = e.what();
  if (const auto* query_error = dynamic_cast<const newsdex::QueryError*>(&e);
      query_error && query_error->position() != std::string::npos && message.find("position") == std::string::npos)
    message += " (at position " + std::to_string(query_error->position()) + " of the query)";
  std::cerr << "newsdex-search: " << message << '\n';
  if (json) std::cout << newsdex::error_to_json(e).dump() << '\n';
  return static_cast<int>(e.code());
}

// The note on stderr, after --count or an export, that no article has every word but some have some.
void note_some_words(const newsdex::SearchResponse& response, std::string_view what_any_does) {
  std::cerr << "newsdex-search: no article has every word; " << response.topped_up.lower_bound
            << " have some of them (--any " << what_any_does << " those)\n";
}

// --count: the number on stdout; when no article has every word, a note on stderr says how many
// have some of them (they are not counted: --any counts them).
void print_count(const newsdex::SearchResponse& response) {
  std::cout << response.matching.lower_bound << '\n';
  if (response.matching.lower_bound == 0 && response.topped_up.lower_bound > 0) note_some_words(response, "counts");
}

// After an export: a note on stderr when the list is not every match (--limit), or when no article
// has every word; stdout holds the data only.
void note_export(const newsdex::SearchResponse& response, std::size_t written, bool every_match) {
  const auto total = response.matching.lower_bound;
  if (!every_match && response.matching.exact() && response.request.offset + written < total &&
      !response.fallback_to_any)
    std::cerr << "newsdex-search: wrote " << written << " of " << total
              << " matching articles (--limit all writes every one)\n";
  if (total == 0 && response.topped_up.lower_bound > 0 && !response.fallback_to_any) note_some_words(response, "lists");
}

// --jsonl, --csv, --tsv, --output: with --limit all each result is written as it is made, never all
// held at once.
void stream_results(newsdex::Searcher& searcher, const CommandLine& c) {
  if (c.jsonl) {
    std::size_t written = 0;
    auto response = newsdex::search_and_write(searcher, c.request, [&](const newsdex::Hit& hit) {
      newsdex::print_jsonl_hit(std::cout, hit);
      ++written;
    });
    newsdex::print_jsonl_summary(std::cout, response, written);
    return;
  }
  newsdex::ExportWriter writer(std::cout, c.exports);
  auto response = newsdex::search_and_write(searcher, c.request, [&](const newsdex::Hit& hit) { writer.add(hit); });
  writer.finish();
  note_export(response, writer.written(), c.every_match);
}

bool use_color(const CommandLine& c) {
  return c.color_choice == Color::always ||
         (c.color_choice == Color::automatic && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
}

// --entities [TYPE]: the collection's entities, with --limit (all: every one), --json and --db.
int print_entities(CommandLine& c) {
  if (!c.words.empty()) throw newsdex::UsageError("--entities lists the whole collection's entities: give no query");
  if (c.jsonl || c.csv || c.tsv || c.output || c.batch || c.count)
    throw newsdex::UsageError("--entities prints a list of its own: give it alone, or with --json, --limit and --db");
  std::optional<newsdex::schema::EntityType> type;
  if (!c.entity_type.empty()) type = newsdex::parse_entity_type(c.entity_type);
  c.color_choice = newsdex::parse_choice<Color>("--color value", c.color, color_choices);
  auto limit = c.every_match ? std::numeric_limits<std::size_t>::max() : newsdex::request_with(c.given, {}).limit;
  if (c.db_paths.empty()) c.db_paths.push_back(newsdex::default_database_path());
  auto listing = newsdex::list_entities(c.db_paths, type, limit);
  if (c.json) {
    newsdex::print_entity_listing_json(std::cout, listing);
  } else {
    newsdex::print_entity_listing_text(std::cout, listing, {use_color(c), newsdex::terminal_width()});
  }
  return 0;
}

// Runs the request (or, with --batch, every request on stdin) and prints the results.
int search_and_print(const CommandLine& c) {
  newsdex::Searcher searcher(c.db_paths, c.allow_partial);
  bool color = use_color(c);
  if (c.show) {
    auto shown = newsdex::show_articles(searcher, *c.show);
    c.json ? newsdex::print_shown_json(std::cout, shown) : newsdex::print_shown_text(std::cout, shown, {color});
    return 0;
  }
  if (c.cooccurrence) {
    using Format = newsdex::CooccurrenceFormat;
    auto format = c.csv ? Format::csv : c.tsv ? Format::tsv : c.json ? Format::json : Format::text;
    newsdex::print_cooccurrence(std::cout, searcher.search(c.request), format);
    return 0;
  }
  if (c.batch) {
    auto summary = newsdex::run_batch(searcher, std::cin, std::cout, c.request);
    return summary.failed ? static_cast<int>(newsdex::ExitCode::partial) : 0;
  }
  if (c.jsonl || c.csv || c.tsv || c.output) {
    stream_results(searcher, c);
    return 0;
  }
  auto response = searcher.search(c.request);
  if (c.json) {
    newsdex::print_json(std::cout, response);
  } else if (c.count) {
    print_count(response);
  } else {
    newsdex::print_text(std::cout, response, {color, newsdex::terminal_width()});
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsdex-search: ranked search over a newsdex database"};
  CommandLine c;
  add_options(app, c);
  app.set_version_flag("-V,--version", std::string("newsdex-search ") + newsdex::version_string);
  newsdex::cli::add_generated_docs(
      app,
      {"newsdex-search", newsdex::Program::search, "ranked search over a newsdex database of news articles",
       "A query that starts with '-' goes after '--': newsdex-search -- -flood (docs/query.md).", "newsdex-index(1)"});
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

  // The library turns Xapian's errors into newsdex::Errors (common/store/xapian_errors.hpp).
  try {
    if (c.list_entities->count()) return print_entities(c);
    finish_request(c);
    return search_and_print(c);
  } catch (const newsdex::Error& e) {
    return report_error(e, c.json || c.batch);
  }
}
