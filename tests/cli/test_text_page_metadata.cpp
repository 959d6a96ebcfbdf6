// Titles, bylines and dates of a whole saved text page through the real indexer's --dump: the
// headline below a masthead, menus, a dated masthead and labels; "Posted on DATE by A and B"; the
// title's source shown (issue 18, items 1 and 2).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support.hpp"

using namespace newsdex::test;

TEST_CASE("a whole saved text page gives its headline, authors and date, and says where the title came from",
          "[cli][text]") {
  TempDir dir("text-metadata");
  const auto page = dir.path() / "page.txt";
  write_file(page,
             "Skip to main content\n\nThe Pellby Post\n\nNews from the river towns since 1890\n\n"
             "Saturday 8 June 2024\n\nNews\nSport\nWeather\n\nLocal\n\n"
             "Council votes to reopen the old mill as a museum\n\n"
             "Posted on June 7, 2024 by Orla Finch and Bram Kessel\n\nTags: mills, council, museums\n\n"
             "3 minute read\n\n"
             "Pellby council voted on Tuesday to reopen the old mill as a museum, ending a ten-year dispute.\n\n"
             "The mill closed in 1970 and the council bought it last year from the last owner's family.\n");
  auto result = run_command(shell_quote(index_bin()) + " --dump --entities none " + shell_quote(page.string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto article = nlohmann::json::parse(result.out);
  CHECK(article["title"] == "Council votes to reopen the old mill as a museum");
  CHECK(article["title_source"] == "headline line");
  CHECK(article["author"] == "Orla Finch; Bram Kessel");
  CHECK(article["published"] == "2024-06-07");  // not the masthead's day of saving
  for (const auto& paragraph : article["paragraphs"]) {
    CHECK(paragraph.get<std::string>().find("Tags:") == std::string::npos);
    CHECK(paragraph.get<std::string>().find("minute read") == std::string::npos);
  }
}
