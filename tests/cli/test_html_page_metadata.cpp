// Titles, bylines, dates and boilerplate of saved HTML pages through the real indexer's --dump, on
// layouts whose markup hides them (issue 18): the site's name in an <h1> and in the <title>, the
// headline an <h2>, "Posted on DATE by A" in a plain element, a feature whose only title is a styled
// <div>, pull quotes, captions, the writer's biography and an "About ORG" section.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support.hpp"

using namespace newsdex::test;

namespace {

nlohmann::json dump_page(const TempDir& dir, const std::string& name, const std::string& html) {
  const auto page = dir.path() / name;
  write_file(page, html);
  auto result = run_command(shell_quote(index_bin()) + " --dump --entities none " + shell_quote(page.string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

std::string body_of(const nlohmann::json& article) {
  std::string body;
  for (const auto& paragraph : article["paragraphs"]) body += paragraph.get<std::string>() + "\n";
  return body;
}

const char* const paragraphs =
    "<p>Pellby council voted on Tuesday to reopen the old mill as a museum, ending a dispute over the building "
    "that had lasted ten years and divided the river towns.</p>"
    "<p>The mill closed in 1970. \"It is the oldest working building in the valley, and people should see it,\" "
    "said the council leader, Ada Morrow, after the vote.</p>"
    "<p>The council bought the mill last year from the last owner's family and expects the first visitors in the "
    "spring, once the roof and the wheel have been repaired.</p>";

}  // namespace

TEST_CASE("a blog page: the post's h2 under the blog's h1, and the byline in a plain element", "[cli][html]") {
  TempDir dir("html-metadata");
  auto article = dump_page(
      dir, "post.html",
      std::string("<html><head><title>Council votes to reopen the old mill \xE2\x80\x93 Mill Notes</title></head><body>"
                  "<header><h1 class=site-title>Mill Notes</h1></header><article>"
                  "<h2 class=entry-title>Council votes to reopen the old mill</h2>"
                  "<div class=entry-meta>Posted on <time datetime=2024-06-07>June 7, 2024</time> by "
                  "<a href=/u/orla>Orla Finch</a></div><div class=entry-content>") +
          paragraphs +
          "<figure><img src=a.jpg><figcaption>The mill at dusk. Photo: Ina Holm</figcaption></figure>"
          "</div><footer>Tags: mills, council</footer></article></body></html>");
  CHECK(article["title"] == "Council votes to reopen the old mill");
  CHECK(article["title_source"] == "heading matching <title>");
  CHECK(article["author"] == "Orla Finch");
  CHECK(article["published"].get<std::string>().substr(0, 10) == "2024-06-07");
  auto body = body_of(article);
  CHECK(body.find("Posted on") == std::string::npos);
  CHECK(body.find("Photo: Ina Holm") == std::string::npos);
  CHECK(body.find("Ada Morrow") != std::string::npos);
}

TEST_CASE("a feature whose only title is a styled div, with a pull quote and the writer's biography", "[cli][html]") {
  TempDir dir("html-feature");
  auto article = dump_page(
      dir, "feature.html",
      std::string("<html><head><title>Longhaul</title><meta property=og:site_name content=Longhaul></head><body>"
                  "<div class=hero><div class=kicker>CULTURE</div>"
                  "<div class=hero__heading>The mill that the river towns would not let go</div>"
                  "<p>Words by Orla Finch</p><p>19 February 2024 \xC2\xB7 9 min read</p></div><div class=text>") +
          paragraphs +
          "<blockquote class=pullquote><p>\xE2\x80\x9CIt is the oldest working building in the valley, and people "
          "should see it\xE2\x80\x9D</p></blockquote>"
          "<p>Orla Finch is a writer based in Pellby.</p></div></body></html>");
  CHECK(article["title"] == "The mill that the river towns would not let go");
  CHECK(article["title_source"] == "headline evidence");
  CHECK(article["author"] == "Orla Finch");
  CHECK(article["published"] == "2024-02-19");
  auto body = body_of(article);
  CHECK(body.find("writer based in") == std::string::npos);
  CHECK(body.find("\xE2\x80\x9CIt is the oldest") == std::string::npos);
  CHECK(body.find("\"It is the oldest working building") != std::string::npos);  // the sentence itself stays
}

TEST_CASE("a press release keeps its og:title and leaves its About section and media contact out", "[cli][html]") {
  TempDir dir("html-release");
  auto article = dump_page(
      dir, "release.html",
      std::string("<html><head><title>Mill Trust wins grant | Release Desk</title>"
                  "<meta property=og:title content=\"Mill Trust wins grant to reopen Pellby mill\"></head><body>"
                  "<main><h1>Mill Trust wins grant to reopen Pellby mill</h1><div class=release-body>") +
          paragraphs +
          "<h3>About Pellby Mill Trust</h3><p>Pellby Mill Trust is a charity that looks after the river towns' "
          "industrial buildings.</p><h3>Media contact</h3><p>Orla Finch<br>press@mill.example</p>"
          "</div></main></body></html>");
  CHECK(article["title"] == "Mill Trust wins grant to reopen Pellby mill");
  CHECK(article["title_source"] == "og:title");
  auto body = body_of(article);
  CHECK(body.find("is a charity") == std::string::npos);
  CHECK(body.find("press@mill.example") == std::string::npos);
  CHECK(body.find("expects the first visitors") != std::string::npos);
}
