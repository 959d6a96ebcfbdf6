// Helpers for tests: where the shared data sets are, temporary folders, running the real binaries.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace newsdex::test {

// ../shared next to the repository, or nullopt (tests then SKIP with a message saying so).
std::optional<std::filesystem::path> shared_dir();
std::filesystem::path source_dir();

// A fresh empty folder under the build tree, removed when the object goes.
class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs a shell command line; captures stdout and stderr; optional stdin text.
CommandResult run_command(const std::string& command_line, const std::string& stdin_text = {});

// Quotes one argument for the shell.
std::string shell_quote(const std::string& text);

std::string index_bin();
std::string search_bin();

// A whole number from the environment variable `name` (unset or empty: `fallback`): lets a longer
// local run of a reliability test scale it up without a rebuild.
std::size_t number_from_environment(const char* name, std::size_t fallback);

// The sample collection (corpus/: text pages, HTML pages and the export) indexed by the real
// newsdex-index, once per test process, for tests that only search it.
const std::filesystem::path& sample_corpus_db();

// The sample collection's three folders (corpus/text, corpus/html, corpus/export), shell-quoted, for
// an index command line: corpus/ also holds corpus/languages and corpus/tools, which are not part of it.
std::string sample_corpus_paths();

// The message of the UsageError `call` throws, or "no error" when it throws none.
std::string usage_error_of(const std::function<void()>& call);

std::string read_file(const std::filesystem::path& path);
// The bytes of the regular files under `folder` (a database's size on disk).
std::uintmax_t folder_bytes(const std::filesystem::path& folder);
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace newsdex::test

// Skips the rest of a test case (as a passing test with a warning) when ../shared is missing.
#define NEWSDEX_REQUIRE_SHARED(var)                                                        \
  auto var##_opt = ::newsdex::test::shared_dir();                                          \
  if (!var##_opt) {                                                                         \
    WARN("SKIPPED: ../shared (the read-only data sets) is missing next to the repository"); \
    return;                                                                                 \
  }                                                                                         \
  const std::filesystem::path var = *var##_opt
