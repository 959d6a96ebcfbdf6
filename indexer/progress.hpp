// Progress on stderr: a bar that redraws itself on a terminal, plain periodic lines otherwise.
#pragma once
#include <chrono>
#include <cstdio>

#include "common/index/run.hpp"

namespace newsdex {

class ProgressReporter {
 public:
  explicit ProgressReporter(bool quiet);
  void update(const IndexProgress& progress);
  void finish();  // ends the bar's line so later output starts clean

 private:
  bool quiet_;
  bool terminal_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace newsdex
