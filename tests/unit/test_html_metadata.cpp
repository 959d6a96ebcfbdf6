// HTML metadata: title suffixes, JSON-LD shapes, and the fallbacks for dates, authors and titles.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/readers/html_json_ld.hpp"
#include "common/readers/html_metadata.hpp"

using namespace newsdex;
using namespace newsdex::html;

TEST_CASE("strip_site_suffix removes the site name from titles", "[html]") {
  struct Case {
    const char *title, *site, *url, *expected;
  };
  const Case cases[] = {
      {"Storm closes schools | The Daily Example", "The Daily Example", "", "Storm closes schools"},
      {"Storm closes schools - Daily Example", "The Daily Example", "", "Storm closes schools"},
      {"Storm closes schools | Example", "", "", "Storm closes schools"},
      {"Fact check: rent - News Nation", "", "https://www.newsnation.in/a/b", "Fact check: rent"},
      {"Opinion | Republicans Are Following the President to Nowhere", "", "", "Opinion | Republicans Are Following the President to Nowhere"},
      {"Smith - the man who knew too much", "Daily Example", "https://daily.example.com/x", "Smith - the man who knew too much"},
      {"No suffix at all", "Daily Example", "", "No suffix at all"},
  };
  for (const auto& c : cases) {
    INFO(c.title);
    CHECK(strip_site_suffix(c.title, c.site, c.url) == c.expected);
  }
}

TEST_CASE("read_json_ld finds the article in every common shape", "[html]") {
  struct Case {
    const char* name;
    std::vector<std::string> scripts;
    const char *headline, *author, *publisher, *published;
  };
  const Case cases[] = {
      {"plain object", {R"({"@type":"NewsArticle","headline":"H","author":{"name":"A B"},"publisher":{"name":"P"},"datePublished":"2020-01-02"})"},
       "H", "A B", "P", "2020-01-02"},
      {"array of objects", {R"([{"@type":"WebSite","name":"Site"},{"@type":"Article","headline":"H2","author":"C D"}])"},
       "H2", "C D", "Site", ""},
      {"@graph with references", {R"({"@graph":[{"@type":"Organization","@id":"#o","name":"Org"},{"@type":"Person","@id":"#p","name":"E F"},{"@type":["BlogPosting"],"headline":"H3","author":{"@id":"#p"},"publisher":{"@id":"#o"}}]})"},
       "H3", "E F", "Org", ""},
      {"author list", {R"({"@type":"ReportageNewsArticle","headline":"H4","author":[{"name":"G"},{"name":"H"},"I"]})"},
       "H4", "G, H, I", "", ""},
      {"invalid JSON then valid", {"{not json", "<!--\n{\"@type\":\"NewsArticle\",\"headline\":\"line\nbreak\"}\n-->"},
       "line break", "", "", ""},
      {"no article", {R"({"@type":"BreadcrumbList","itemListElement":[]})"}, "", "", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto article = read_json_ld(c.scripts);
    CHECK(article.headline == c.headline);
    CHECK(article.author == c.author);
    CHECK(article.publisher == c.publisher);
    CHECK(article.published == c.published);
  }
}

TEST_CASE("read_metadata falls back through meta tags, <time>, bylines and visible dates", "[html]") {
  struct Case {
    const char *name, *html;
    const char *title, *published, *author;  // expected
  };
  const Case cases[] = {
      {"parsely date and author", R"(<head><meta name="parsely-pub-date" content="2019-05-06T10:00:00Z"><meta name="parsely-author" content="Kim Lee"><title>T1 | Site</title></head>)",
       "T1", "2019-05-06T10:00:00+00:00", "Kim Lee"},
      {"sailthru date", R"(<head><meta name="sailthru.date" content="2018-02-03 09:30:00"></head><body><h1>Heading one</h1></body>)",
       "Heading one", "2018-02-03T09:30:00", ""},
      {"time element and byline", R"(<body><h1>T3</h1><time datetime="2017-07-08">8 July</time><p class="byline">By Ana Ruiz</p></body>)",
       "T3", "2017-07-08", "Ana Ruiz"},
      {"visible date only", R"(<body><h1>T4</h1><div class="post-date">March 3, 2016</div></body>)", "T4", "2016-03-03", ""},
      {"itemprop with two names", R"(<head><meta itemprop="datePublished dateCreated" content="2015-01-02"><meta name="author" content="By JO SMITH"></head>)",
       "", "2015-01-02", "JO SMITH"},
      {"og:title beats h1 and title", R"(<head><meta property="og:title" content="OG"><title>Title</title></head><body><h1>H1</h1></body>)",
       "OG", "", ""},
      {"author in a comment form is not the author", R"(<body><h1>T7</h1><div id="comments"><span class="comment-author">Troll</span></div></body>)",
       "T7", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    Document document(c.html);
    auto metadata = read_metadata(document);
    CHECK(metadata.title == c.title);
    CHECK(metadata.published == c.published);
    CHECK(metadata.author == c.author);
  }
}
