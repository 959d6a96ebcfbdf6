// CPU time of the calling thread, for the NER speed figures: the machines are shared, and wall-clock time
// would count other processes' work.
#pragma once

#include <ctime>

namespace newsdex::ner {

inline double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace newsdex::ner
