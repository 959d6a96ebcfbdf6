#include "common/index/file_walk.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "common/readers/formats.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

std::int64_t mtime_ns(const fs::path& path, std::error_code& error) {
  auto time = fs::last_write_time(path, error);
  if (error) return 0;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

void add_file(const fs::path& path, WalkResult& result) {
  std::error_code error;
  auto status = fs::status(path, error);
  if (error) {
    result.problems.push_back({path.native(), "cannot read: " + error.message()});
    return;
  }
  if (!fs::is_regular_file(status)) {
    result.problems.push_back({path.native(), "skipped: not a regular file", false});
    return;
  }
  InputFile file{path.native(), fs::file_size(path, error), 0};
  if (!error) file.mtime_ns = mtime_ns(path, error);
  if (error) {
    result.problems.push_back({path.native(), "cannot read: " + error.message()});
    return;
  }
  result.files.push_back(std::move(file));
}

bool hidden(const fs::path& path) {
  auto name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

// Lists one folder: its article files go to the result, its sub-folders to `pending`. A folder that
// cannot be listed, or whose listing breaks off, is a failed problem: the walk does not know what it
// holds, so nothing recorded under it may be taken as gone (--prune).
void list_folder(const fs::path& folder, bool all_files, std::vector<fs::path>& pending, WalkResult& result) {
  std::error_code error;
  fs::directory_iterator it(folder, error), end;
  for (; !error && it != end; it.increment(error)) {
    const auto& path = it->path();
    if (hidden(path)) continue;
    std::error_code type_error;
    if (it->is_symlink(type_error)) {
      if (fs::is_directory(path, type_error)) continue;  // never follow links to folders: no loops
      if (type_error) {
        result.problems.push_back({path.native(), "skipped: broken or looping symbolic link", false});
        continue;
      }
    }
    if (it->is_directory(type_error)) {
      pending.push_back(path);
      continue;
    }
    if (!all_files && !is_article_file_name(path.native())) {
      ++result.passed_over;
      continue;
    }
    add_file(path, result);
  }
  if (error) result.problems.push_back({folder.native(), "cannot read folder: " + error.message()});
}

void walk_folder(const fs::path& root, bool all_files, WalkResult& result) {
  std::vector<fs::path> pending{root};  // a stack, not recursion: folder depth cannot overflow it
  while (!pending.empty()) {
    auto folder = std::move(pending.back());
    pending.pop_back();
    list_folder(folder, all_files, pending, result);
  }
}

// A folder given that holds no file to read is a failed problem: an unmounted drive or a mistyped
// path looks like that, and --prune must not take its articles as gone.
void walk_given_folder(const fs::path& root, bool all_files, WalkResult& result) {
  auto files_before = result.files.size(), problems_before = result.problems.size();
  auto passed_over_before = result.passed_over;
  walk_folder(root, all_files, result);
  if (result.files.size() > files_before || result.problems.size() > problems_before) return;
  auto passed_over = result.passed_over - passed_over_before;
  result.problems.push_back({root.native(), passed_over == 0
                                                ? "empty folder: no file to index"
                                                : "no file to index: " + std::to_string(passed_over) +
                                                      " files of other types passed over (--all-files reads them)"});
}

}  // namespace

WalkResult walk_inputs(const std::vector<std::string>& inputs, bool all_files) {
  WalkResult result;
  for (const auto& input : inputs) {
    std::error_code error;
    fs::path path(input);
    auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      std::error_code link_error;
      bool broken_link = fs::is_symlink(fs::symlink_status(path, link_error));
      bool missing = !error || error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory;
      if (broken_link)
        result.problems.push_back({input, "skipped: broken or looping symbolic link", false});
      else
        result.problems.push_back(
            {input, missing ? "cannot read: no such file or folder" : "cannot read: " + error.message()});
      continue;
    }
    if (fs::is_directory(status))
      walk_given_folder(path, all_files, result);
    else
      add_file(path, result);
  }
  std::sort(result.files.begin(), result.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  result.files.erase(std::unique(result.files.begin(), result.files.end(),
                                 [](const auto& a, const auto& b) { return a.path == b.path; }),
                     result.files.end());
  return result;
}

}  // namespace newsdex
