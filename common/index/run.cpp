#include "common/index/run.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "common/base/errors.hpp"
#include "common/base/hashing.hpp"
#include "common/base/path_text.hpp"
#include "common/index/file_walk.hpp"
#include "common/store/compaction.hpp"
#include "common/store/database.hpp"
#include "common/store/database_folder.hpp"
#include "common/store/document.hpp"
#include "common/store/schema.hpp"
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
  bool read_done = false;
  bool read_failed = false;  // could not read at all: keep whatever the index had
  std::string hash;
  std::vector<ReadProblem> problems;
  std::vector<Article> raw;
  std::vector<std::string> ids;  // the article ids, known as soon as the file is read
  // One pointer per article until it is prepared: a 1M-article export's slots were 480 MB as
  // std::optional<PreparedArticle>, most of them empty at any moment.
  std::vector<std::unique_ptr<PreparedArticle>> prepared;
  std::vector<char> chunk_ready;  // chunked files: which chunks of `prepared` are filled
  std::size_t chunks_left = 0;
  bool chunked() const { return !chunk_ready.empty(); }
  // Ready for the writer: read, and either prepared whole or (chunked) to be taken chunk by chunk.
  bool ready() const { return read_done && (chunked() || chunks_left == 0); }
};

struct Chunk {
  std::size_t file, ordinal, begin, end;
};

// "item 3: skipped: no article body (title only)" -> "no article body".
std::string skip_reason(const std::string& message) {
  auto at = message.find("skipped: ");
  auto reason = at == std::string::npos ? message : message.substr(at + 9);
  if (auto cut = reason.find_first_of("(:"); cut != std::string::npos) reason = reason.substr(0, cut);
  while (!reason.empty() && reason.back() == ' ') reason.pop_back();
  return reason;
}

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

class Scheduler {
 public:
  Scheduler(std::vector<FileJob>& jobs, const IndexOptions& options, const std::atomic<bool>* stop)
      : jobs_(jobs), options_(options), read_options_(options.read), stop_(stop), slots_(jobs.size()) {}

  void start(unsigned threads) {
    read_options_.threads = threads;  // one large export is read by every worker's share of the cores
    window_ = std::max<std::size_t>(8, 4 * threads);
    chunk_window_ = std::max<std::size_t>(4, 4 * threads);
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }

  ~Scheduler() {
    {
      std::lock_guard lock(mutex_);
      shutting_down_ = true;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) worker.join();
  }

  // Waits for file `index`; returns nullptr when it was never started because of a stop request.
  FileSlot* take(std::size_t index) {
    std::unique_lock lock(mutex_);
    consumed_ = index;
    writer_chunk_ = 0;
    work_ready_.notify_all();
    // Polls so that a stop request (set from a signal handler, which cannot notify) is seen.
    while (!slot_ready_.wait_for(lock, std::chrono::milliseconds(100), [&] {
      return failure_ || slots_[index].ready() || (index >= next_file_ && stopping());
    })) {
    }
    if (failure_) std::rethrow_exception(failure_);
    if (!slots_[index].ready()) return nullptr;
    return &slots_[index];
  }

  // Waits until article `article` of file `index` is prepared. Chunked files stream through the
  // writer chunk by chunk, so a large export never has all its documents in memory at once.
  void wait_prepared(std::size_t index, std::size_t article) {
    auto& slot = slots_[index];
    if (!slot.chunked()) return;
    std::unique_lock lock(mutex_);
    auto chunk = article / chunk_articles;
    if (chunk != writer_chunk_) {
      writer_chunk_ = chunk;
      work_ready_.notify_all();
    }
    while (!slot_ready_.wait_for(lock, std::chrono::milliseconds(100),
                                 [&] { return failure_ || slot.chunk_ready[chunk]; })) {
    }
    if (failure_) std::rethrow_exception(failure_);
  }

  // The writer stops inside a chunked file: the chunks no worker has begun are dropped, and those
  // being prepared are waited for, so that release() does not take the slot from under a worker.
  void abandon(std::size_t index) {
    std::unique_lock lock(mutex_);
    auto& slot = slots_[index];
    slot.chunks_left -= std::erase_if(chunks_, [&](const Chunk& chunk) { return chunk.file == index; });
    while (!slot_ready_.wait_for(lock, std::chrono::milliseconds(100), [&] { return slot.chunks_left == 0; })) {
    }
  }

  void release(std::size_t index) {
    std::lock_guard lock(mutex_);
    slots_[index] = FileSlot{};
    slots_[index].read_done = true;
    consumed_ = index + 1;
    work_ready_.notify_all();
  }

 private:
  bool stopping() const { return stop_ && stop_->load(); }

