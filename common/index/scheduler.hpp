// A bounded, ordered pipeline: worker threads work on items 0..n-1 ahead of one consumer, which takes
// them in order. An item's first stage may split it into parts that any worker finishes and the
// consumer takes one by one, so that a large item never has all its parts in memory at once. It knows
// nothing of what the items are: the index run (run.cpp) makes them files of articles.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace newsdex {

// What one worker thread does. Each thread makes its own, so it may hold per-thread state.
class PipelineWork {
 public:
  virtual ~PipelineWork() = default;
  // The first stage of `item`. Returns into how many parts it is left to finish (0: it is finished).
  virtual std::size_t start_item(std::size_t item) = 0;
  // Finishes part `part` (0-based) of `item`.
  virtual void finish_part(std::size_t item, std::size_t part) = 0;
};

// How far the workers may run ahead of the consumer: this bounds the memory the pipeline holds.
struct PipelineLimits {
  std::size_t items_ahead = 8;  // items started beyond the one the consumer takes
  std::size_t parts_ahead = 4;  // parts of the consumer's item started beyond the one it waits for
};

class Scheduler {
 public:
  using MakeWork = std::function<std::unique_ptr<PipelineWork>()>;

  // `stop` (may be null) is a request to start no new item, set for example by a signal handler;
  // the waits poll it, as a signal handler cannot notify.
  Scheduler(std::size_t items, PipelineLimits limits, const std::atomic<bool>* stop = nullptr);
  // Stops the workers (no new work is begun) and joins them.
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Starts `threads` workers; each calls `make_work` once, on its own thread.
  void start(unsigned threads, const MakeWork& make_work);

  // Waits until the first stage of `item` is done. False when it was never started because of a
  // stop request. Rethrows the first exception a worker met (the workers then start nothing new).
  bool take(std::size_t item);
  // Waits until part `part` of the taken `item` is finished (at once when the item has no parts).
  void wait_part(std::size_t item, std::size_t part);
  // The consumer is done with `item`: its parts no worker has begun are dropped and those being
  // finished are waited for, so that the caller may free what they work on.
  void release(std::size_t item);

 private:
  struct ItemState {
    bool started = false;         // the first stage is done
    std::vector<char> part_done;  // per part (empty: no parts)
    std::size_t parts_left = 0;   // queued or being finished
  };
  struct Part {
    std::size_t item, ordinal;
  };

  void work(const MakeWork& make_work);
  template <typename Step>
  void guarded(Step&& step);
  bool stopping() const { return stop_ && stop_->load(); }
  bool no_more_items() const;
  bool can_take_item() const;
  bool can_take_part() const;
  bool finished() const;

  std::vector<ItemState> items_;
  PipelineLimits limits_;
  const std::atomic<bool>* stop_;
  std::deque<Part> parts_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_, item_ready_;
  std::size_t next_item_ = 0, consumer_item_ = 0, running_ = 0;  // running_: first stages under way
  std::size_t consumer_part_ = 0;                                // the part the consumer waits for
  bool shutting_down_ = false;
  std::exception_ptr failure_;
};

}  // namespace newsdex
