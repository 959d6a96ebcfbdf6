// What every reader shares: what it is asked to do (ReadOptions) and what it gives back (ReadResult:
// the articles and the problems met). reader.hpp reads a file with them; each format's reader
// (text_page, html_page, json_export) fills a ReadResult.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/article.hpp"
#include "common/readers/formats.hpp"

namespace newsdex {

// JSON field names tried in order for each article field (the first present, non-empty one wins). A
// name may be a dotted path into nested objects ("meta.headline"). docs/readers.md lists the defaults.
struct JsonFieldNames {
  std::vector<std::string> title{"title", "headline", "name"};
  std::vector<std::string> date{"date",           "published", "published_at", "publishedAt", "datePublished",
                                "date_published", "pubdate",   "pubDate",      "created_at",  "timestamp"};
  std::vector<std::string> body{"body", "text", "content", "articleBody", "article", "full_text", "paragraphs"};
  std::vector<std::string> lede{"lede", "summary", "description", "standfirst", "abstract", "excerpt"};
  std::vector<std::string> url{"url", "link", "canonical_url", "permalink"};
  std::vector<std::string> author{"author", "authors", "byline", "creator"};
  std::vector<std::string> source{"source", "site", "publisher", "source_name", "outlet"};
};

// Applies one "--json-field" mapping, "FIELD=NAME[,NAME...]" (FIELD: title, date, body, lede, url,
// author, source): the names given are tried first, then the defaults. Throws UsageError on bad input.
void apply_json_field_mapping(std::string_view mapping, JsonFieldNames& fields);

struct ReadOptions {
  InputFormat format = InputFormat::automatic;
  std::size_t max_file_bytes = 10 * 1024 * 1024;
  JsonFieldNames json_fields;
  bool date_from_mtime = false;  // only when asked: a file's mtime is not a publication date
  unsigned threads = 1;          // threads reading the lines of one large JSON Lines export
  // A JSON Lines export larger than this is read this many bytes at a time (0: always whole).
  std::size_t segment_bytes = 8 * 1024 * 1024;
};

// A problem found while reading. `skipped` says the article (or the whole file) was not read.
struct ReadProblem {
  std::string path;
  std::size_t line = 0;  // 1-based; 0 when it concerns the whole file
  std::string message;
  bool skipped = false;
  bool failed = false;  // data was there but could not be read: the run's exit code says so (partial)
};

struct ReadResult {
  std::vector<Article> articles;
  std::vector<ReadProblem> problems;
};

}  // namespace newsdex
