#include "common/file_walk.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <filesystem>

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
    result.problems.push_back({path.string(), "cannot read: " + error.message()});
    return;
  }
  if (!fs::is_regular_file(status)) {
    result.problems.push_back({path.string(), "skipped: not a regular file", false});
    return;
  }
  InputFile file{path.string(), fs::file_size(path, error), 0};
  if (!error) file.mtime_ns = mtime_ns(path, error);
  if (error) {
    result.problems.push_back({path.string(), "cannot read: " + error.message()});
    return;
  }
  result.files.push_back(std::move(file));
}

bool hidden(const fs::path& path) {
  auto name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

void walk_folder(const fs::path& root, bool all_files, WalkResult& result) {
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end;
  if (error) {
    result.problems.push_back({root.string(), "cannot read folder: " + error.message()});
    return;
  }
  for (; it != end; it.increment(error)) {
    if (error) {
      result.problems.push_back({it->path().string(), "cannot read: " + error.message()});
      error.clear();
      continue;
    }
    const auto& path = it->path();
    if (hidden(path)) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    std::error_code type_error;
    if (it->is_symlink(type_error)) {
      if (fs::is_directory(path, type_error)) continue;  // never follow links to folders: no loops
      if (type_error) {
        result.problems.push_back({path.string(), "skipped: broken or looping symbolic link", false});
        continue;
      }
    }
    if (it->is_directory(type_error)) continue;
    if (!all_files && !is_article_file_name(path.string())) {
      ++result.passed_over;
      continue;
    }
    add_file(path, result);
  }
}

}  // namespace

bool is_article_file_name(const std::string& path) {
  auto extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const char* const known[] = {"", ".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson"};
  return std::find(std::begin(known), std::end(known), extension) != std::end(known);
}

WalkResult walk_inputs(const std::vector<std::string>& inputs, bool all_files) {
  WalkResult result;
  for (const auto& input : inputs) {
    std::error_code error;
    fs::path path(input);
    auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      auto link = fs::symlink_status(path, error);
      bool broken_link = fs::is_symlink(link);
      result.problems.push_back({input,
                                 broken_link ? "skipped: broken or looping symbolic link" : "cannot read: no such file or folder",
                                 !broken_link});
      continue;
    }
    if (fs::is_directory(status))
      walk_folder(path, all_files, result);
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
