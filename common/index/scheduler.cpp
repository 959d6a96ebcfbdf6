#include "common/index/scheduler.hpp"

#include <algorithm>
#include <chrono>

namespace newsdex {
namespace {

// Every wait polls: a stop request set from a signal handler, which cannot notify, is then seen.
template <typename Ready>
void wait_polling(std::condition_variable& condition, std::unique_lock<std::mutex>& lock, Ready ready) {
  while (!condition.wait_for(lock, std::chrono::milliseconds(100), ready)) {
  }
}

}  // namespace

Scheduler::Scheduler(std::size_t items, PipelineLimits limits, const std::atomic<bool>* stop)
    : items_(items), limits_(limits), stop_(stop) {}

Scheduler::~Scheduler() {
  {
    std::lock_guard lock(mutex_);
    shutting_down_ = true;
  }
  work_ready_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void Scheduler::start(unsigned threads, const MakeWork& make_work) {
  for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this, make_work] { work(make_work); });
}

bool Scheduler::take(std::size_t item) {
  std::unique_lock lock(mutex_);
  consumer_item_ = item;
  consumer_part_ = 0;
  work_ready_.notify_all();
  wait_polling(item_ready_, lock,
               [&] { return failure_ || items_[item].started || (item >= next_item_ && stopping()); });
  if (failure_) std::rethrow_exception(failure_);
  return items_[item].started;
}

void Scheduler::wait_part(std::size_t item, std::size_t part) {
  auto& state = items_[item];
  // Set with `started`, before take() returned, and not changed until release(): read without the lock.
  if (state.part_done.empty()) return;
  std::unique_lock lock(mutex_);
  if (part != consumer_part_) {
    consumer_part_ = part;
    work_ready_.notify_all();
  }
  wait_polling(item_ready_, lock, [&] { return failure_ || state.part_done[part]; });
  if (failure_) std::rethrow_exception(failure_);
}

void Scheduler::release(std::size_t item) {
  std::unique_lock lock(mutex_);
  auto& state = items_[item];
  state.parts_left -= std::erase_if(parts_, [&](const Part& part) { return part.item == item; });
  wait_polling(item_ready_, lock, [&] { return state.parts_left == 0; });
  state = ItemState{};
  state.started = true;
  consumer_item_ = item + 1;
  work_ready_.notify_all();
}

// An exception escaping a worker thread would end the process (std::terminate) with no message:
// the first one is kept and take() or wait_part() rethrows it on the consumer's thread.
template <typename Step>
void Scheduler::guarded(Step&& step) {
  try {
    step();
  } catch (...) {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = std::current_exception();
    item_ready_.notify_all();
  }
}

bool Scheduler::no_more_items() const { return next_item_ >= items_.size() || stopping() || failure_; }

bool Scheduler::can_take_item() const { return !no_more_items() && next_item_ < consumer_item_ + limits_.items_ahead; }

bool Scheduler::finished() const { return no_more_items() && parts_.empty() && running_ == 0; }

// Parts are begun at most parts_ahead beyond the one the consumer waits for, bounding memory.
bool Scheduler::can_take_part() const {
  if (parts_.empty()) return false;
  const auto& part = parts_.front();
  auto consumer_at = part.item == consumer_item_ ? consumer_part_ : 0;
  return part.item < consumer_item_ || part.ordinal < consumer_at + limits_.parts_ahead;
}

void Scheduler::work(const MakeWork& make_work) {
  std::unique_ptr<PipelineWork> work;
  guarded([&] { work = make_work(); });
  if (!work) return;
  std::unique_lock lock(mutex_);
  while (true) {
    wait_polling(work_ready_, lock, [&] {
      return shutting_down_ || can_take_part() || (parts_.empty() && (can_take_item() || finished()));
    });
    if (shutting_down_) return;
    if (can_take_part()) {
      auto part = parts_.front();
      parts_.pop_front();
      lock.unlock();
      guarded([&] { work->finish_part(part.item, part.ordinal); });
      lock.lock();
      auto& state = items_[part.item];
      state.part_done[part.ordinal] = 1;
      --state.parts_left;
      item_ready_.notify_all();
      continue;
    }
    if (!parts_.empty()) continue;  // parts wait for the consumer: start no new item meanwhile
    if (finished()) {
      item_ready_.notify_all();
      work_ready_.notify_all();
      return;
    }
    auto item = next_item_++;
    ++running_;
    lock.unlock();
    std::size_t parts = 0;
    guarded([&] { parts = work->start_item(item); });
    lock.lock();
    --running_;
    auto& state = items_[item];
    state.started = true;
    // Parts wait in item order. An item started later may finish its first stage sooner: its parts
    // beyond the bound, in front of those of the item the consumer waits for, would block them for good.
    auto after_earlier = std::upper_bound(parts_.begin(), parts_.end(), item,
                                          [](std::size_t index, const Part& part) { return index < part.item; });
    std::vector<Part> new_parts;
    for (std::size_t ordinal = 0; ordinal < parts; ++ordinal) new_parts.push_back({item, ordinal});
    parts_.insert(after_earlier, new_parts.begin(), new_parts.end());
    state.parts_left = parts;
    state.part_done.assign(parts, 0);
    work_ready_.notify_all();
    item_ready_.notify_all();
  }
}

}  // namespace newsdex
