// newsdex-index: command-line front end of the indexing pipeline (common/ does the work).
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>

#include "common/base/errors.hpp"
#include "common/base/option_numbers.hpp"
#include "common/base/path_text.hpp"
#include "common/index/file_walk.hpp"
#include "common/index/run.hpp"
#include "common/store/database.hpp"
#include "common/store/document.hpp"
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
// Files are read whole into memory: 1 TiB is far beyond any article file, and far below overflow.
const newsdex::NumberRange file_size_range{1, 1024.0 * 1024 * 1024 * 1024};

// An unknown --language fails only once indexing starts, after the database was opened and
// stamped with it: check it with the options.
void check_language(const std::string& language) {
  try {
    Xapian::Stem stemmer(language);
  } catch (const Xapian::InvalidArgumentError&) {
    auto languages = Xapian::Stem::get_available_languages();  // space-separated
    for (auto& c : languages) c = c == ' ' ? ',' : c;
    throw newsdex::UsageError("--language: unknown language '" + language + "' (choose one of: " + languages +
                              ",none)");
  }
}

int dump(const std::vector<std::string>& inputs, const newsdex::ReadOptions& options,
         newsdex::EntitySource entity_source) {
  Xapian::TermGenerator indexer;
  auto walk = newsdex::walk_inputs(inputs);
  int failures = 0;
  for (const auto& problem : walk.problems) {
    newsdex::print_problem({problem.path, 0, problem.message, true, problem.failed});
    ++failures;
  }
  for (const auto& file : walk.files) {
    auto result = newsdex::read_articles(file.path, options);
    for (const auto& problem : result.problems) {
      newsdex::print_problem(problem);
      failures += problem.skipped;
    }
    for (auto& article : result.articles) {
      article.path = newsdex::path_text(file.path);  // as the index stores it: any bytes, as valid text
      auto prepared = newsdex::prepare_article(std::move(article), entity_source, false, indexer);
      auto json = newsdex::article_to_json(prepared.article);
      json["warnings"] = prepared.article.warnings;  // shown by --dump, not stored in the index
      std::cout << json.dump(2) << '\n';
    }
  }
  return failures ? static_cast<int>(newsdex::ExitCode::partial) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "newsdex-index: read, clean and index a collection of news articles (plain-text pages, HTML, JSON and "
      "JSON Lines) into a Xapian database. Re-running it indexes only what changed.\n\n"
      "Exit codes: 0 all indexed, 1 some files failed, 2 bad usage, 3 no database, 4 database locked, "
      "5 read/write error, 6 interrupted (work so far committed)."};
  app.set_version_flag("--version", std::string("newsdex-index ") + newsdex::version_string);

  newsdex::IndexOptions options;
  options.db_path = newsdex::default_database_path();
  std::string format = "auto", entities = "both", max_size = "10M";
  std::vector<std::string> json_fields;
  bool dump_only = false, quiet = false, json_summary = false, no_spelling = false;
  app.add_option("paths", options.inputs, "Files and folders to index (folders are read recursively)");
  app.add_option("--db", options.db_path, "Database to create or update ($NEWSDEX_DB)")->capture_default_str();
  app.add_flag("--dump", dump_only, "Print each cleaned article as JSON; touch no database");
  app.add_option("--format", format, "Input format: auto, text, html or json")->capture_default_str();
  std::string jobs = std::to_string(options.jobs), commit_every = std::to_string(options.commit_every);
  app.add_option("-j,--jobs", jobs, "Worker threads for reading, cleaning and extraction (0: one per core; up to 1024)")
      ->capture_default_str()
      ->type_name("NUMBER");
  app.add_option("--commit-every", commit_every,
                 "Commit after this many articles (0: after each file; up to 100000000)")
      ->capture_default_str()
      ->type_name("NUMBER");
  app.add_flag("--prune", options.prune, "Delete articles whose files are gone from the given folders");
  app.add_flag("--force", options.force, "Re-index every file, changed or not");
  bool compact = false, no_compact = false;
  app.add_flag("--compact", compact,
               "Compact the database after a run that changed it (done anyway for a database built from empty)");
  app.add_flag("--no-compact", no_compact, "Never compact, not even a database built from empty");
  app.add_flag("--all-files", options.all_files,
               "In folders, read every file (default: .txt .html .htm .json .jsonl .ndjson and no extension)");
  app.add_flag("--wait", options.wait_for_lock, "Wait for another indexer to finish instead of stopping");
  app.add_flag("-q,--quiet", quiet, "No progress and no summary (problems are still reported)");
  app.add_flag("--json", json_summary, "Print the summary as JSON on stdout");
  app.add_option("--language", options.language, "Stemming language (Xapian Snowball name)")->capture_default_str();
  app.add_option("--entities", entities,
                 "Entities to index: both (extracted and supplied by JSON exports), extracted, supplied, none")
      ->capture_default_str();
  app.add_flag("--no-spelling", no_spelling, "Do not build the spelling dictionary used for 'did you mean'");
  app.add_option("--max-file-size", max_size, "Skip files larger than this (K, M, G suffixes; 1 byte to 1024G)")
      ->capture_default_str()
      ->type_name("SIZE");
  app.add_option("--json-field", json_fields,
                 "Map JSON fields: FIELD=NAME[,NAME...] with FIELD one of title, date, body, lede, url, author, "
                 "source (repeatable)");
  app.add_flag("--date-from-mtime", options.read.date_from_mtime,
               "Use a file's modification time when it gives no publication date");

  auto* stats_command = app.add_subcommand("stats", "Show what an index holds: counts, dates, top entities, size");
  std::string top = "10";
  bool stats_json = false;
  stats_command->add_option("--db", options.db_path, "Database to describe")->capture_default_str();
  stats_command->add_option("--top", top, "How many top entities of each kind (0 to 100000)")
      ->capture_default_str()
      ->type_name("NUMBER");
  stats_command->add_flag("--json", stats_json, "Print as JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with 0; CLI11's own errors get our usage code (not its 105-109).
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << "newsdex-index: " << e.what() << " (see --help)\n";
    return static_cast<int>(newsdex::ExitCode::usage);
  }

  try {
    if (stats_command->parsed())
      return newsdex::print_stats(options.db_path, newsdex::parse_count("--top", top, top_range), stats_json);
    check_language(options.language);
    options.jobs = static_cast<unsigned>(newsdex::parse_count("--jobs", jobs, jobs_range));
    options.commit_every = newsdex::parse_count("--commit-every", commit_every, commit_range);
    options.read.max_file_bytes = newsdex::parse_byte_size("--max-file-size", max_size, file_size_range);
    if (options.inputs.empty()) throw newsdex::UsageError("no paths given (see --help)");
    options.read.format = newsdex::parse_input_format(format);
    for (const auto& mapping : json_fields) newsdex::apply_json_field_mapping(mapping, options.read.json_fields);
    options.entity_source = newsdex::parse_entity_source(entities);
    options.spelling = !no_spelling;
    if (compact && no_compact) throw newsdex::UsageError("--compact and --no-compact contradict each other");
    if (compact) options.compaction = newsdex::IndexOptions::Compaction::always;
    if (no_compact) options.compaction = newsdex::IndexOptions::Compaction::never;
    if (dump_only) return dump(options.inputs, options.read, options.entity_source);

    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    newsdex::ProgressReporter progress(quiet || json_summary);
    newsdex::IndexCallbacks callbacks;
    callbacks.progress = [&](const newsdex::IndexProgress& p) { progress.update(p); };
    callbacks.problem = [&](const newsdex::ReadProblem& problem) {
      progress.finish();
      newsdex::print_problem(problem);
    };
    callbacks.stop = &stop_requested;
    auto summary = newsdex::run_index(options, callbacks);
    progress.finish();
    if (json_summary)
      std::cout << newsdex::summary_to_json(summary, options.db_path).dump(2) << '\n';
    else if (!quiet)
      newsdex::print_summary(summary, options.db_path);
    if (summary.interrupted) return static_cast<int>(newsdex::ExitCode::interrupted);
    return summary.files_failed ? static_cast<int>(newsdex::ExitCode::partial) : 0;
  } catch (const newsdex::Error& e) {
    std::cerr << "newsdex-index: " << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const Xapian::DatabaseLockError& e) {
    std::cerr << "newsdex-index: database is locked: " << e.get_msg() << '\n';
    return static_cast<int>(newsdex::ExitCode::locked);
  } catch (const Xapian::Error& e) {
    std::cerr << "newsdex-index: database error: " << e.get_description()
              << " (everything committed before this point is kept)\n";
    return static_cast<int>(newsdex::ExitCode::io_error);
  } catch (const std::exception& e) {
    std::cerr << "newsdex-index: " << e.what() << " (everything committed before this point is kept)\n";
    return static_cast<int>(newsdex::ExitCode::io_error);
  }
}
