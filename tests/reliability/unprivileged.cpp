#include "tests/reliability/unprivileged.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include "tests/support.hpp"

namespace newsdex::test {

std::optional<std::string> unprivileged_prefix(const std::filesystem::path& scratch, std::string& why_not) {
  auto locked = scratch / "mode-000-probe";
  std::filesystem::create_directories(locked / "inside");
  ::chmod(locked.c_str(), 0);
  const char* candidates[] = {"",
                              "setpriv --bounding-set=-dac_override,-dac_read_search "
                              "--inh-caps=-dac_override,-dac_read_search "};
  std::optional<std::string> found;
  for (const char* prefix : candidates) {
    if (*prefix == '\0' && ::geteuid() == 0) continue;  // root needs its capabilities dropped
    bool runs = run_command(std::string(prefix) + "true").exit_code == 0;
    bool locked_out = runs && run_command(std::string(prefix) + "ls " + shell_quote(locked.string())).exit_code != 0;
    if (locked_out) {
      found = prefix;
      break;
    }
    why_not += std::string(*prefix ? "setpriv" : "as this user") +
               (runs ? ": a mode-000 folder stays readable; " : ": cannot run (setpriv missing or not permitted); ");
  }
  ::chmod(locked.c_str(), 0755);
  return found;
}

}  // namespace newsdex::test
