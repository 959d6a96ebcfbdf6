// Bad input: encodings, binary, empty and oversized files, title-only pages, format choice, dates.
#include <catch2/catch.hpp>

#include "common/base/errors.hpp"
#include "common/readers/reader.hpp"
#include "tests/support.hpp"

using namespace newsdex;

namespace {

const std::string body_text =
    "The regional parliament passed the water bill on Thursday after a debate that lasted most of the night.\n\n"
    "Opposition members said the bill gave too much power to the regulator and promised to challenge it.\n";

bool has_problem(const ReadResult& result, std::string_view text, bool skipped) {
  for (const auto& problem : result.problems)
    if (problem.message.find(text) != std::string::npos && problem.skipped == skipped) return true;
  return false;
}

std::string utf16(std::string_view ascii, bool little_endian, bool bom) {
  std::string out = bom ? (little_endian ? "\xFF\xFE" : "\xFE\xFF") : "";
  for (char c : ascii) {
    out += little_endian ? c : '\0';
    out += little_endian ? '\0' : c;
  }
  return out;
}

}  // namespace

TEST_CASE("invalid UTF-8 is repaired and Latin-1 / Windows-1252 converted, each with a warning", "[readers][input]") {
  struct Case {
    std::string path, head, problem, lede;
  };
  const Case cases[] = {
      {"bad.txt",
       "Caf\xC3\xA9 owners protest new rules\n\nCaf\xC3\xA9 and caf\xC3\xA9 owners say a bad byte \xC3\x28 "
       "does not stop the news from being read by everyone in the town today.\n\n",
       "invalid UTF-8: 1 bad byte(s) replaced",
       "Caf\xC3\xA9 and caf\xC3\xA9 owners say a bad byte \xEF\xBF\xBD( does not stop the news from being read by "
       "everyone in the town today."},
      {"latin1.txt",
       "Caf\xE9 owners protest new rules\n\n\x93We will not close,\x94 said the owner of the caf\xE9 "
       "on the square \x96 one of many.\n\n",
       "read as Windows-1252",
       "\xE2\x80\x9CWe will not close,\xE2\x80\x9D said the owner of the caf\xC3\xA9 on the "
       "square \xE2\x80\x93 one of many."},
  };
  for (const auto& c : cases) {
    INFO(c.path);
    auto result = read_articles_from_bytes(c.head + body_text, c.path, ReadOptions{});
    REQUIRE(result.articles.size() == 1);
    CHECK(has_problem(result, c.problem, false));
    CHECK(result.articles[0].title == "Caf\xC3\xA9 owners protest new rules");
    CHECK(result.articles[0].lede == c.lede);
  }
}

TEST_CASE("UTF-16 with a BOM (either byte order) and without one is converted", "[readers][input]") {
  std::string text = "Water bill passes after long night\n\n" + body_text;
  for (auto [little_endian, bom] : {std::pair{true, true}, std::pair{false, true}, std::pair{true, false}}) {
    INFO("little endian " << little_endian << ", BOM " << bom);
    auto result = read_articles_from_bytes(utf16(text, little_endian, bom), "wide.txt", ReadOptions{});
    REQUIRE(result.articles.size() == 1);
    CHECK(result.articles[0].title == "Water bill passes after long night");
    CHECK(result.articles[0].paragraphs.size() == 1);
  }
}

TEST_CASE("binary files are skipped with a message naming what they are", "[readers][input]") {
  struct Case {
    std::string bytes, kind;
  };
  const Case cases[] = {
      {std::string("Title\0\0\x01\x02 body", 15), "binary"},
      {"\x1F\x8B\x08\x00 gzip data here", "gzip"},
      {"%PDF-1.7 rest of a pdf", "PDF"},
      {"\x89PNG\r\n\x1A\n....", "PNG"},
  };
  for (const auto& c : cases) {
    INFO(c.kind);
    auto result = read_articles_from_bytes(c.bytes, "file.txt", ReadOptions{});
    CHECK(result.articles.empty());
    CHECK(has_problem(result, "skipped: not a text file (" + c.kind + ")", true));
  }
}

TEST_CASE("empty and title-only articles are reported and skipped", "[readers][input]") {
  struct Case {
    std::string bytes, path, message;
  };
  const Case cases[] = {
      {"", "empty.txt", "skipped: empty file"},
      {" \n\t\n", "blank.txt", "skipped: empty file"},
      {"Just a headline on its own\n", "title.txt", "title only"},
      {"{\"title\": \"Only a title\"}", "one.json", "title only"},
      {"{\"title\": \"Ad only\", \"body\": \"- Advertisement -\"}", "ad.json", "nothing of the body is left"},
      {"{}", "nothing.json", "no title and no body"},
  };
  for (const auto& c : cases) {
    INFO(c.path);
    auto result = read_articles_from_bytes(c.bytes, c.path, ReadOptions{});
    CHECK(result.articles.empty());
    CHECK(has_problem(result, c.message, true));
  }
}

