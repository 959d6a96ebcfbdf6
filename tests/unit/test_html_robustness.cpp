// The HTML reader on hostile input: malformed markup, absurd nesting, huge pages, no body, bad bytes.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "common/readers/html_page.hpp"

using namespace newsdex;

namespace {

const std::string sentence =
    "The committee met on Tuesday, and after a long debate it agreed to publish the report in full next month. ";

Article read_page(const std::string& html) {
  auto result = read_html_page(html, "page.html");
  REQUIRE(result.articles.size() == 1);
  return result.articles.front();
}

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

bool body_contains(const Article& article, const std::string& text) {
  for (const auto& paragraph : article.paragraphs)
    if (paragraph.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("HTML: pages nested 10,000 levels deep are read without recursion", "[html]") {
  struct Case {
    const char* open;
    const char* close;
  };
  const Case cases[] = {{"<div>", "</div>"}, {"<span>", "</span>"}, {"<b>", "</b>"},
                        {"<blockquote>", "</blockquote>"}, {"<ul><li>", "</li></ul>"}, {"<table><tr><td>", ""},
                        {"<div class=\"content\"><p>", ""}};
  for (const auto& c : cases) {
    INFO(c.open);
    auto html = "<html><body>" + repeat(c.open, 10000) + "<p>" + sentence + sentence + "</p>" + repeat(c.close, 10000) +
                "</body></html>";
    auto start = std::chrono::steady_clock::now();
    auto article = read_page(html);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(body_contains(article, "The committee met on Tuesday"));
    CHECK(seconds < 20.0);
  }
}

TEST_CASE("HTML: malformed markup still gives the text", "[html]") {
  const char* pages[] = {
      "<html><body><p>Unclosed <b>bold <i>italic</p><div>",  // unclosed everything
      "<p>Stray end tags</span></table></td></div>",
      "<body><body><p>Two bodies<html><head><title>late</title>",
      "<p attr=no-quotes<p class=>x</p></p></p>",
      "<!-- comment never closed <p>",
      "<![CDATA[ x ]]><p>&#0; &#xFFFFFFFF; &bogus; &amp</p>",
  };
  for (const char* start : pages) {
    INFO(start);
    auto article = read_page(std::string(start) + "<p>" + sentence + sentence + "</p>");
    if (std::string(start).find("<!--") == std::string::npos) CHECK(body_contains(article, "The committee met"));
  }
}

TEST_CASE("HTML: pages without an article report no body", "[html]") {
  const char* pages[] = {
      "",
      "<html></html>",
      "<html><head><title>Only a title</title></head><body></body></html>",
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
      "<ul><li><a href=\"/a\">One story</a></li><li><a href=\"/b\">Another story</a></li></ul></body></html>",
      "<html><body><script>var text = 'a long script string that is not visible, with commas, and more words';</script>"
      "<style>p { color: red; }</style><template><p>Never shown, even though it is a long paragraph.</p></template>"
      "</body></html>",
  };
  for (const char* page : pages) {
    INFO(page);
    auto article = read_page(page);
    CHECK(article.paragraphs.empty());
  }
}

TEST_CASE("HTML: scripts, styles, noscript, templates and hidden elements are not text", "[html]") {
  auto article = read_page("<html><body><article><p>" + sentence + "</p><script>var secret = 'SCRIPTTEXT';</script>" +
                           "<noscript>NOSCRIPTTEXT</noscript><template><p>TEMPLATETEXT</p></template>" +
                           "<style>.x{}</style><p hidden>HIDDENTEXT</p><p style=\"display: none\">INVISIBLE</p>" +
                           "<p>Fish &amp; chips &eacute;t&eacute; &#8364;5&nbsp;each. " + sentence + "</p></article></body></html>");
  for (const char* hidden : {"SCRIPTTEXT", "NOSCRIPTTEXT", "TEMPLATETEXT", "HIDDENTEXT", "INVISIBLE", ".x{}"}) {
    INFO(hidden);
    CHECK_FALSE(body_contains(article, hidden));
  }
  CHECK(body_contains(article, "Fish & chips \xC3\xA9t\xC3\xA9 \xE2\x82\xAC" "5 each."));
}

TEST_CASE("HTML: invalid UTF-8 and NUL bytes do not crash the reader", "[html]") {
  std::string html = "<html><body><p>Caf\xE9 \xFF\xFE broken " + sentence + "</p><p>A" + std::string(1, '\0') +
                     "B " + sentence + "</p></body></html>";
  auto article = read_page(html);
  CHECK(body_contains(article, "broken"));
}

TEST_CASE("HTML: a huge page is read in reasonable time", "[html]") {
  auto html = "<html><body><nav>" + repeat("<a href=\"/x\">link</a> ", 5000) + "</nav><article>" +
              repeat("<p>" + sentence + sentence + "</p>\n", 8000) + "</article><div>" + repeat("x", 1 << 20) +
              "</div></body></html>";
  auto start = std::chrono::steady_clock::now();
  auto article = read_page(html);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(article.paragraphs.size() >= 7000);
  CHECK(seconds < 30.0);
}

TEST_CASE("HTML: JSON-LD articleBody is the body when the markup shows none of it", "[html]") {
  auto body = repeat(sentence, 3) + "\\n" + repeat("The minister declined to comment on the figures, saying the review was not finished. ", 3);
  auto html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\","
              "\"articleBody\":\"" + body + "\"}</script></head><body><div id=\"app\"></div>"
              "<nav><a href=\"/\">Home</a></nav></body></html>";
  auto article = read_page(html);
  REQUIRE(article.paragraphs.size() == 2);
  CHECK(article.paragraphs[0].find("The committee met") == 0);
  CHECK(article.paragraphs[1].find("The minister declined") == 0);
}

TEST_CASE("HTML: nesting past the depth limit is flattened with a warning, its text kept", "[html]") {
  auto inner = "<p>" + sentence + sentence + "</p>";
  for (const int depth : {2000, 20000, 200000}) {
    INFO(depth << " levels");
    auto html = "<html><body>" + inner + repeat("<div>", depth) + "<p>Deep inside: " + sentence + "</p>" +
                repeat("</div>", depth) + "<p>After it all: " + sentence + "</p></body></html>";
    auto start = std::chrono::steady_clock::now();
    auto article = read_page(html);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 5.0);
    CHECK(body_contains(article, "The committee met"));
    CHECK(body_contains(article, "Deep inside"));
    CHECK(body_contains(article, "After it all"));
    REQUIRE(article.warnings.size() == 1);
    CHECK_THAT(article.warnings.front(), Catch::Contains("levels deep"));
  }
  // Scripts and styles do not count: their end tags closed elements that were never opened.
  auto scripts = "<html><body>" + repeat("<div><script>x()</script>", 900) + "<p>" + sentence + "</p></body></html>";
  CHECK(read_page(scripts).warnings.empty());
  // A long page of unclosed paragraphs and list items is not deep.
  auto flat = "<html><body>" + repeat("<p>" + sentence + "<li>item", 30000) + "</body></html>";
  CHECK(read_page(flat).warnings.empty());
}