  void prepare_range(std::vector<Article>& raw, std::vector<std::unique_ptr<PreparedArticle>>& out, std::size_t begin,
                     std::size_t end, Xapian::TermGenerator& indexer) {
    for (std::size_t i = begin; i < end; ++i)
      out[i] = std::make_unique<PreparedArticle>(
          prepare_article(std::move(raw[i]), options_.entity_source, options_.spelling, indexer));
  }

  bool no_more_files() const { return next_file_ >= jobs_.size() || stopping() || failure_; }

  // An exception escaping a worker thread would end the process (std::terminate) with no message:
  // the first one is kept and take() rethrows it on the writer thread, which reports it.
  template <typename Work>
  void guarded(Work&& work) {
    try {
      work();
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
      slot_ready_.notify_all();
    }
  }
  bool can_take_file() const { return !no_more_files() && next_file_ < consumed_ + window_; }
  bool finished() const { return no_more_files() && chunks_.empty() && reading_ == 0; }
  // Chunks are prepared at most chunk_window_ ahead of the one the writer is at, bounding memory.
  bool can_take_chunk() const {
    if (chunks_.empty()) return false;
    const auto& chunk = chunks_.front();
    auto writer_at = chunk.file == consumed_ ? writer_chunk_ : 0;
    return chunk.file < consumed_ || chunk.ordinal < writer_at + chunk_window_;
  }

  void work() {
    Xapian::TermGenerator indexer;
    indexer.set_stemmer(Xapian::Stem(options_.language));
    std::unique_lock lock(mutex_);
    while (true) {
      while (!work_ready_.wait_for(lock, std::chrono::milliseconds(100), [&] {
        return shutting_down_ || can_take_chunk() || (chunks_.empty() && (can_take_file() || finished()));
      })) {
      }
      if (shutting_down_) return;
      if (can_take_chunk()) {
        auto chunk = chunks_.front();
        chunks_.pop_front();
        auto& slot = slots_[chunk.file];
        lock.unlock();
        guarded([&] { prepare_range(slot.raw, slot.prepared, chunk.begin, chunk.end, indexer); });
        lock.lock();
        slot.chunk_ready[chunk.ordinal] = 1;
        --slot.chunks_left;
        slot_ready_.notify_all();
        continue;
      }
      if (!chunks_.empty()) continue;  // chunks wait for the writer: take no new file meanwhile
      if (finished()) {
        slot_ready_.notify_all();
        work_ready_.notify_all();
        return;
      }
      auto index = next_file_++;
      ++reading_;
      auto& slot = slots_[index];
      lock.unlock();
      guarded([&] {
        read_into(jobs_[index], read_options_, slot);
        slot.prepared.resize(slot.raw.size());
        if (slot.raw.size() <= chunk_articles) prepare_range(slot.raw, slot.prepared, 0, slot.raw.size(), indexer);
      });
      lock.lock();
      --reading_;
      slot.read_done = true;
      if (slot.raw.size() > chunk_articles) {
        std::size_t ordinal = 0;
        for (std::size_t begin = 0; begin < slot.raw.size(); begin += chunk_articles, ++ordinal) {
          chunks_.push_back({index, ordinal, begin, std::min(slot.raw.size(), begin + chunk_articles)});
          ++slot.chunks_left;
        }
        slot.chunk_ready.assign(ordinal, 0);
      }
      work_ready_.notify_all();
      slot_ready_.notify_all();
    }
  }

