#include "searcher/terminal_width.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace newsdex {

std::size_t terminal_width() {
  if (!::isatty(STDOUT_FILENO)) return 0;
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    char* end = nullptr;
    auto value = std::strtoul(columns, &end, 10);
    if (*end == '\0' && value >= 20 && value <= 10000) return value;
  }
  return 80;
}

}  // namespace newsdex
