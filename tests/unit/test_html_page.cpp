// The HTML reader on hand-written pages of four site layouts (tests/fixtures/html): metadata, lede
// and the body, with the boilerplate each page carries (menus, ads, share buttons, related lists,
// comment forms, cookie banners, newsletter boxes) kept out of it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/readers/html_page.hpp"
#include "tests/support.hpp"

using namespace newsdex;

namespace {

struct PageCase {
  const char* file;
  const char* title;
  const char* published;
  const char* author;
  const char* source;
  const char* url;
  const char* lede;
  const char* first_paragraph_start;
  const char* last_paragraph_start;
  std::vector<std::string> present;  // in the body
  std::vector<std::string> absent;   // in neither the lede nor the body
};

Article read_fixture(const std::string& file) {
  auto html = test::read_file(test::source_dir() / "tests/fixtures/html" / file);
  auto result = read_html_page(html, file);
  REQUIRE(result.articles.size() == 1);
  return result.articles.front();
}

std::string whole_body(const Article& article) {
  std::string text;
  for (const auto& paragraph : article.paragraphs) text += paragraph + "\n";
  return text;
}

}  // namespace

TEST_CASE("HTML pages: metadata, lede and main content of four site layouts", "[html]") {
  const PageCase cases[] = {
      {"jsonld_site.html", "Harbour bridge reopens after two-year repair", "2024-03-07T08:15:00+01:00",
       "Maren Holt, Tobias Quill", "Example Daily", "https://daily.example.com/city/harbour-bridge-reopens", "",
       "The harbour bridge reopened to traffic", "Tolls will not be charged",
       {"\xE2\x80\x9CIt was worth every delay,\xE2\x80\x9D", "The repair cost the city"},
       {"cookies", "Accept all", "Share on Facebook", "Advertisement", "Sign up for our free newsletter",
        "Ferry timetable", "Great news", "Copyright", "Culture"}},
      {"og_meta_site.html", "Orchard growers brace for late frost", "2023-04-18T06:00:00+00:00", "Priya Vance",
       "The Valley Courier", "https://valleycourier.example.org/farming/late-frost",
       "Apple and pear farmers are lighting fires between the rows as temperatures are forecast to fall below zero for "
       "three nights.",
       "Growers across the valley spent Monday night", "The farmers' union will meet",
       {"Insurance questions", "Fires are allowed only between midnight", "Forecasters expect"},
       {"Subscribe now", "Dairy prices", "Most read", "WhatsApp", "Advertise", "By Priya Vance", "Weather"}},
      {"time_h1_site.html", "Library to stay open on Sundays", "2022-11-05", "Jo Bloggs", "", "", "",
       "The town library will open on Sunday afternoons", "The first Sunday opening will be",
       {"Students preparing for exams", "The council expects the extra hours"},
       {"Bin collection", "Share this", "Leave a comment", "Town Crier 2022", "Events"}},
      {"graph_byline_site.html", "Night trains return to the northern line", "2021-09-14T22:10:00+00:00", "Aled Rhys",
       "Rail Review", "https://railreview.example.net/2021/09/night-trains-return", "",
       "Sleeper trains returned to the northern line", "Campaigners who fought for the return",
       {"What passengers said", "We used to take this train", "Departures at 22:10", "Tickets start at forty-five"},
       {"The first sleeper waits", "Share this", "Freight operator", "Sign up to the Rail Review newsletter",
        "Leave a Reply", "independent magazine", "cookie", "tracking", "enable JavaScript"}},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    auto article = read_fixture(c.file);
    CHECK(article.title == c.title);
    CHECK(article.published == c.published);
    CHECK(article.author == c.author);
    CHECK(article.source == c.source);
    CHECK(article.url == c.url);
    CHECK(article.lede == c.lede);
    REQUIRE(!article.paragraphs.empty());
    CHECK_THAT(article.paragraphs.front(), Catch::StartsWith(c.first_paragraph_start));
    CHECK_THAT(article.paragraphs.back(), Catch::StartsWith(c.last_paragraph_start));
    auto body = whole_body(article);
    for (const auto& text : c.present) CHECK_THAT(body, Catch::Contains(text));
    for (const auto& text : c.absent) {
      CHECK_THAT(body, !Catch::Contains(text));
      CHECK_THAT(article.lede, !Catch::Contains(text));
    }
  }
}

TEST_CASE("HTML pages: <br> separates lines and a blank line separates paragraphs", "[html]") {
  auto article = read_fixture("time_h1_site.html");
  // "…at weekends, the petition said…<br>The council expects…" is one paragraph of two lines.
  bool joined = false;
  for (const auto& paragraph : article.paragraphs)
    joined |= paragraph.find("Students preparing") == 0 && paragraph.find("The council expects") != std::string::npos;
  CHECK(joined);
  CHECK(article.paragraphs.size() == 4);
}
