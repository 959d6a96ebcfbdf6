// A large JSON Lines export read a segment at a time gives exactly what reading it whole gives: the
// same articles in the same order, the same positions, the same messages on the same lines, and the
// same content hash; anything unusual about the file makes it decline, so that it is read whole.
#include <catch2/catch.hpp>

#include <string>

#include "common/base/hashing.hpp"
#include "common/readers/reader.hpp"
#include "common/store/document.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using namespace newsdex::test;

namespace {

// About 600 lines (some 80 KB) with every kind of line a reader treats apart, spread over segments.
std::string export_with_everything() {
  std::string text;
  for (int i = 0; i < 600; ++i) {
    auto n = std::to_string(i);
    if (i == 3 || i == 333) {
      text += "{\"title\": \"broken " + n + "\", \"body\": \n";  // malformed
    } else if (i == 100) {
      text += "{\"title\": \"Title only " + n + "\"}\n";  // no body
    } else if (i == 150 || i == 151) {
      text += "   \n";  // blank
    } else if (i == 200) {
      text += "{\"title\": \"Huge " + n + "\", \"body\": \"" + std::string(2000, 'x') + "\"}\n";  // over the limit
    } else if (i == 250) {
      text += "{\"title\": \"Overflow\", \"body\": \"Number\", \"n\": 1e999}\n";  // unreadable number
    } else if (i == 400) {
      text += "[1, 2, 3]\n";  // not an object
    } else if (i == 500 || i == 501) {  // the url of line 2: another article, then a copy of line 2
      text += "{\"title\": \"Harbour report 1\", \"url\": \"https://news.example/1\", \"date\": \"2024-11-22\", "
              "\"body\": \"Dock workers in Zoë's port " + std::string(i == 500 ? "500" : "1") +
              " unloaded grain.\\n\\nThe strike ended.\"}\n";
    } else {
      text += "{\"title\": \"Harbour report " + n + "\", " + (i % 3 ? "\"url\": \"https://news.example/" + n + "\", " : "") +
              "\"date\": \"" + (i % 50 == 7 ? std::string("not a date") : "2024-11-22") +
              "\", \"body\": \"Dock workers in Zoë's port " + n + " unloaded grain.\\n\\nThe strike ended.\"}" +
              (i % 7 == 0 ? "\r\n" : "\n");
    }
  }
  return text;
}

std::string described(const ReadResult& result) {
  std::string out;
  for (const auto& article : result.articles) {
    auto json = article_to_json(article);
    json["warnings"] = article.warnings;
    out += json.dump() + "\n";
  }
  for (const auto& problem : result.problems)
    out += problem.path + ":" + std::to_string(problem.line) + ": " + problem.message + (problem.skipped ? " S" : "") +
           (problem.failed ? " F" : "") + "\n";
  return out;
}

}  // namespace

TEST_CASE("a JSON Lines export read a segment at a time reads as it does whole", "[readers][json]") {
  TempDir dir("segments");
  auto path = dir.path() / "export.jsonl";
  auto text = export_with_everything();
  write_file(path, text);
  ReadOptions options;
  options.max_file_bytes = 1500;
  auto whole = read_file_bytes(text, path, options);
  REQUIRE(whole.articles.size() > 500);
  REQUIRE(whole.problems.size() > 5);
  for (std::size_t segment : {300u, 1000u, 2500u, 4096u, 1u << 20}) {
    for (unsigned threads : {1u, 3u}) {
      INFO("segment " << segment << " bytes, " << threads << " threads");
      options.segment_bytes = segment;
      options.threads = threads;
      auto read = read_json_lines_in_segments(path, options);
      if (segment < 2100) {  // the 2,000-byte line is longer than a segment: read whole instead
        CHECK_FALSE(read);
        continue;
      }
      REQUIRE(read);
      CHECK(read->hash == content_hash(text));
      CHECK(described(read->result) == described(whole));
    }
  }
}

TEST_CASE("reading in segments declines what only a whole-file read can make sense of", "[readers][json]") {
  TempDir dir("segments-decline");
  ReadOptions options;
  options.segment_bytes = 64;
  std::string line = "{\"title\": \"Harbour\", \"body\": \"Dock workers unloaded grain.\"}\n";
  auto declines = [&](const std::string& name, const std::string& bytes) {
    auto path = dir.path() / name;
    write_file(path, bytes);
    return !read_json_lines_in_segments(path, options).has_value();
  };
  CHECK(declines("bom.jsonl", "\xEF\xBB\xBF" + line + line));
  CHECK(declines("latin1.jsonl", line + "{\"title\": \"Caf\xE9\", \"body\": \"x\"}\n" + line));
  CHECK(declines("array.jsonl", "[\n" + line.substr(0, line.size() - 1) + ",\n" + line + "]\n"));
  CHECK(declines("blank.jsonl", std::string(200, ' ') + "\n\n"));
  CHECK(declines("export.json", line + line));  // not named as JSON Lines
  options.format = InputFormat::text;
  CHECK(declines("forced.jsonl", line + line));
  options.format = InputFormat::automatic;
  CHECK_FALSE(declines("plain.jsonl", line + line + line));
  auto missing = read_json_lines_in_segments(dir.path() / "missing.jsonl", options);
  CHECK_FALSE(missing);
}
