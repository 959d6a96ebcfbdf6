// The labelled set of page layouts: every tests/fixtures/layouts/NAME.EXT with a NAME.expected.json
// beside it is read as a user would read it, and each field the expectation names is compared.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "common/readers/reader.hpp"
#include "tests/support.hpp"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> labelled_pages() {
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests/fixtures/layouts")) {
    auto name = entry.path().filename().string();
    if (name.ends_with(".expected.json")) continue;
    auto expected = entry.path().parent_path() / (entry.path().stem().string() + ".expected.json");
    if (fs::exists(expected)) pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

}  // namespace

TEST_CASE("every labelled layout comes out with its expected fields and body", "[readers][layouts]") {
  auto pages = labelled_pages();
  REQUIRE(pages.size() >= 4);
  for (const auto& page : pages) {
    INFO("page: " << page.filename().string());
    auto expected_path = page.parent_path() / (page.stem().string() + ".expected.json");
    auto expected = nlohmann::json::parse(test::read_file(expected_path));
    auto result = read_articles(page, ReadOptions{});
    REQUIRE(result.articles.size() == 1);
    const auto& article = result.articles.front();
    const std::pair<const char*, const std::string*> fields[] = {
        {"title", &article.title},   {"published", &article.published},
        {"author", &article.author}, {"source", &article.source},
        {"url", &article.url},       {"lede", &article.lede}};
    for (const auto& [name, value] : fields) {
      if (!expected.contains(name)) continue;
      INFO("field: " << name);
      CHECK(*value == expected[name].get<std::string>());
    }
    if (expected.contains("paragraphs")) {
      auto paragraphs = expected["paragraphs"].get<std::vector<std::string>>();
      CHECK(article.paragraphs == paragraphs);
    }
    if (expected.contains("first_paragraph") && !article.paragraphs.empty())
      CHECK(article.paragraphs.front() == expected["first_paragraph"].get<std::string>());
    if (expected.contains("last_paragraph") && !article.paragraphs.empty())
      CHECK(article.paragraphs.back() == expected["last_paragraph"].get<std::string>());
  }
}
