// Reading a file into articles: picks the reader by --format, extension and content sniffing.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/article.hpp"

namespace newsdex {

enum class InputFormat { automatic, text, html, json };

// Parses "auto", "text", "html", "json" (also "jsonl"); throws UsageError otherwise.
InputFormat parse_input_format(std::string_view name);

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

// True for JSON Lines exports (.jsonl, .ndjson): they hold many articles, so the size limit applies
// to each line (article), not to the file.
bool is_json_lines_name(const std::string& path);

// Reads one file. Never throws for bad content: problems are returned with the path and line.
ReadResult read_articles(const std::filesystem::path& path, const ReadOptions& options);

// The same for a file whose bytes the caller has already read (the indexer hashes them): the
// file's modification time still serves --date-from-mtime.
ReadResult read_file_bytes(std::string bytes, const std::filesystem::path& path, const ReadOptions& options);

// The same from bytes already in memory (tests and fuzzing); `path` names the source in messages.
ReadResult read_articles_from_bytes(std::string_view bytes, const std::string& path, const ReadOptions& options);

struct HashedRead {
  ReadResult result;
  std::string hash;  // content_hash() of the file's bytes
};

// A JSON Lines export read a segment of about `options.segment_bytes` at a time, hashing its bytes
// as they come: the file's text and its articles are never all in memory together (a 1.79 GB
// export's text was as large again as its articles). The same articles, positions and messages as
// read_file_bytes() on the whole file. Empty when the file is not plain UTF-8 JSON Lines (a
// byte-order mark, another encoding, invalid UTF-8, a line longer than a segment, one JSON document
// over many lines) or cannot be opened: read the file whole then.
std::optional<HashedRead> read_json_lines_in_segments(const std::filesystem::path& path, const ReadOptions& options);

}  // namespace newsdex