TEST_CASE("files over the size limit are skipped with a message", "[readers][input]") {
  ReadOptions options;
  options.max_file_bytes = 64;
  std::string text = "Water bill passes after long night\n\n" + body_text;
  auto in_memory = read_articles_from_bytes(text, "big.txt", options);
  CHECK(in_memory.articles.empty());
  CHECK(has_problem(in_memory, "over the size limit of 64 bytes", true));

  test::TempDir dir("readers-size");
  test::write_file(dir.path() / "big.txt", text);
  auto on_disk = read_articles(dir.path() / "big.txt", options);
  CHECK(on_disk.articles.empty());
  REQUIRE(on_disk.problems.size() == 1);
  CHECK(on_disk.problems[0].path == (dir.path() / "big.txt").string());
  CHECK(on_disk.problems[0].skipped);
  CHECK(read_articles(dir.path() / "big.txt", ReadOptions{}).articles.size() == 1);
}

TEST_CASE("missing files and folders are reported, not thrown", "[readers][input]") {
  test::TempDir dir("readers-missing");
  auto missing = read_articles(dir.path() / "nope.txt", ReadOptions{});
  CHECK(missing.articles.empty());
  CHECK(has_problem(missing, "cannot read", true));
  auto folder = read_articles(dir.path(), ReadOptions{});
  CHECK(has_problem(folder, "not a regular file", true));
}

TEST_CASE("a missing date is a warning and the file time is used only when asked", "[readers][input]") {
  test::TempDir dir("readers-mtime");
  test::write_file(dir.path() / "undated.txt", "Water bill passes after long night\n\n" + body_text);
  auto plain = read_articles(dir.path() / "undated.txt", ReadOptions{});
  REQUIRE(plain.articles.size() == 1);
  CHECK(plain.articles[0].published.empty());
  CHECK(plain.articles[0].warnings == std::vector<std::string>{"no publication date found: recorded as missing"});

  ReadOptions options;
  options.date_from_mtime = true;
  auto dated = read_articles(dir.path() / "undated.txt", options);
  REQUIRE(dated.articles.size() == 1);
  CHECK(dated.articles[0].published.size() == 25);  // 2024-11-22T09:30:00+00:00
  CHECK(dated.articles[0].warnings.at(0).find("modification time") != std::string::npos);
}

TEST_CASE("a month-only date is kept at month precision with a warning", "[readers][input]") {
  auto result = read_articles_from_bytes("November 2024\n\nWater bill passes after long night\n\n" + body_text,
                                         "month.txt", ReadOptions{});
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].published == "2024-11");
  CHECK(result.articles[0].warnings == std::vector<std::string>{"publication date has no day: stored as 2024-11"});
}

TEST_CASE("the format follows --format, then the extension, then the content", "[readers][input]") {
  const std::string json =
      R"({"title": "Water bill passes", "body": "The regional parliament passed the water bill on Thursday."})";
  struct Case {
    std::string path;
    InputFormat format;
    std::string expected_title;
  };
  const Case cases[] = {
      {"export.json", InputFormat::automatic, "Water bill passes"},
      {"export.dat", InputFormat::automatic, "Water bill passes"},  // sniffed from the leading '{'
      {"export", InputFormat::json, "Water bill passes"},
      {"export.json", InputFormat::text, ""},  // read as text: the JSON line is no title
  };
  for (const auto& c : cases) {
    INFO(c.path);
    ReadOptions options;
    options.format = c.format;
    auto result = read_articles_from_bytes(json, c.path, options);
    if (c.expected_title.empty()) {
      for (const auto& article : result.articles) CHECK(article.title != "Water bill passes");
    } else {
      REQUIRE(result.articles.size() == 1);
      CHECK(result.articles[0].title == c.expected_title);
    }
  }
  CHECK(parse_input_format("jsonl") == InputFormat::json);
  CHECK(parse_input_format("text") == InputFormat::text);
  CHECK_THROWS_AS(parse_input_format("pdf"), UsageError);
}

TEST_CASE("text pages read Author, Source, URL and By lines near the top", "[readers][input]") {
  auto result = read_articles_from_bytes(
      "Water bill passes after long night\nBy Jane Doe\nSource: Example Post\nhttps://example.org/water-bill\n\n" +
          body_text,
      "meta.txt", ReadOptions{});
  REQUIRE(result.articles.size() == 1);
  const auto& article = result.articles[0];
  CHECK(article.title == "Water bill passes after long night");
  CHECK(article.author == "Jane Doe");
  CHECK(article.source == "Example Post");
  CHECK(article.url == "https://example.org/water-bill");
}

TEST_CASE("a mail-style header block is metadata and wrapped lines are joined", "[readers][input]") {
  auto result = read_articles_from_bytes(
      "From: reader@example.org (Pat Reader)\nSubject: Re: Night buses\nOrganization: Example Freenet\nLines: 6\n\n"
      "I rode the new night bus twice this week and both times it was on time, which is more than\n"
      "I can say for the day service. The drivers were friendly and the stops were well lit, and I\n"
      "hope the council keeps the routes after the trial ends in the autumn.\n\n"
      "Has anyone tried the route to the hospital yet? I would like to know how busy it gets after\n"
      "midnight on a Saturday, because my shift ends at two in the morning.\n",
      "post", ReadOptions{});
  REQUIRE(result.articles.size() == 1);
  const auto& article = result.articles[0];
  CHECK(article.title == "Re: Night buses");
  CHECK(article.author == "reader@example.org (Pat Reader)");
  CHECK(
      article.lede.starts_with("I rode the new night bus twice this week and both times it was on time, which is more "
                               "than I can say"));
  REQUIRE(article.paragraphs.size() == 1);
  CHECK(article.paragraphs[0].ends_with("because my shift ends at two in the morning."));
}
