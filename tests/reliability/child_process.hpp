// A child process the test controls: started without a shell so that signals reach the program
// itself (SIGKILL at a random moment, SIGINT, SIGSTOP), with its output captured in files.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdex::test {

struct ChildExit {
  int exit_code = -1;  // when it exited
  int signal = 0;      // when a signal ended it
  std::string out, err;
};

class ChildProcess {
 public:
  // Starts argv[0] with the arguments; stdout and stderr go to files in `scratch` (which must exist).
  // `environment` entries ("NAME=value") are added to the test's own environment.
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& scratch,
               const std::vector<std::string>& environment = {});
  ~ChildProcess();  // kills and reaps a child still running, so a failed test leaves none behind
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  void signal(int signal_number) const;
  // True when the child has ended (reaps it; the result is kept for wait()).
  bool finished();
  // Waits for the end; nullopt when it is still running after `timeout` (then it keeps running).
  std::optional<ChildExit> wait_for(std::chrono::milliseconds timeout);
  ChildExit wait();

 private:
  ChildExit collect(int status) const;

  pid_t pid_ = -1;
  std::filesystem::path out_, err_;
  std::optional<ChildExit> result_;
};

// Starts newsdex-index with these arguments (after the binary).
std::vector<std::string> index_command(const std::vector<std::string>& args);

}  // namespace newsdex::test
