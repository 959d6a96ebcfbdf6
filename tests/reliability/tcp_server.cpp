#include "tests/reliability/tcp_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace newsdex::test {
namespace {

sockaddr_in loopback(unsigned port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

bool reaped(pid_t pid, std::chrono::milliseconds within) {
  auto until = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < until) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

unsigned free_local_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  auto address = loopback(0);
  socklen_t size = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot find a free port on 127.0.0.1");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

bool accepts_connections(unsigned port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  auto address = loopback(port);
  bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

TcpServer::TcpServer(const std::vector<std::filesystem::path>& databases, const std::filesystem::path& scratch) {
  for (int attempt = 0; attempt < 5 && pid_ < 0; ++attempt) {
    port_ = free_local_port();
    std::vector<std::string> args{"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(port_)};
    for (const auto& db : databases) args.push_back(db.string());
    auto log = (scratch / ("tcpsrv-" + std::to_string(port_) + ".log")).string();
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork() failed");
    if (pid == 0) {
      ::setpgid(0, 0);  // a group of its own: xapian-tcpsrv signals its whole group on SIGTERM
      int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (out >= 0) {
        ::dup2(out, 1);
        ::dup2(out, 2);
      }
      std::vector<char*> argv;
      for (auto& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      ::execvp(argv[0], argv.data());
      ::_exit(127);
    }
    ::setpgid(pid, pid);  // also from here, so that it holds whichever runs first
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < until) {
      if (accepts_connections(port_)) {
        pid_ = pid;
        break;
      }
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) break;  // ended (the port was taken meanwhile?): again
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (pid_ < 0 && ::kill(pid, 0) == 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  }
  if (pid_ < 0) throw std::runtime_error("xapian-tcpsrv did not start (is it installed? see the log in " +
                                         scratch.string() + ")");
}

void TcpServer::stop() {
  if (pid_ < 0) return;
  ::kill(pid_, SIGTERM);
  if (!reaped(pid_, std::chrono::seconds(5))) {
    ::kill(-pid_, SIGKILL);  // its own group only (it has one of its own)
    ::waitpid(pid_, nullptr, 0);
  }
  pid_ = -1;
}

TcpServer::~TcpServer() { stop(); }

}  // namespace newsdex::test
