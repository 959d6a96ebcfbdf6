#include "common/index/run.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_set>

#include "common/base/errors.hpp"
#include "common/base/hashing.hpp"
#include "common/base/path_text.hpp"
#include "common/index/entity_resolution.hpp"
#include "common/index/file_walk.hpp"
#include "common/index/problem_digest.hpp"
#include "common/index/scheduler.hpp"
#include "common/store/compaction.hpp"
#include "common/store/database.hpp"
#include "common/store/database_folder.hpp"
#include "common/store/document.hpp"
#include "common/store/schema.hpp"
#include "common/store/shard_writers.hpp"
#include "common/store/write_failure_guard.hpp"
#include "common/store/xapian_errors.hpp"

namespace newsdex {
namespace {

// Large files (a JSON Lines export) are split into chunks of articles so every core works on them.
constexpr std::size_t chunk_articles = 64;
// A new file with more articles than this (and than --commit-every) is committed inside, every N.
constexpr std::size_t large_file_articles = 1000;

struct FileJob {
  InputFile file;
  std::string stored_path;  // path_text(file.path): in the file record, the articles and their ids
  std::optional<FileRecord> old_record;
};

// What the workers make of one file; the writer consumes these in file order.
struct FileSlot {
  bool read_failed = false;  // could not read at all: keep whatever the index had
  std::string hash;
  std::vector<ReadProblem> problems;
  std::vector<Article> raw;
  std::vector<std::string> ids;  // the article ids, known as soon as the file is read
  // One pointer per article until it is prepared: a 1M-article export's slots were 480 MB as
  // std::optional<PreparedArticle>, most of them empty at any moment.
  std::vector<std::unique_ptr<PreparedArticle>> prepared;
};

// True when `path` is one of `places` or inside one of them (all as bytes).
bool at_or_under(const std::string& path, const std::vector<std::string>& places) {
  for (const auto& place : places) {
    if (path == place) return true;
    auto prefix = place.ends_with('/') ? place : place + "/";
    if (path.starts_with(prefix)) return true;
  }
  return false;
}

// --prune's one rule: a file is gone only when a complete walk shows it gone. It must be under an
// input that was walked, with nothing at or above it that the walk could not see into (a folder it
// could not list, a missing input, a file it could not inspect), and not be there now; any doubt,
// such as a permission error when looking, keeps it. `path` is in bytes; `unseen` are the paths of
// the walk's problems.
bool shown_gone(const std::string& path, const std::vector<std::string>& roots,
                const std::vector<std::string>& unseen) {
  if (!at_or_under(path, roots) || at_or_under(path, unseen)) return false;
  std::error_code error;
  return std::filesystem::symlink_status(path, error).type() == std::filesystem::file_type::not_found;
}

std::string absolute_path(const std::string& path) {
  std::error_code error;
  auto absolute = std::filesystem::absolute(path, error);
  return error ? path : absolute.lexically_normal().string();
}

// Reads one file's bytes (within the size limit), hashes them and runs the readers.
void read_into(const FileJob& job, const ReadOptions& options, FileSlot& slot) {
  // A JSON Lines export holds many articles: the readers apply the size limit to each of them.
  if (job.file.size > options.max_file_bytes && !is_json_lines_name(job.file.path)) {
    slot.problems.push_back({job.file.path, 0,
                             "skipped: larger than the size limit (" + std::to_string(options.max_file_bytes) +
                                 " bytes; see --max-file-size)",
                             true});
    slot.hash = "size:" + std::to_string(job.file.size);
    return;
  }
  auto keep = [&](ReadResult&& result) {
    slot.problems = std::move(result.problems);
    slot.raw = std::move(result.articles);
    for (auto& article : slot.raw) {
      article.path = job.stored_path;
      if (article.id.empty()) article.id = make_article_id(article);
      slot.ids.push_back(article.id);
    }
  };
  // A large JSON Lines export a segment at a time: its text and its articles are never all in
  // memory together. Anything unusual about it (encoding, layout) and it is read whole below.
  if (job.file.size > options.segment_bytes && options.segment_bytes > 0) {
    if (auto read = read_json_lines_in_segments(job.file.path, options)) {
      slot.hash = std::move(read->hash);
      keep(std::move(read->result));
      return;
    }
  }
  std::ifstream in(job.file.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    slot.problems.push_back({job.file.path, 0, "cannot read: permission denied or I/O error", true, true});
    slot.read_failed = true;
    return;
  }
  if (!in.good() && bytes.empty() && job.file.size > 0) {
    slot.problems.push_back({job.file.path, 0, "cannot read: permission denied or I/O error", true, true});
    slot.read_failed = true;
    return;
  }
  slot.hash = content_hash(bytes);
  keep(read_file_bytes(std::move(bytes), job.file.path, options));  // hashed: now the readers own it
}

// The index run's work on the pipeline (scheduler.hpp): an item is a file, read and prepared whole
// when small; a large one (an export) is left in parts of chunk_articles articles.
class FilePreparation final : public PipelineWork {
 public:
  FilePreparation(const std::vector<FileJob>& jobs, std::vector<FileSlot>& slots, const ReadOptions& read_options,
                  const IndexOptions& options, const std::string& language,
                  const ner::KeyResolution& resolution)
      : jobs_(jobs), slots_(slots), read_options_(read_options), options_(options), resolution_(resolution) {
    indexer_.set_stemmer(Xapian::Stem(language));
  }

