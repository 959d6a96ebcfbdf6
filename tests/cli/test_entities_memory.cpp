// Entity extraction's memory on one very long article, through the real newsdex-index: what it adds
// over `--entities none` stays a small constant times the article (docs/entities.md, "Memory";
// bench/ner/memory.py measures the same on 10 MB and 50 MB articles).
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define NEWSDEX_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NEWSDEX_TEST_SANITIZED 1
#endif
#endif

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

// Peak resident memory of the child running `argv`, in bytes; its output is thrown away.
long peak_memory(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  REQUIRE(wait4(pid, &status, 0, &usage) == pid);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return usage.ru_maxrss * 1024L;
}

// An article of about `bytes` written as one paragraph, from the invented sample pages' lines in a
// seeded random order (one paragraph: before the fix the worst case, ~30 bytes per byte).
std::string long_article(std::size_t bytes) {
  std::vector<std::string> lines;
  for (const auto& entry : fs::directory_iterator(source_dir() / "corpus" / "text")) {
    const std::string text = read_file(entry.path());
    for (std::size_t start = 0; start < text.size();) {
      auto end = std::min(text.find('\n', start), text.size());
      if (end - start >= 60) lines.push_back(text.substr(start, end - start));
      start = end + 1;
    }
  }
  std::sort(lines.begin(), lines.end());
  std::mt19937 random(42);
  std::string body;
  while (body.size() < bytes) body += lines[random() % lines.size()] + " ";
  nlohmann::json article{{"url", "https://memory.example/long"},
                         {"title", "The flood review in full"},
                         {"date", "2024-12-17"},
                         {"body", body}};
  return article.dump();
}

}  // namespace

TEST_CASE("entity extraction on an 8 MB article adds under 10 bytes of memory per byte of article", "[cli][memory]") {
#ifdef NEWSDEX_TEST_SANITIZED
  WARN("SKIPPED: memory is not measurable under AddressSanitizer");
  return;
#else
  TempDir dir("entities-memory");
  const fs::path article = dir.path() / "long.json";
  write_file(article, long_article(8u << 20));
  const auto size = static_cast<double>(fs::file_size(article));
  auto peak = [&](const std::string& entities) {
    return peak_memory({index_bin(), "--db", (dir.path() / ("db-" + entities)).string(), "--quiet", "--jobs", "1",
                        "--no-compact", "--max-file-size", "100M", "--entities", entities, article.string()});
  };
  const long without = peak("none");
  const long with_entities = peak("both");
  const double per_byte = static_cast<double>(with_entities - without) / size;
  INFO("peak " << without / 1e6 << " MB with --entities none, " << with_entities / 1e6
               << " MB with entities: " << per_byte << " bytes per byte of article");
  CHECK(per_byte < 10.0);
#endif
}
