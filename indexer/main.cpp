// newsdex-index: command-line front end of the indexing pipeline (common/ does the work). main() reads
// the options, checks them, then runs one of three things (stats, --dump, an index run) and reports.
#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>

#include "cli/command_docs.hpp"
#include "common/base/errors.hpp"
#include "common/base/option_numbers.hpp"
#include "common/base/path_text.hpp"
#include "common/index/compact.hpp"
#include "common/index/curate.hpp"
#include "common/index/dump.hpp"
#include "common/index/language.hpp"
#include "common/index/run.hpp"
#include "common/store/database.hpp"
#include "indexer/progress.hpp"
#include "indexer/report.hpp"
#include "newsdex/version.hpp"

namespace {

// Set by SIGINT/SIGTERM; the run finishes its batch, commits and stops. The only global state:
// a signal handler can reach nothing else.
std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int signal_number) {
  stop_requested.store(true);
  std::signal(signal_number, SIG_DFL);  // a second signal stops at once
}

// Every number option as text, read by common/option_numbers with its range (CLI11's own conversion
// wraps -1 and truncates to the type's width).
const newsdex::NumberRange jobs_range{0, 1024}, commit_range{0, 100'000'000}, top_range{0, 100'000};
const newsdex::NumberRange shards_range{1, 256};
// Files are read whole into memory: 1 TiB is far beyond any article file, and far below overflow.
const newsdex::NumberRange file_size_range{1, 1024.0 * 1024 * 1024 * 1024};

// The command line as given: options the library takes as they are, the rest as text until checked.
struct CommandLine {
  newsdex::IndexOptions options;
  std::string format = "auto", entities = "both", max_size = "10M";
  std::string jobs = std::to_string(options.jobs), commit_every = std::to_string(options.commit_every);
  std::string shards;  // empty: what the database has (one database for a new one)
  std::vector<std::string> json_fields;
  std::string curation_file;
  bool dump_only = false, quiet = false, verbose = false, json_summary = false, no_spelling = false;
  bool compact = false, no_compact = false;
  CLI::App* stats_command = nullptr;
  CLI::App* compact_command = nullptr;
  CLI::App* merge_command = nullptr;
  CLI::App* shards_command = nullptr;
  std::string top = "10";
  bool stats_json = false;
};

void add_options(CLI::App& app, CommandLine& c) {
  auto& options = c.options;
  app.add_option("paths", options.inputs, "Files and folders to index (folders are read recursively)")
      ->type_name("PATH");
  app.add_option("--db", options.db_path, "Database to create or update ($NEWSDEX_DB)")
      ->capture_default_str()
      ->type_name("FOLDER");
  app.add_flag("--dump", c.dump_only, "Print each cleaned article as JSON; touch no database");
  app.add_option("--format", c.format, "Input format: auto, text, html or json")
      ->capture_default_str()
      ->type_name("auto|text|html|json");
  app.add_option("-j,--jobs", c.jobs,
                 "Worker threads for reading, cleaning and extraction (0: one per core; up to 1024)")
      ->capture_default_str()
      ->type_name("NUMBER");
  app.add_option("--commit-every", c.commit_every,
                 "Commit after this many articles (0: after each file; up to 100000000)")
      ->capture_default_str()
      ->type_name("NUMBER");
  app.add_option("--shards", c.shards,
                 "Build a new collection as this many shard databases, written in parallel (1 to 256; fixed at "
                 "creation; default: what the database has, one for a new one)")
      ->type_name("NUMBER");
  app.add_flag("--prune", options.prune, "Delete articles whose files are gone from the given folders");
  app.add_flag("--force", options.force, "Re-index every file, changed or not");
  app.add_flag("--compact", c.compact,
               "Compact the database after a run that changed it (done anyway for a database built from empty or "
               "mostly rewritten); without paths, compact it now (as the compact command)");
  app.add_flag("--no-compact", c.no_compact, "Never compact, not even a database built from empty");
  app.add_flag("--all-files", options.all_files,
               "In folders, read every file (default: .txt .html .htm .json .jsonl .ndjson and no extension)");
  app.add_flag("--wait", options.wait_for_lock, "Wait for another indexer to finish instead of stopping");
  app.add_flag("-q,--quiet", c.quiet, "Print errors only: no progress, no warnings, no summary");
  app.add_flag("-v,--verbose", c.verbose,
               "Print every warning and skipped file as found (default: one line per kind, with a count)");
  app.add_flag("--json", c.json_summary, "Print the summary as JSON on stdout");
  app.add_option("--language", options.language,
                 "Stemming language (Xapian Snowball name; default: the database's own, english for a new one)");
  app.add_option("--entities", c.entities,
                 "Entities to index: both (extracted and supplied by JSON exports), extracted, supplied, none")
      ->capture_default_str()
      ->type_name("both|extracted|supplied|none");
  app.add_flag("--no-spelling", c.no_spelling, "Do not build the spelling dictionary used for 'did you mean'");
  app.add_option("--max-file-size", c.max_size, "Skip files larger than this (K, M, G suffixes; 1 byte to 1024G)")
      ->capture_default_str()
      ->type_name("SIZE");
  app.add_option("--json-field", c.json_fields,
                 "Map JSON fields: FIELD=NAME[,NAME...] with FIELD one of title, date, body, lede, url, author, "
                 "source (repeatable)");
  app.add_flag("--date-from-mtime", options.read.date_from_mtime,
               "Use a file's modification time when it gives no publication date");
  app.add_option("--curate", c.curation_file,
                 "Apply a curation file (docs/entities.md, Curation) to the database's entities, reading no "
                 "articles; later runs apply it to new articles")
      ->type_name("FILE");

  c.stats_command = app.add_subcommand("stats", "Show what an index holds: counts, dates, top entities, size");
  c.stats_command->add_option("--db", options.db_path, "Database to describe")
      ->capture_default_str()
      ->type_name("FOLDER");
  c.stats_command->add_option("--top", c.top, "How many top entities of each kind (0 to 100000)")
      ->capture_default_str()
      ->type_name("NUMBER");
  c.stats_command->add_flag("--json", c.stats_json, "Print as JSON");

  c.compact_command = app.add_subcommand(
      "compact", "Compact the database (about half the size after updates); searches meanwhile are not disturbed");
  c.compact_command->add_option("--db", options.db_path, "Database to compact")
      ->capture_default_str()
      ->type_name("FOLDER");
  c.compact_command->add_flag("--wait", options.wait_for_lock, "Wait for another indexer to finish");
  c.compact_command->add_flag("--json", c.json_summary, "Print the sizes before and after as JSON");
  c.compact_command->add_flag("-q,--quiet", c.quiet, "Print errors only");

  c.merge_command = app.add_subcommand(
      "merge",
      "Merge a sharded collection into one database (xapian-compact's merge); searches meanwhile are "
      "not disturbed");
  c.merge_command->add_option("--db", options.db_path, "Collection to merge")
      ->capture_default_str()
      ->type_name("FOLDER");
  c.merge_command->add_flag("--wait", options.wait_for_lock, "Wait for another indexer to finish");
  c.merge_command->add_flag("--json", c.json_summary, "Print the sizes before and after as JSON");
  c.merge_command->add_flag("-q,--quiet", c.quiet, "Print errors only");

  c.shards_command = app.add_subcommand("shards", "List the databases of a collection: articles and size of each");
  c.shards_command->add_option("--db", options.db_path, "Collection to describe")
      ->capture_default_str()
      ->type_name("FOLDER");
  c.shards_command->add_flag("--json", c.json_summary, "Print as JSON");
}

// `compact` (or --compact without paths) and `merge`: the sizes before and after, on stderr or as JSON.
int compact_only(const CommandLine& c, bool merge) {
  auto result = merge ? newsdex::merge_database(c.options.db_path, c.options.wait_for_lock)
                      : newsdex::compact_database(c.options.db_path, c.options.wait_for_lock);
  if (c.json_summary)
    std::cout << nlohmann::json{{"database", newsdex::path_text(c.options.db_path)},
                                {"bytes_before", result.bytes_before},
                                {"bytes_after", result.bytes_after}}
                     .dump(2)
              << '\n';
  else if (!c.quiet)
    std::cerr << "newsdex-index: " << (merge ? "merged " : "compacted ") << newsdex::path_text(c.options.db_path)
              << ": " << newsdex::megabytes(result.bytes_before) << " -> " << newsdex::megabytes(result.bytes_after)
              << '\n';
  return 0;
}

// `shards`: one line (or JSON object) per database of the collection.
int list_shards(const CommandLine& c) {
  auto shards = newsdex::describe_shards(c.options.db_path);
  if (c.json_summary) {
    auto list = nlohmann::json::array();
    for (const auto& shard : shards)
      list.push_back({{"path", newsdex::path_text(shard.path)}, {"articles", shard.articles}, {"bytes", shard.bytes}});
    std::cout << nlohmann::json{{"database", newsdex::path_text(c.options.db_path)}, {"shards", list}}.dump(2) << '\n';
    return 0;
  }
  for (const auto& shard : shards)
    std::cout << newsdex::path_text(shard.path) << '\t' << shard.articles << " articles\t"
              << newsdex::megabytes(shard.bytes) << '\n';
  return 0;
}

// Turns the text options into the run's options; throws UsageError for a bad value or a
// contradiction, before any database is created or changed.
void check_options(CommandLine& c) {
  auto& options = c.options;
  if (!options.language.empty()) newsdex::check_language(options.language);
  options.jobs = static_cast<unsigned>(newsdex::parse_count("--jobs", c.jobs, jobs_range));
  options.commit_every = newsdex::parse_count("--commit-every", c.commit_every, commit_range);
  if (!c.shards.empty())
    options.shards = static_cast<unsigned>(newsdex::parse_count("--shards", c.shards, shards_range));
  options.read.max_file_bytes = newsdex::parse_byte_size("--max-file-size", c.max_size, file_size_range);
  if (options.inputs.empty()) throw newsdex::UsageError("no paths given (see --help)");
  options.read.format = newsdex::parse_input_format(c.format);
  for (const auto& mapping : c.json_fields) newsdex::apply_json_field_mapping(mapping, options.read.json_fields);
  options.entity_source = newsdex::parse_entity_source(c.entities);
  options.spelling = !c.no_spelling;
  if (c.quiet && c.verbose) throw newsdex::UsageError("--quiet and --verbose contradict each other");
  if (c.compact && c.no_compact) throw newsdex::UsageError("--compact and --no-compact contradict each other");
  if (c.compact) options.compaction = newsdex::IndexOptions::Compaction::always;
  if (c.no_compact) options.compaction = newsdex::IndexOptions::Compaction::never;
}

newsdex::ProblemDetail problem_detail(const CommandLine& c) {
  if (c.quiet) return newsdex::ProblemDetail::errors_only;
  return c.verbose ? newsdex::ProblemDetail::every_problem : newsdex::ProblemDetail::summary;
}

int dump(const CommandLine& c) {
  newsdex::ProblemPrinter problems(problem_detail(c));
  auto failures = newsdex::dump_articles(c.options.inputs, c.options.read, c.options.entity_source, std::cout,
                                         [&](const newsdex::ReadProblem& problem) { problems.add(problem); });
  problems.finish();
  return failures ? static_cast<int>(newsdex::ExitCode::partial) : 0;
}

// The run's summary, as JSON on stdout or as lines on stderr, and the exit code it stands for.
int report(const newsdex::IndexSummary& summary, const CommandLine& c) {
  if (c.json_summary)
    std::cout << newsdex::summary_to_json(summary, c.options.db_path).dump(2) << '\n';
  else if (!c.quiet)
    newsdex::print_summary(summary, c.options.db_path);
  if (summary.interrupted) return static_cast<int>(newsdex::ExitCode::interrupted);
  return summary.files_failed ? static_cast<int>(newsdex::ExitCode::partial) : 0;
}

// --curate: the file applied to the database; its report, each rule that changes nothing a warning.
int curate(const CommandLine& c) {
  if (!c.options.inputs.empty() || c.dump_only)
    throw newsdex::UsageError("--curate changes the database's entities: give no paths to index and no --dump");
  auto report = newsdex::curate_database(c.options.db_path, c.curation_file, c.options.wait_for_lock);
  newsdex::print_curation_report(report, c.options.db_path, c.json_summary, c.quiet);
  return 0;
}

int run(const CommandLine& c) {
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  newsdex::ProgressReporter progress(c.quiet || c.json_summary);
  newsdex::IndexCallbacks callbacks;
  callbacks.progress = [&](const newsdex::IndexProgress& p) { progress.update(p); };
  newsdex::ProblemPrinter problems(problem_detail(c), [&] { progress.finish(); });
  callbacks.problem = [&](const newsdex::ReadProblem& problem) { problems.add(problem); };
  callbacks.stop = &stop_requested;
  std::optional<newsdex::IndexSummary> summary;
  try {
    summary = newsdex::run_index(c.options, callbacks);
  } catch (...) {
    problems.finish();  // what was held back is still said before the error
    throw;
  }
  progress.finish();
  problems.finish();
  return report(*summary, c);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "newsdex-index: read, clean and index a collection of news articles (plain-text pages, HTML, JSON and "
      "JSON Lines) into a Xapian database. Re-running it indexes only what changed."};
  app.set_version_flag("-V,--version", std::string("newsdex-index ") + newsdex::version_string);
  CommandLine c;
  c.options.db_path = newsdex::default_database_path();
  add_options(app, c);
  newsdex::cli::add_generated_docs(
      app, {"newsdex-index", newsdex::Program::index, "index a collection of news articles for newsdex-search",
            "Paths that start with '-' go after '--': newsdex-index -- -drafts/", "newsdex-search(1)"});
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with 0; CLI11's own errors get our usage code (not its 105-109).
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << "newsdex-index: " << e.what() << " (see --help)\n";
    return static_cast<int>(newsdex::ExitCode::usage);
  }

  // The library turns Xapian's errors into newsdex::Errors (common/store/xapian_errors.hpp).
  try {
    if (c.stats_command->parsed())
      return newsdex::print_stats(c.options.db_path, newsdex::parse_count("--top", c.top, top_range), c.stats_json);
    if (c.compact_command->parsed() || (c.compact && c.options.inputs.empty() && !c.dump_only))
      return compact_only(c, false);
    if (c.merge_command->parsed()) return compact_only(c, true);
    if (c.shards_command->parsed()) return list_shards(c);
    if (!c.curation_file.empty()) return curate(c);
    check_options(c);
    return c.dump_only ? dump(c) : run(c);
  } catch (const newsdex::Error& e) {
    std::cerr << "newsdex-index: " << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "newsdex-index: " << e.what() << " (everything committed before this point is kept)\n";
    return static_cast<int>(newsdex::ExitCode::io_error);
  }
}
