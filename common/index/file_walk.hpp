// Finding the input files under the paths a user gives, with the facts change detection needs.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace newsdex {

struct InputFile {
  // The bytes the system gives, as found (absolute when the user gave an absolute path); path_text()
  // makes the text the index stores and messages show.
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

// Each problem's path is a place the walk could not see into completely (a folder it could not list,
// a file it could not inspect, a missing input): --prune takes nothing at or under it as gone.
struct WalkProblem {
  std::string path;  // bytes, as InputFile::path
  std::string message;
  bool failed = true;  // false for what is passed over on purpose (not a regular file, a broken link)
};

struct WalkResult {
  std::vector<InputFile> files;  // sorted by path, each once
  std::vector<WalkProblem> problems;
  std::size_t passed_over = 0;  // files in folders whose names are not article file names
};

// Folders are read recursively, keeping article file names unless all_files (is_article_file_name()
// in common/readers/formats.hpp: the extensions the reader knows, and names without one); hidden
// files and folders (".name") are passed over; symbolic links to files are followed, links to
// folders are not (so link loops cannot trap the walk). Files named on the command line are always read. A folder that
// cannot be listed is a failed problem with the reason, never passed over in silence; so is a folder
// given that holds no file to read (empty, or only files of other types).
WalkResult walk_inputs(const std::vector<std::string>& inputs, bool all_files = false);

}  // namespace newsdex
