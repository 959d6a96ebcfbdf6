#include "common/store/shard_writers.hpp"

#include <chrono>

namespace newsdex {
namespace {

// Work a shard may have queued before the run's thread waits: bounds the documents held in queues.
constexpr std::size_t queue_limit = 512;

}  // namespace

ShardWriters::ShardWriters(std::vector<Xapian::WritableDatabase> shards) : shards_(shards.size()) {
  for (std::size_t i = 0; i < shards.size(); ++i) {
    shards_[i].db = std::move(shards[i]);
    combined_.add_database(shards_[i].db);  // before any thread runs: it shares their databases
  }
  for (auto& shard : shards_) shard.thread = std::thread([this, &shard] { serve(shard); });
}

ShardWriters::~ShardWriters() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (auto& shard : shards_)
    if (shard.thread.joinable()) shard.thread.join();
}

void ShardWriters::serve(Shard& shard) {
  std::unique_lock lock(mutex_);
  while (true) {
    work_ready_.wait(lock, [&] { return stopping_ || !shard.queue.empty(); });
    if (stopping_) return;
    auto work = std::move(shard.queue.front());
    shard.queue.pop_front();
    shard.busy = true;
    bool failed = failure_ != nullptr;
    lock.unlock();
    std::exception_ptr error;
    if (!failed) {  // after a failure nothing more is written: the run ends with it, uncommitted
      try {
        work(shard.db);
      } catch (...) {
        error = std::current_exception();
      }
    }
    work = nullptr;  // the work's documents go on this thread, which owns their database
    lock.lock();
    if (error && !failure_) failure_ = error;
    shard.busy = false;
    work_done_.notify_all();
  }
}

void ShardWriters::write(std::size_t shard, Work work) {
  std::unique_lock lock(mutex_);
  work_done_.wait(lock, [&] { return shards_[shard].queue.size() < queue_limit || failure_; });
  if (failure_) std::rethrow_exception(failure_);  // a shard failed (a full disk): the run stops here
  shards_[shard].queue.push_back(std::move(work));
  work_ready_.notify_all();
}

void ShardWriters::write_all(const std::function<void(Xapian::WritableDatabase&)>& work) {
  for (std::size_t shard = 0; shard < shards_.size(); ++shard) write(shard, work);
}

void ShardWriters::wait_idle(std::size_t shard) {
  std::unique_lock lock(mutex_);
  work_done_.wait(lock, [&] { return shards_[shard].queue.empty() && !shards_[shard].busy; });
}

void ShardWriters::rethrow_failure() {
  std::lock_guard lock(mutex_);
  if (failure_) std::rethrow_exception(failure_);
}

void ShardWriters::drain() {
  for (std::size_t shard = 0; shard < shards_.size(); ++shard) wait_idle(shard);
  rethrow_failure();
}

void ShardWriters::commit(bool wait) {
  struct Others {
    std::mutex mutex;
    std::condition_variable done;
    std::size_t left = 0;
    bool failed = false;
  };
  auto others = std::make_shared<Others>();
  others->left = shards_.size() - 1;
  for (std::size_t shard = 1; shard < shards_.size(); ++shard)
    write(shard, [others](Xapian::WritableDatabase& db) {
      struct Report {  // also when the commit throws
        Others& others;
        bool committed = false;
        ~Report() {
          std::lock_guard lock(others.mutex);
          --others.left;
          others.failed = others.failed || !committed;
          others.done.notify_all();
        }
      } report{*others};
      db.commit();
      report.committed = true;
    });
  write(0, [this, others](Xapian::WritableDatabase& db) {
    // Waits for the others; a commit that failed, or was never run (a failure before it, the run
    // ending), means the first shard does not commit: its records must not claim what is not there.
    while (true) {
      {
        std::unique_lock lock(others->mutex);
        if (others->done.wait_for(lock, std::chrono::milliseconds(20), [&] { return others->left == 0; })) {
          if (others->failed) return;
          break;
        }
      }
      std::lock_guard lock(mutex_);
      if (failure_ || stopping_) return;
    }
    db.commit();
  });
  if (wait) drain();
}

}  // namespace newsdex
