#include "indexer/progress.hpp"

#include <unistd.h>

#include <string>

namespace newsdex {
namespace {

std::string format_duration(double seconds) {
  auto total = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (total >= 3600)
    std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", total / 3600, (total / 60) % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%ldm%02lds", total / 60, total % 60);
  return buffer;
}

}  // namespace

ProgressReporter::ProgressReporter(bool quiet) : quiet_(quiet), terminal_(::isatty(STDERR_FILENO) == 1) {}

void ProgressReporter::update(const IndexProgress& progress) {
  if (quiet_ || progress.files_total == 0) return;
  auto now = std::chrono::steady_clock::now();
  auto interval = terminal_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000);
  bool last = progress.files_done == progress.files_total;
  if (!last && now - last_ < interval) return;
  if (last && !terminal_ && !drawn_) return;  // short runs: the summary says it all
  last_ = now;
  double seconds = std::chrono::duration<double>(progress.elapsed).count();
  double rate = seconds > 0 ? static_cast<double>(progress.articles) / seconds : 0.0;
  double fraction = static_cast<double>(progress.files_done) / static_cast<double>(progress.files_total);
  double left = fraction > 0 ? seconds * (1 - fraction) / fraction : 0.0;
  if (terminal_) {
    constexpr int width = 30;
    int filled = static_cast<int>(fraction * width);
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu files, %.0f articles/s, %s left  ", filled,
                 "==============================", width - filled, "", progress.files_done, progress.files_total, rate,
                 format_duration(left).c_str());
  } else {
    std::fprintf(stderr, "newsdex-index: %zu/%zu files, %zu articles, %.0f articles/s, %s left\n",
                 progress.files_done, progress.files_total, progress.articles, rate, format_duration(left).c_str());
  }
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressReporter::finish() {
  if (terminal_ && drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

}  // namespace newsdex
