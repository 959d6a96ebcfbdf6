// One writer thread per shard database: an index run hands each shard its changes (documents,
// metadata, spelling, commits) as work for that shard's thread, so the shards are written in
// parallel while the run's own thread decides what to write. Xapian's objects are not thread-safe:
// a shard's database is touched only by its thread, and the collection opened as one (`combined`)
// only while every thread is idle (after drain()). With one shard this is the one database written
// on a thread beside the run's.
#pragma once
#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace newsdex {

class ShardWriters {
 public:
  using Work = std::function<void(Xapian::WritableDatabase&)>;

  explicit ShardWriters(std::vector<Xapian::WritableDatabase> shards);
  ~ShardWriters();  // stops the threads; what was not committed is not (Xapian discards it)
  ShardWriters(const ShardWriters&) = delete;
  ShardWriters& operator=(const ShardWriters&) = delete;

  std::size_t count() const { return shards_.size(); }

  // Queued for the shard's thread, in order (waits while the shard has much work queued).
  void write(std::size_t shard, Work work);
  void write_all(const std::function<void(Xapian::WritableDatabase&)>& work);  // the same on every shard

  // Runs `read` on the shard's thread after the work queued before it, and returns its result.
  template <typename Result>
  Result read(std::size_t shard, std::function<Result(Xapian::WritableDatabase&)> read) {
    auto promise = std::make_shared<std::promise<Result>>();
    auto future = promise->get_future();
    write(shard, [promise, read = std::move(read)](Xapian::WritableDatabase& db) {
      try {
        promise->set_value(read(db));
      } catch (...) {
        promise->set_exception(std::current_exception());
      }
    });
    wait_idle(shard);
    rethrow_failure();
    return future.get();
  }

  // Every shard's queued work done; a failure on a shard's thread is rethrown here.
  void drain();
  // The shards opened as one (Xapian's interleaved document numbers, shard_routing.hpp): read it
  // only after drain() and before the next write.
  const Xapian::Database& combined() const { return combined_; }

  // Commits every shard: the others first, in parallel, then the first, which holds the file records
  // (file_records.hpp): a crash between the two leaves records that promise no more than is there.
  // `wait`: returns once all is committed (else the run goes on meanwhile, and a failure is rethrown
  // by a later call; the first shard never commits after another shard failed).
  void commit(bool wait = true);

 private:
  struct Shard {
    Xapian::WritableDatabase db;
    std::deque<Work> queue;
    bool busy = false;
    std::thread thread;
  };
  void serve(Shard& shard);
  void wait_idle(std::size_t shard);
  void rethrow_failure();

  std::vector<Shard> shards_;
  Xapian::Database combined_;
  std::mutex mutex_;
  std::condition_variable work_ready_, work_done_;
  bool stopping_ = false;
  std::exception_ptr failure_;
};

}  // namespace newsdex
