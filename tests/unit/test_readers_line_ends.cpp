// A page with old Mac (CR) or mixed CR LF / CR / LF line ends reads exactly as the same page with LF
// line ends: title, date, lede and body. Line ends are normalised once, when the bytes are decoded.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "common/readers/reader.hpp"
#include "common/store/document.hpp"
#include "tests/support.hpp"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

// Every LF replaced by `ends[i % ends.size()]` for the i-th line.
std::string with_line_ends(const std::string& text, const std::vector<std::string>& ends) {
  std::string out;
  std::size_t line = 0;
  for (char c : text) {
    if (c == '\n') out += ends[line++ % ends.size()];
    else out += c;
  }
  return out;
}

std::string described(const ReadResult& read) {
  std::string out;
  for (const auto& article : read.articles) out += article_to_json(article).dump() + "\n";
  for (const auto& problem : read.problems) out += std::to_string(problem.line) + ": " + problem.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("CR-only and mixed line ends read as LF line ends, in every format", "[readers]") {
  struct Ends {
    const char* name;
    std::vector<std::string> ends;
  };
  const Ends variants[] = {{"CR (old Mac)", {"\r"}}, {"CR LF", {"\r\n"}}, {"mixed CR LF, CR, LF", {"\r\n", "\r", "\n"}}};
  std::size_t pages = 0;
  for (const char* folder : {"text", "html", "export"}) {
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "corpus" / folder)) {
      const std::string lf = test::read_file(entry.path());
      const std::string name = entry.path().filename().string();
      const auto expected = read_articles_from_bytes(lf, name, {});
      REQUIRE_FALSE(expected.articles.empty());
      if (std::string(folder) == "text") {
        CHECK_FALSE(expected.articles[0].title.empty());
        CHECK_FALSE(expected.articles[0].published.empty());
      }
      for (const auto& variant : variants) {
        INFO(name << " with " << variant.name << " line ends");
        CHECK(described(read_articles_from_bytes(with_line_ends(lf, variant.ends), name, {})) == described(expected));
      }
      ++pages;
    }
  }
  CHECK(pages > 30);
}
