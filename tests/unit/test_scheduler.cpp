// The generic pipeline of an index run (common/index/scheduler.hpp) on its own: items come out in
// order, the workers stay within their bounds, failures reach the consumer, release() leaves no
// worker on a released item.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "common/index/scheduler.hpp"

using namespace newsdex;
using namespace std::chrono_literals;

namespace {

// Work given as two functions; every worker thread shares them.
class FunctionWork final : public PipelineWork {
 public:
  FunctionWork(std::function<std::size_t(std::size_t)> start, std::function<void(std::size_t, std::size_t)> part)
      : start_(std::move(start)), part_(std::move(part)) {}
  std::size_t start_item(std::size_t item) override { return start_(item); }
  void finish_part(std::size_t item, std::size_t part) override { part_(item, part); }

 private:
  std::function<std::size_t(std::size_t)> start_;
  std::function<void(std::size_t, std::size_t)> part_;
};

Scheduler::MakeWork work_of(
    std::function<std::size_t(std::size_t)> start,
    std::function<void(std::size_t, std::size_t)> part = [](std::size_t, std::size_t) {}) {
  return [=] { return std::make_unique<FunctionWork>(start, part); };
}

// Waits (at most 10 s) until `count` reaches `expected`, then a little longer so that a worker
// going past a bound would have done so; returns the count then.
std::size_t settled(const std::atomic<std::size_t>& count, std::size_t expected) {
  for (int i = 0; i < 1000 && count.load() < expected; ++i) std::this_thread::sleep_for(10ms);
  std::this_thread::sleep_for(200ms);
  return count.load();
}

// A short pause that differs from item to item, so that workers finish out of order.
void scrambled_pause(std::size_t item) { std::this_thread::sleep_for(std::chrono::microseconds((item * 7919) % 3000)); }

}  // namespace

TEST_CASE("scheduler: the consumer takes every item in order, each finished, parts included", "[scheduler]") {
  const std::size_t items = 60;
  std::vector<std::size_t> first_stage(items, 0);
  std::vector<std::vector<std::size_t>> parts(items);
  for (std::size_t i = 0; i < items; ++i) parts[i].assign(i % 4, 0);
  Scheduler scheduler(items, {3, 2});
  scheduler.start(4, work_of(
                         [&](std::size_t item) {
                           scrambled_pause(item);
                           first_stage[item] = item * item + 1;
                           return parts[item].size();
                         },
                         [&](std::size_t item, std::size_t part) {
                           scrambled_pause(item + part);
                           parts[item][part] = item * 100 + part + 1;
                         }));
  for (std::size_t i = 0; i < items; ++i) {
    REQUIRE(scheduler.take(i));
    CHECK(first_stage[i] == i * i + 1);
    for (std::size_t part = 0; part < parts[i].size(); ++part) {
      scheduler.wait_part(i, part);
      CHECK(parts[i][part] == i * 100 + part + 1);
    }
    scheduler.release(i);
  }
}

TEST_CASE("scheduler: workers start no item beyond items_ahead of the consumer", "[scheduler]") {
  std::atomic<std::size_t> started{0};
  Scheduler scheduler(20, {3, 2});
  scheduler.start(4, work_of([&](std::size_t) {
                    ++started;
                    return std::size_t{0};
                  }));
  CHECK(settled(started, 3) == 3);  // four workers, but three items ahead of a consumer at item 0
  REQUIRE(scheduler.take(0));
  scheduler.release(0);
  CHECK(settled(started, 4) == 4);  // the consumer moved on by one: one more item
  for (std::size_t i = 1; i < 20; ++i) {
    REQUIRE(scheduler.take(i));
    scheduler.release(i);
  }
  CHECK(started.load() == 20);
}

TEST_CASE("scheduler: parts start no further than parts_ahead of the part the consumer waits for", "[scheduler]") {
  std::atomic<std::size_t> finished{0};
  Scheduler scheduler(1, {8, 2});
  scheduler.start(4,
                  work_of([](std::size_t) { return std::size_t{20}; }, [&](std::size_t, std::size_t) { ++finished; }));
  REQUIRE(scheduler.take(0));
  CHECK(settled(finished, 2) == 2);  // parts 0 and 1
  scheduler.wait_part(0, 5);
  CHECK(settled(finished, 7) == 7);  // up to part 6: two beyond part 5
  for (std::size_t part = 0; part < 20; ++part) scheduler.wait_part(0, part);
  scheduler.release(0);
  CHECK(finished.load() == 20);
}

