#include "tests/reliability/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "tests/support.hpp"

extern char** environ;

namespace newsdex::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& scratch,
                           const std::vector<std::string>& environment) {
  static std::atomic<int> counter{0};
  auto stem = scratch / ("child-" + std::to_string(counter++));
  out_ = stem.string() + ".out";
  err_ = stem.string() + ".err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<char*> env;
  for (char** entry = environ; *entry; ++entry) env.push_back(*entry);
  for (const auto& entry : environment) env.push_back(const_cast<char*>(entry.c_str()));
  env.push_back(nullptr);
  int error = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + argv[0]);
}

ChildProcess::~ChildProcess() {
  if (result_ || pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
}

void ChildProcess::signal(int signal_number) const {
  if (!result_) ::kill(pid_, signal_number);
}

ChildExit ChildProcess::collect(int status) const {
  ChildExit exit;
  if (WIFEXITED(status)) exit.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) exit.signal = WTERMSIG(status);
  exit.out = read_file(out_);
  exit.err = read_file(err_);
  return exit;
}

bool ChildProcess::finished() {
  if (result_) return true;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
  result_ = collect(status);
  return true;
}

std::optional<ChildExit> ChildProcess::wait_for(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!finished()) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return result_;
}

ChildExit ChildProcess::wait() {
  if (!result_) {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    result_ = collect(status);
  }
  return *result_;
}

std::vector<std::string> index_command(const std::vector<std::string>& args) {
  std::vector<std::string> argv{index_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

}  // namespace newsdex::test
