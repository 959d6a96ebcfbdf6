#include "tests/support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>

#include "common/base/errors.hpp"

namespace newsdex::test {

std::optional<std::filesystem::path> shared_dir() {
  std::filesystem::path dir(NEWSDEX_SHARED_DIR);
  std::error_code error;
  if (std::filesystem::is_directory(dir / "corpora", error)) return std::filesystem::canonical(dir);
  return std::nullopt;
}

std::filesystem::path source_dir() { return NEWSDEX_SOURCE_DIR; }

std::string usage_error_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const UsageError& e) {
    return e.what();
  }
  return "no error";
}

TempDir::TempDir(const std::string& name) {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::path(NEWSDEX_TEST_TMP) /
          (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code error;
  std::filesystem::remove_all(path_, error);
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::size_t number_from_environment(const char* name, std::size_t fallback) {
  const char* text = std::getenv(name);
  return text && *text ? std::stoul(text) : fallback;
}

std::string sample_corpus_paths() {
  auto corpus = source_dir() / "corpus";
  return shell_quote((corpus / "text").string()) + " " + shell_quote((corpus / "html").string()) + " " +
         shell_quote((corpus / "export").string());
}

const std::filesystem::path& sample_corpus_db() {
  static TempDir dir("sample-corpus");
  static std::filesystem::path db = [] {
    auto path = dir.path() / "db";
    auto result =
        run_command(shell_quote(index_bin()) + " -q --db " + shell_quote(path.string()) + " " + sample_corpus_paths());
    if (result.exit_code != 0)
      throw std::runtime_error("indexing the sample corpus failed (exit " + std::to_string(result.exit_code) +
                               "): " + result.err);
    return path;
  }();
  return db;
}

std::uintmax_t folder_bytes(const std::filesystem::path& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) bytes += entry.file_size();
  return bytes;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

CommandResult run_command(const std::string& command_line, const std::string& stdin_text) {
  TempDir scratch("cmd");
  auto in = scratch.path() / "stdin", out = scratch.path() / "stdout", err = scratch.path() / "stderr";
  write_file(in, stdin_text);
  auto full = "(" + command_line + ") <" + shell_quote(in.string()) + " >" + shell_quote(out.string()) + " 2>" +
              shell_quote(err.string());
  int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

std::string index_bin() { return NEWSDEX_INDEX_BIN; }
std::string search_bin() { return NEWSDEX_SEARCH_BIN; }

}  // namespace newsdex::test