  std::size_t start_item(std::size_t index) override {
    auto& slot = slots_[index];
    read_into(jobs_[index], read_options_, slot);
    slot.prepared.resize(slot.raw.size());
    if (slot.raw.size() <= chunk_articles) {
      prepare_range(slot, 0, slot.raw.size());
      return 0;
    }
    return (slot.raw.size() + chunk_articles - 1) / chunk_articles;
  }

  void finish_part(std::size_t index, std::size_t chunk) override {
    auto& slot = slots_[index];
    auto begin = chunk * chunk_articles;
    prepare_range(slot, begin, std::min(slot.raw.size(), begin + chunk_articles));
  }

 private:
  void prepare_range(FileSlot& slot, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      slot.prepared[i] = std::make_unique<PreparedArticle>(
          prepare_article(std::move(slot.raw[i]), options_.entity_source, options_.spelling, indexer_, &resolution_));
  }

  const std::vector<FileJob>& jobs_;
  std::vector<FileSlot>& slots_;
  const ReadOptions& read_options_;
  const IndexOptions& options_;
  const ner::KeyResolution& resolution_;  // read only while the workers run
  Xapian::TermGenerator indexer_;         // this worker thread's own
};

// A file touched but not changed: its record with the new size and time.
FileRecord touched_record(FileRecord old, const InputFile& file) {
  old.size = file.size;
  old.mtime_ns = file.mtime_ns;
  return old;
}

// The record of a file once indexed: its size, time, hash and article ids (each once, in order).
FileRecord indexed_record(const FileJob& job, const FileSlot& slot) {
  FileRecord record{job.stored_path, job.file.size, job.file.mtime_ns, slot.hash, {}};
  std::unordered_set<std::string> ids;
  for (const auto& id : slot.ids)
    if (ids.insert(id).second) record.article_ids.push_back(id);
  return record;
}

// The record while a file is being indexed: never up to date (no hash, an impossible time), naming
// the ids of both the new and the old articles.
FileRecord unfinished_record(const FileRecord& record, const std::optional<FileRecord>& old) {
  FileRecord unfinished{record.path, 0, -1, {}, record.article_ids};
  if (!old) return unfinished;
  std::unordered_set<std::string> ids(record.article_ids.begin(), record.article_ids.end());
  for (const auto& id : old->article_ids)
    if (!ids.count(id)) unfinished.article_ids.push_back(id);
  return unfinished;
}

class Run {
 public:
  Run(const IndexOptions& options, const IndexCallbacks& callbacks)
      : options_(options), callbacks_(callbacks), started_(std::chrono::steady_clock::now()) {}

  IndexSummary execute() {
    database_folder::check_apart_from_inputs(options_.db_path, options_.inputs);
    std::vector<std::string> roots;
    for (const auto& input : options_.inputs) roots.push_back(absolute_path(input));
    auto walk = walk_inputs(roots, options_.all_files);
    for (const auto& problem : walk.problems) report({problem.path, 0, problem.message, true, problem.failed});
    summary_.files_seen = walk.files.size();
    summary_.files_passed_over = walk.passed_over;
    // Nothing to read: stop before any database is created or opened; an error when a path given is
    // missing, empty or unreadable, else (only files skipped, such as a FIFO) nothing changed.
    if (walk.files.empty()) {
      bool failed = std::any_of(walk.problems.begin(), walk.problems.end(), [](const auto& p) { return p.failed; });
      if (failed)
        throw Error(ExitCode::partial,
                    "nothing to index in the paths given: database " + path_text(options_.db_path) +
                        (std::filesystem::exists(options_.db_path) ? " not changed" : " not created"));
      summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
      return summary_;
    }

    auto folder = open_for_writing(options_.db_path, options_.wait_for_lock, options_.shards);
    bool built_from_empty = false;
    std::size_t documents_before = 0;
    {
      ShardWriters shards(folder.shards);  // one writer thread per shard database
      const auto& db = shards.combined();  // read only between drains (shard_writers.hpp)
      built_from_empty = db.get_doccount() == 0 && load_all_file_records(db).empty();
      documents_before = db.get_doccount();
      check_language(db, shards);
      IndexWriter writer(shards, language_, built_from_empty && !options_.force);
      shards.drain();

      std::unordered_set<std::string> present;  // the stored paths of every file found
      auto jobs = changed_files(db, walk, present);
      progress_.files_total = jobs.size();

      resolution_ = stored_entity_resolution(db);
      process(jobs, writer);
      if (options_.prune && !interrupted()) prune(shards, writer, present, roots, walk);
      // After every change of the run, so that it counts them all; a stopped run leaves it to the next.
      if (!interrupted() && resolve_collection_entities(shards, writer).wrote) records_changed_ = true;
      writer.flush_spelling();
      if (writer.pending() > 0 || records_changed_) {
        shards.commit();
        summary_.wrote_anything = true;
      }
      summary_.articles = writer.counts();
    }  // the writer threads end here: compaction reads the shards on this thread
    if (should_compact(built_from_empty, documents_before, summary_.articles) && summary_.wrote_anything &&
        !interrupted()) {
      newsdex::compact(folder);
      summary_.compacted = true;
    }
    summary_.interrupted = interrupted();
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    return summary_;
  }