TEST_CASE("scheduler: a worker's exception reaches the consumer, in take or in wait_part", "[scheduler]") {
  SECTION("first stage") {
    Scheduler scheduler(10, {1, 2});  // one item ahead: item 5 starts once item 4 is released
    scheduler.start(2, work_of([](std::size_t item) -> std::size_t {
                      if (item == 5) throw std::runtime_error("item 5 broke");
                      return 0;
                    }));
    for (std::size_t i = 0; i < 5; ++i) {
      REQUIRE(scheduler.take(i));
      scheduler.release(i);
    }
    CHECK_THROWS_WITH(scheduler.take(5), "item 5 broke");
  }
  SECTION("a part") {
    Scheduler scheduler(1, {2, 2});
    scheduler.start(2, work_of([](std::size_t) { return std::size_t{3}; },
                               [](std::size_t, std::size_t part) {
                                 if (part == 1) throw std::runtime_error("part 1 broke");
                               }));
    // Whether the failure came before take() or during the waits, one of them rethrows it.
    auto consume = [&] {
      if (!scheduler.take(0)) return;
      for (std::size_t part = 0; part < 3; ++part) scheduler.wait_part(0, part);
    };
    CHECK_THROWS_WITH(consume(), "part 1 broke");
  }
  SECTION("making a worker's work") {
    Scheduler scheduler(3, {2, 2});
    scheduler.start(2, []() -> std::unique_ptr<PipelineWork> { throw std::runtime_error("no work"); });
    CHECK_THROWS_WITH(scheduler.take(0), "no work");
  }
}

TEST_CASE("scheduler: after a stop request no new item starts and take says so", "[scheduler]") {
  std::atomic<bool> stop{true};
  std::atomic<std::size_t> started{0};
  Scheduler scheduler(5, {2, 2}, &stop);
  scheduler.start(2, work_of([&](std::size_t) {
                    ++started;
                    return std::size_t{0};
                  }));
  CHECK_FALSE(scheduler.take(0));
  CHECK(started.load() == 0);
}

TEST_CASE("scheduler: release drops the parts not begun and waits for those under way", "[scheduler]") {
  // The consumer leaves an item with parts it never waited for (a file found unchanged, or a stop
  // request): after release() no worker may still touch that item's data.
  std::atomic<std::size_t> finished{0};
  std::atomic<bool> in_part{false}, released{false}, touched_after_release{false};
  Scheduler scheduler(2, {2, 2});
  scheduler.start(3, work_of([](std::size_t item) { return item == 0 ? std::size_t{50} : 0; },
                             [&](std::size_t, std::size_t) {
                               in_part = true;
                               if (released) touched_after_release = true;
                               std::this_thread::sleep_for(20ms);
                               ++finished;
                               in_part = false;
                             }));
  REQUIRE(scheduler.take(0));
  std::this_thread::sleep_for(5ms);
  scheduler.release(0);
  released = true;
  CHECK_FALSE(in_part.load());
  auto at_release = finished.load();
  CHECK(at_release <= 2);  // the bound: parts 0 and 1 at most
  REQUIRE(scheduler.take(1));
  scheduler.release(1);
  std::this_thread::sleep_for(100ms);
  CHECK(finished.load() == at_release);
  CHECK_FALSE(touched_after_release.load());
}

TEST_CASE("scheduler: a later item's parts never stand in the way of the consumer's item", "[scheduler]") {
  // Item 1 finishes its first stage long before item 0 and has more parts than parts_ahead: item 0's
  // parts must still come first. (Queued behind item 1's, they waited for good: the run hung.)
  std::vector<std::vector<int>> done(2, std::vector<int>(10, 0));
  Scheduler scheduler(2, {4, 2});
  scheduler.start(2, work_of(
                         [](std::size_t item) {
                           if (item == 0) std::this_thread::sleep_for(300ms);
                           return std::size_t{10};
                         },
                         [&](std::size_t item, std::size_t part) { done[item][part] = 1; }));
  for (std::size_t item = 0; item < 2; ++item) {
    REQUIRE(scheduler.take(item));
    for (std::size_t part = 0; part < 10; ++part) {
      scheduler.wait_part(item, part);
      CHECK(done[item][part] == 1);
    }
    scheduler.release(item);
  }
}
