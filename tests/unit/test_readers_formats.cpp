// The one table of formats (common/readers/formats.hpp): what a name says, what the folder walk keeps
// and what the reader picks agree, extension by extension.
#include <catch2/catch.hpp>

#include "common/readers/formats.hpp"

using namespace newsdex;

TEST_CASE("each file name has one format, and the walk keeps every name the reader knows", "[readers][formats]") {
  struct Case {
    const char* path;
    InputFormat format;  // automatic: the name says nothing, the content decides
    bool article_file;   // kept inside folders
    bool json_lines;
  };
  const Case cases[] = {
      {"a.html", InputFormat::html, true, false},
      {"a.htm", InputFormat::html, true, false},
      {"a.xhtml", InputFormat::html, true, false},
      {"a.shtml", InputFormat::html, true, false},  // once passed over by the walk, read by the reader
      {"dir/A.SHTML", InputFormat::html, true, false},
      {"a.json", InputFormat::json, true, false},
      {"a.jsonl", InputFormat::json, true, true},
      {"a.ndjson", InputFormat::json, true, true},
      {"A.NDJSON", InputFormat::json, true, true},
      {"a.txt", InputFormat::text, true, false},
      {"a.Text", InputFormat::text, true, false},
      {"dir.d/story", InputFormat::automatic, true, false},  // no extension: scrapers write those
      {"a.pdf", InputFormat::automatic, false, false},
      {"a.dat", InputFormat::automatic, false, false},
      {"a.", InputFormat::automatic, false, false},
      {"a.html.gz", InputFormat::automatic, false, false},
  };
  for (const auto& c : cases) {
    INFO(c.path);
    CHECK(format_of_name(c.path) == c.format);
    CHECK(is_article_file_name(c.path) == c.article_file);
    CHECK(is_json_lines_name(c.path) == c.json_lines);
  }
}

TEST_CASE("sniff_format: an HTML opening, then the name, then the content", "[readers][formats]") {
  struct Case {
    const char* text;
    const char* path;
    InputFormat format;
  };
  const Case cases[] = {
      {"<!DOCTYPE html><html><p>x</p></html>", "page.txt", InputFormat::html},  // opens as HTML
      {"  <HTML><body>x</body></HTML>", "page.json", InputFormat::html},
      {"{\"title\": \"x\"}", "page.shtml", InputFormat::html},  // the name decides
      {"<div>x</div>", "page.txt", InputFormat::text},
      {"{\"title\": \"x\"}", "page.txt", InputFormat::text},
      {"Title line\n\nBody.", "page.json", InputFormat::json},
      {"{\"title\": \"x\"}", "page.dat", InputFormat::json},  // sniffed
      {"[{\"title\": \"x\"}]", "page", InputFormat::json},
      {"<article><p>x</p></article>", "page", InputFormat::html},
      {"<note>x</note>", "page", InputFormat::text},
      {"Plain words", "page", InputFormat::text},
      {"   ", "page", InputFormat::text},
  };
  for (const auto& c : cases) {
    INFO(c.path << ": " << c.text);
    CHECK(sniff_format(c.text, c.path) == c.format);
  }
}