 private:
  bool interrupted() const { return callbacks_.stop && callbacks_.stop->load(); }

  // The files to read: those new or changed since their record (all with --force). Fills `present`.
  std::vector<FileJob> changed_files(const Xapian::Database& db, WalkResult& walk,
                                     std::unordered_set<std::string>& present) {
    std::vector<FileJob> jobs;
    for (auto& file : walk.files) {
      auto stored_path = path_text(file.path);
      present.insert(stored_path);
      auto record = load_file_record(db, stored_path);
      if (record && !options_.force && record->size == file.size && record->mtime_ns == file.mtime_ns) {
        ++summary_.files_unchanged;
        continue;
      }
      jobs.push_back({std::move(file), std::move(stored_path), std::move(record)});
    }
    return jobs;
  }

  // Automatic: a database built from empty, or one of which this run rewrote at least half the
  // articles (a Xapian database whose documents are all replaced grows by about half: the old
  // blocks stay until compaction).
  bool should_compact(bool built_from_empty, std::size_t documents_before, const WriteCounts& counts) const {
    using Compaction = IndexOptions::Compaction;
    if (options_.compaction != Compaction::automatic) return options_.compaction == Compaction::always;
    if (built_from_empty) return counts.added > 0;
    return documents_before > 0 && 2 * (counts.updated + counts.deleted) >= documents_before;
  }

  void report(const ReadProblem& problem) {
    if (problem.skipped) {
      if (problem.failed) {  // exit code 1 (partial): data was there and could not be read
        ++summary_.files_failed;
      } else {
        ++summary_.skip_reasons[problem_reason(problem.message)];
      }
    } else {
      ++summary_.warnings;
    }
    if (callbacks_.problem) callbacks_.problem(problem);
  }

  // The run's language: the one given, else the database's own (english for a new database). A
  // language given that differs from the database's is refused.
  void check_language(const Xapian::Database& db, ShardWriters& shards) {
    auto stored = db.get_metadata(std::string(schema::language_key));
    language_ = !options_.language.empty() ? options_.language : !stored.empty() ? stored : default_language;
    if (stored.empty()) {
      shards.write_all([language = language_](Xapian::WritableDatabase& shard) {
        shard.set_metadata(std::string(schema::language_key), language);
        shard.set_metadata(std::string(schema::schema_version_key), std::string(schema::schema_version));
      });
      records_changed_ = true;
    } else if (stored != language_) {
      throw UsageError("the database at " + path_text(options_.db_path) + " was built with --language " + stored +
                       ", not " + language_ + " (leave --language out to use the database's)");
    }
  }

  void process(std::vector<FileJob>& jobs, IndexWriter& writer) {
    if (jobs.empty()) return;
    unsigned threads = options_.jobs ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
    auto read_options = options_.read;
    read_options.threads = threads;  // one large export is read by every worker's share of the cores
    std::vector<FileSlot> slots(jobs.size());
    Scheduler scheduler(jobs.size(), {std::max<std::size_t>(8, 4 * threads), std::max<std::size_t>(4, 4 * threads)},
                        callbacks_.stop);
    scheduler.start(threads, [&] {
      return std::make_unique<FilePreparation>(jobs, slots, read_options, options_, language_, resolution_);
    });
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (!scheduler.take(i)) break;  // never started: a stop request
      apply(i, jobs[i], slots[i], writer, scheduler);
      scheduler.release(i);
      slots[i] = FileSlot{};
      writer.commit_if_due(options_.commit_every);
      ++progress_.files_done;
      if (callbacks_.progress) {
        progress_.elapsed = std::chrono::steady_clock::now() - started_;
        callbacks_.progress(progress_);
      }
    }
  }

