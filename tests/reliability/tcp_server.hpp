// A stock xapian-tcpsrv serving databases on a free 127.0.0.1 port, for the tests of remote shards.
// Started in a process group of its own (xapian-tcpsrv signals its whole group when it stops, which
// would otherwise reach the test), stopped by its PID when the object goes, also when a test fails.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace newsdex::test {

// A port on 127.0.0.1 that was free a moment ago.
unsigned free_local_port();

// True when something accepts connections on 127.0.0.1:port.
bool accepts_connections(unsigned port);

class TcpServer {
 public:
  // Serves `databases` (read-only) on a free port; returns once it accepts connections. `scratch`
  // (which must exist) takes its output.
  TcpServer(const std::vector<std::filesystem::path>& databases, const std::filesystem::path& scratch);
  ~TcpServer();
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  unsigned port() const { return port_; }
  std::string stub_line() const { return "remote 127.0.0.1:" + std::to_string(port_); }
  // Stops it now (SIGTERM to its PID, then SIGKILL to its own group if it lingers) and reaps it.
  void stop();

 private:
  pid_t pid_ = -1;
  unsigned port_ = 0;
};

}  // namespace newsdex::test