  std::vector<FileJob>& jobs_;
  const IndexOptions& options_;
  ReadOptions read_options_;
  const std::atomic<bool>* stop_;
  std::vector<FileSlot> slots_;
  std::deque<Chunk> chunks_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_, slot_ready_;
  std::size_t next_file_ = 0, consumed_ = 0, window_ = 8, reading_ = 0;
  std::size_t writer_chunk_ = 0, chunk_window_ = 4;
  bool shutting_down_ = false;
  std::exception_ptr failure_;
};

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

    auto folder = open_for_writing(options_.db_path, options_.wait_for_lock);
    auto& db = folder.database;
    bool built_from_empty = db.get_doccount() == 0 && load_all_file_records(db).empty();
    check_language(db);
    IndexWriter writer(db, options_.language, built_from_empty && !options_.force);

    std::vector<FileJob> jobs;
    std::unordered_set<std::string> present;
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
    progress_.files_total = jobs.size();

    process(jobs, writer);
    if (options_.prune && !interrupted()) prune(db, writer, present, roots, walk);
    writer.flush_spelling();
    if (writer.pending() > 0 || records_changed_) {
      db.commit();
      summary_.wrote_anything = true;
    }
    using Compaction = IndexOptions::Compaction;
    bool compact = options_.compaction == Compaction::always ||
                   (options_.compaction == Compaction::automatic && built_from_empty && writer.counts().added > 0);
    if (compact && summary_.wrote_anything && !interrupted()) {
      newsdex::compact(folder);
      summary_.compacted = true;
    }
    summary_.articles = writer.counts();
    summary_.interrupted = interrupted();
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    return summary_;
  }

 private:
  bool interrupted() const { return callbacks_.stop && callbacks_.stop->load(); }

  void report(const ReadProblem& problem) {
    if (problem.skipped) {
      if (problem.failed) {  // exit code 1 (partial): data was there and could not be read
        ++summary_.files_failed;
      } else {
        ++summary_.skip_reasons[skip_reason(problem.message)];
      }
    } else {
      ++summary_.warnings;
    }
    if (callbacks_.problem) callbacks_.problem(problem);
  }

  void check_language(Xapian::WritableDatabase& db) {
    auto stored = db.get_metadata(std::string(schema::language_key));
    if (stored.empty()) {
      db.set_metadata(std::string(schema::language_key), options_.language);
      db.set_metadata(std::string(schema::schema_version_key), std::string(schema::schema_version));
      records_changed_ = true;
    } else if (stored != options_.language) {
      throw UsageError("the database at " + options_.db_path + " was built with --language " + stored +
                       ", not " + options_.language);
    }
  }

  void process(std::vector<FileJob>& jobs, IndexWriter& writer) {
    if (jobs.empty()) return;
    unsigned threads = options_.jobs ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
    Scheduler scheduler(jobs, options_, callbacks_.stop);
    scheduler.start(threads);
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      auto* slot = scheduler.take(i);
      if (!slot) break;
      apply(i, jobs[i], *slot, writer, scheduler);
      scheduler.release(i);
      writer.commit_if_due(options_.commit_every);
      ++progress_.files_done;
      if (callbacks_.progress) {
        progress_.elapsed = std::chrono::steady_clock::now() - started_;
        callbacks_.progress(progress_);
      }
    }
  }

  void apply(std::size_t index, const FileJob& job, FileSlot& slot, IndexWriter& writer, Scheduler& scheduler) {
    for (const auto& problem : slot.problems) report(problem);
    if (slot.read_failed) return;
    const auto& old = job.old_record;
    if (old && !options_.force && old->hash == slot.hash) {
      // Touched but not changed: remember the new size and time, index nothing.
      auto record = *old;
      record.size = job.file.size;
      record.mtime_ns = job.file.mtime_ns;
      writer.write_record(record);
      records_changed_ = true;
      ++summary_.files_unchanged;
      return;
    }
    ++summary_.files_indexed;
    FileRecord record{job.stored_path, job.file.size, job.file.mtime_ns, slot.hash, {}};
    std::unordered_set<std::string> ids;
    for (const auto& id : slot.ids)
      if (ids.insert(id).second) record.article_ids.push_back(id);
    // Commits come between files, but Xapian flushes by itself every 10,000 changes, which can
    // commit a large file half-done: until the file is done its record must not say it is up to
    // date (a re-run would skip it) and must name every id it may leave behind.
    FileRecord unfinished{job.stored_path, 0, -1, {}, record.article_ids};
    std::unordered_set<std::string> old_ids;
    if (old) {
      old_ids.insert(old->article_ids.begin(), old->article_ids.end());
      for (const auto& id : old->article_ids)
        if (!ids.count(id)) unfinished.article_ids.push_back(id);
    }
    writer.write_record(unfinished);
    if (old) writer.remove_file_articles(*old, ids);
    // A large new file (a JSON Lines export) is committed every N articles too: Xapian's own flush
    // at 10,000 changes made the writer about a third slower than flushing every 1,000. Such a
    // commit only adds articles, and the unfinished record has the next run finish the file. A file
    // indexed before is still replaced in one commit, so its old articles never vanish.
    bool commit_inside = !old && options_.commit_every > 0 &&
                         slot.prepared.size() > std::max(options_.commit_every, large_file_articles);
    for (std::size_t i = 0; i < slot.prepared.size(); ++i) {
      // Stopped (SIGINT/SIGTERM) inside a large new file: what is written is committed at the end of
      // the run, and the unfinished record has the next run finish the file. Other files finish
      // first, as the same commit must replace their old articles.
      if (commit_inside && interrupted()) {
        scheduler.abandon(index);
        return;
      }
      scheduler.wait_prepared(index, i);
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
    writer.write_record(record);
    records_changed_ = true;
  }

  void prune(Xapian::WritableDatabase& db, IndexWriter& writer, const std::unordered_set<std::string>& present,
             const std::vector<std::string>& roots, const WalkResult& walk) {
    std::vector<std::string> unseen;
    for (const auto& problem : walk.problems) unseen.push_back(problem.path);
    for (const auto& record : load_all_file_records(db)) {
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
  bool records_changed_ = false;
};

}  // namespace

IndexSummary run_index(const IndexOptions& options, const IndexCallbacks& callbacks) {
  return with_newsdex_errors(DatabaseWork::indexing, [&] {
    Run run(options, callbacks);
    return run.execute();
  });
}

}  // namespace newsdex
