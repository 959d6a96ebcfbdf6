// One indexing run: walk the inputs, skip what has not changed, read/clean/extract on worker
// threads, write through one IndexWriter, commit periodically, prune, and count what happened.
#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/index/article_preparation.hpp"
#include "common/index/writer.hpp"
#include "common/readers/reader.hpp"

namespace newsdex {

inline constexpr const char* default_language = "english";

struct IndexOptions {
  std::vector<std::string> inputs;
  std::string db_path;
  ReadOptions read;
  EntitySource entity_source = EntitySource::both;
  bool spelling = true;
  // Empty: the language the database was built with, or default_language for a new one.
  std::string language;
  unsigned jobs = 0;                // 0: the number of cores
  std::size_t commit_every = 1000;  // articles between commits
  bool prune = false;
  unsigned shards = 0;  // a new collection's shard databases (0: one database, or what it has)
  bool wait_for_lock = false;
  bool force = false;      // re-index every file even when unchanged
  bool all_files = false;  // read every file in folders, not only article file names
  // Compaction after a run that changed the database: automatic compacts a database this run
  // built from empty or mostly rewrote (--force: cheap next to the run, and without it each forced
  // run left the database half as large again); always and never say so.
  enum class Compaction { automatic, always, never } compaction = Compaction::automatic;
};

struct IndexProgress {
  std::size_t files_total = 0, files_done = 0, articles = 0;
  std::chrono::steady_clock::duration elapsed{};
};

struct IndexSummary {
  std::size_t files_passed_over = 0;  // other file types inside folders (see --all-files)
  std::size_t files_seen = 0, files_unchanged = 0, files_indexed = 0, files_failed = 0, files_pruned = 0;
  WriteCounts articles;
  std::size_t articles_skipped = 0;
  std::map<std::string, std::size_t> skip_reasons;  // reason -> count (files or articles)
  std::size_t warnings = 0;
  bool wrote_anything = false;
  bool compacted = false;
  bool interrupted = false;
  double seconds = 0.0;
};

struct IndexCallbacks {
  std::function<void(const IndexProgress&)> progress;  // called by the writer thread after each file
  std::function<void(const ReadProblem&)> problem;     // every problem and warning, as found
  const std::atomic<bool>* stop = nullptr;             // set by a signal handler: finish the batch and commit
};

IndexSummary run_index(const IndexOptions& options, const IndexCallbacks& callbacks);

}  // namespace newsdex
