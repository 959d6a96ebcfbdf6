// The seed article from ../shared: the acceptance case for the text reader and the cleaner.
#include <catch2/catch.hpp>

#include "common/readers/reader.hpp"
#include "tests/support.hpp"

using namespace newsdex;

TEST_CASE("the seed article comes out with its date, title, lede and clean body", "[readers][seed]") {
  NEWSDEX_REQUIRE_SHARED(shared);
  auto result = read_articles(shared / "seed/article-2024-11-22.txt", ReadOptions{});
  REQUIRE(result.articles.size() == 1);
  const auto& article = result.articles.front();
  CHECK(article.published == "2024-11-22");
  CHECK(article.title == "Hamas asserts no hostage negotiations unless Gaza fighting halts; Israel Says No Chance");
  CHECK(article.lede.starts_with("A senior Hamas official told that a \"total ceasefire"));
  CHECK(article.lede.ends_with("regarding a potential hostage-prisoner swap"));
  REQUIRE(article.paragraphs.size() >= 10);
  CHECK(article.paragraphs.front().starts_with("Israel has firmly rejected"));
  CHECK(article.paragraphs.back().ends_with("caught in the crossfire."));
  const char* unwanted[] = {"Advertisement",
                            "Audio player",
                            "Must Read",
                            "LEAVE A REPLY",
                            "enter your comment",
                            "enter your name",
                            "Latest News",
                            "Hezbollah Leader Qassem",
                            "third public address",
                            "More Articles Like This",
                            "automation technology"};
  for (const auto& paragraph : article.paragraphs) {
    for (const char* text : unwanted) {
      INFO(paragraph);
      CHECK(paragraph.find(text) == std::string::npos);
    }
  }
  // The lede is printed again, with curly quotes and a period, as the second paragraph: dropped.
  for (const auto& paragraph : article.paragraphs) CHECK_FALSE(paragraph.starts_with("A senior Hamas official told"));
}
