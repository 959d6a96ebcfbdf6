#include "common/base/data_files.hpp"

#include <cstdlib>
#include <string>
#include <vector>

#include "common/base/errors.hpp"

namespace newsdex {
namespace {

std::filesystem::path executable_dir() {
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path{} : exe.parent_path();
}

std::vector<std::filesystem::path> data_dirs() {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("NEWSDEX_DATA_DIR"); env && *env) dirs.emplace_back(env);
  if (auto exe = executable_dir(); !exe.empty()) dirs.push_back(exe / ".." / "share" / "newsdex");
#ifdef NEWSDEX_SOURCE_DATA_DIR
  dirs.emplace_back(NEWSDEX_SOURCE_DATA_DIR);
#endif
  return dirs;
}

}  // namespace

std::filesystem::path find_data_file(std::string_view relative) {
  std::string looked;
  for (const auto& dir : data_dirs()) {
    auto candidate = dir / relative;
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error)) return candidate;
    looked += (looked.empty() ? "" : ", ") + candidate.string();
  }
  throw Error(ExitCode::io_error, "data file '" + std::string(relative) + "' not found (looked in " + looked +
                                      "); set NEWSDEX_DATA_DIR to the repository's data/ folder");
}

}  // namespace newsdex