  // One file, read and prepared, into the index with its record.
  void apply(std::size_t index, const FileJob& job, FileSlot& slot, IndexWriter& writer, Scheduler& scheduler) {
    for (const auto& problem : slot.problems) report(problem);
    if (slot.read_failed) return;
    const auto& old = job.old_record;
    if (old && !options_.force && old->hash == slot.hash) {
      // Touched but not changed: remember the new size and time, index nothing.
      writer.write_record(touched_record(*old, job.file));
      records_changed_ = true;
      ++summary_.files_unchanged;
      return;
    }
    ++summary_.files_indexed;
    auto record = indexed_record(job, slot);
    std::unordered_set<std::string> ids(record.article_ids.begin(), record.article_ids.end());
    // Commits come between files, but Xapian flushes by itself every 10,000 changes, which can
    // commit a large file half-done: until the file is done its record must not say it is up to
    // date (a re-run would skip it) and must name every id it may leave behind.
    writer.write_record(unfinished_record(record, old));
    if (old) writer.remove_file_articles(*old, ids);
    if (!write_articles(index, job, slot, writer, scheduler)) return;
    writer.finish_file();
    writer.write_record(record);
    records_changed_ = true;
  }

  // The file's prepared articles, in order, as the workers finish them. False when a stop request
  // left the file unfinished (see commits_inside).
  bool write_articles(std::size_t index, const FileJob& job, FileSlot& slot, IndexWriter& writer,
                      Scheduler& scheduler) {
    std::unordered_set<std::string> old_ids;
    if (job.old_record) old_ids.insert(job.old_record->article_ids.begin(), job.old_record->article_ids.end());
    bool commit_inside = commits_inside(job, slot.prepared.size());
    for (std::size_t i = 0; i < slot.prepared.size(); ++i) {
      // Stopped (SIGINT/SIGTERM) inside a large new file: what is written is committed at the end of
      // the run, and the unfinished record has the next run finish the file. Other files finish
      // first, as the same commit must replace their old articles.
      if (commit_inside && interrupted()) return false;
      scheduler.wait_part(index, i / chunk_articles);
      auto& prepared = slot.prepared[i];
      if (!prepared) continue;
      for (const auto& warning : prepared->article.warnings)
        report({job.file.path, prepared->article.position + 1, warning, false});
      bool existed = old_ids.count(prepared->article.id) > 0;
      writer.write(std::move(*prepared), existed);
      prepared.reset();
      ++progress_.articles;
      if (commit_inside) writer.commit_if_due(options_.commit_every);
    }
    return true;
  }

  // A large new file (a JSON Lines export) is committed every N articles too: Xapian's own flush
  // at 10,000 changes made the writer about a third slower than flushing every 1,000. Such a
  // commit only adds articles, and the unfinished record has the next run finish the file. A file
  // indexed before is still replaced in one commit, so its old articles never vanish.
  bool commits_inside(const FileJob& job, std::size_t articles) const {
    return !job.old_record && options_.commit_every > 0 &&
           articles > std::max(options_.commit_every, large_file_articles);
  }

  void prune(ShardWriters& shards, IndexWriter& writer, const std::unordered_set<std::string>& present,
             const std::vector<std::string>& roots, const WalkResult& walk) {
    std::vector<std::string> unseen;
    for (const auto& problem : walk.problems) unseen.push_back(problem.path);
    shards.drain();  // the records as this run left them (the first shard's, which holds them)
    auto records = load_all_file_records(shards.combined());
    for (const auto& record : records) {
      if (present.count(record.path) || !shown_gone(path_bytes(record.path), roots, unseen)) continue;
      writer.remove_file_articles(record, {});
      writer.erase_record(record.path);
      records_changed_ = true;
      ++summary_.files_pruned;
    }
  }

  const IndexOptions& options_;
  const IndexCallbacks& callbacks_;
  std::chrono::steady_clock::time_point started_;
  IndexSummary summary_;
  IndexProgress progress_;
  std::string language_;  // set by check_language
  bool records_changed_ = false;
  ner::KeyResolution resolution_;  // the collection-wide entity names in force when the run began
};

}  // namespace

IndexSummary run_index(const IndexOptions& options, const IndexCallbacks& callbacks) {
  WriteFailureGuard guard(options.db_path);  // a full disk inside Xapian's commit: exit 5, not an abort
  return with_newsdex_errors(DatabaseWork::indexing, [&] {
    Run run(options, callbacks);
    return run.execute();
  });
}

}  // namespace newsdex
