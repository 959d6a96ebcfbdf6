// Waiting in tests without fixed sleeps: poll a condition until it holds or a deadline passes.
#pragma once
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace newsdex::test {

template <typename Condition>
bool wait_until(Condition condition, std::chrono::milliseconds timeout = std::chrono::seconds(120)) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

// Documents a reader sees in the database now (0 while it does not exist yet).
inline Xapian::doccount committed_documents(const std::filesystem::path& db) {
  try {
    return Xapian::Database(db.string()).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

}  // namespace newsdex::test
