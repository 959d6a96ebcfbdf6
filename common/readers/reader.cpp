#include "common/readers/reader.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>

#include "common/base/dates.hpp"
#include "common/base/hashing.hpp"
#include "common/base/text.hpp"
#include "common/readers/byte_decoding.hpp"
#include "common/readers/html_page.hpp"
#include "common/readers/json_export.hpp"
#include "common/readers/text_page.hpp"

namespace newsdex {
namespace {

std::string size_limit_message(std::size_t size, std::size_t limit) {
  return "skipped: " + std::to_string(size) + " bytes is over the size limit of " + std::to_string(limit) +
         " bytes (see --max-file-size)";
}

// Blanks the lines of a JSON Lines export that are over the size limit (keeping line numbers),
// each reported as a skipped article. `text` starts at line `first_line` + 1 of the file.
std::string drop_oversized_lines(std::string text, const std::string& path, std::size_t limit,
                                 std::vector<ReadProblem>& problems, std::size_t first_line = 0) {
  std::size_t start = 0, line = first_line + 1;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end - start > limit) {
      problems.push_back({path, line, size_limit_message(end - start, limit) + " (one article)", true});
      text.erase(start, end - start);
      end = start;
    }
    start = end + 1;
    ++line;
  }
  return text;
}

// What a file's articles come to: those without a body are reported as skipped, a missing or
// partial date gets a warning (or the file's time, when asked for).
void keep_readable(ReadResult&& read, const std::string& path, bool json, const std::optional<std::string>& fallback_date,
                   ReadResult& result) {
  result.problems.insert(result.problems.end(), read.problems.begin(), read.problems.end());
  for (auto& article : read.articles) {
    if (article.paragraphs.empty()) {
      result.problems.push_back({path, json ? article.position + 1 : 0,
                                 article.title.empty() ? "skipped: empty article (no title, no body)"
                                                       : "skipped: no article body (title only)",
                                 true});
      continue;
    }
    if (article.published.empty() && fallback_date) {
      article.published = *fallback_date;
      article.warnings.push_back("publication date taken from the file's modification time (--date-from-mtime)");
    } else if (article.published.empty()) {
      article.warnings.push_back("no publication date found: recorded as missing");
    } else if (!has_day(article.published)) {
      article.warnings.push_back("publication date has no day: stored as " + article.published);
    }
    result.articles.push_back(std::move(article));
  }
}

// Reads decoded bytes; `fallback_date` (a file time, only when asked for) fills missing dates.
ReadResult read_bytes(std::string&& bytes, const std::string& path, const ReadOptions& options,
                      const std::optional<std::string>& fallback_date) {
  ReadResult result;
  bool json_lines = is_json_lines_name(path);
  if (!json_lines && bytes.size() > options.max_file_bytes) {
    result.problems.push_back({path, 0, size_limit_message(bytes.size(), options.max_file_bytes), true});
    return result;
  }
  if (auto kind = binary_kind(bytes); !kind.empty()) {
    result.problems.push_back({path, 0, "skipped: not a text file (" + kind + ")", true});
    return result;
  }
  auto text = decode_to_utf8(std::move(bytes), path, result.problems);
  normalise_line_ends(text);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    result.problems.push_back({path, 0, "skipped: empty file", true});
    return result;
  }
  auto format = options.format == InputFormat::automatic ? sniff_format(text, path) : options.format;
  ReadResult read;
  switch (format) {
    case InputFormat::html:
      read = read_html_page(text, path);
      break;
    case InputFormat::json:
      if (json_lines) text = drop_oversized_lines(std::move(text), path, options.max_file_bytes, result.problems);
      read = read_json_export(text, path, options.json_fields, options.threads);
      break;
    default:
      read = read_text_page(text, path);
      break;
  }
  std::string().swap(text);  // the articles hold what they need: give a large export's text back now
  keep_readable(std::move(read), path, format == InputFormat::json, fallback_date, result);
  return result;
}

}  // namespace

ReadResult read_articles_from_bytes(std::string_view bytes, const std::string& path, const ReadOptions& options) {
  return read_bytes(std::string(bytes), path, options, std::nullopt);
}

ReadResult read_articles(const std::filesystem::path& path, const ReadOptions& options) {
  ReadResult result;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    result.problems.push_back(
        {path.string(), 0, error ? "cannot read: " + error.message() : "skipped: not a regular file", true, bool(error)});
    return result;
  }
  auto size = std::filesystem::file_size(path, error);
  if (error) {
    result.problems.push_back({path.string(), 0, "cannot read: " + error.message(), true, true});
    return result;
  }
  if (size > options.max_file_bytes && !is_json_lines_name(path.string())) {
    result.problems.push_back({path.string(), 0, size_limit_message(size, options.max_file_bytes), true});
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.problems.push_back({path.string(), 0, "cannot read: permission denied", true, true});
    return result;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return read_file_bytes(std::move(bytes), path, options);
}

namespace {

// The file's modification time as a date, when --date-from-mtime asks for it.
std::optional<std::string> file_time_date(const std::filesystem::path& path, const ReadOptions& options) {
  if (!options.date_from_mtime) return std::nullopt;
  std::error_code error;
  auto modified = std::filesystem::last_write_time(path, error);
  if (error) return std::nullopt;
  auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(modified).time_since_epoch());
  return iso_from_unix_time(seconds.count());
}

}  // namespace

ReadResult read_file_bytes(std::string bytes, const std::filesystem::path& path, const ReadOptions& options) {
  return read_bytes(std::move(bytes), path.string(), options, file_time_date(path, options));
}

std::optional<HashedRead> read_json_lines_in_segments(const std::filesystem::path& path, const ReadOptions& options) {
  if (!is_json_lines_name(path.string()) || options.segment_bytes == 0) return std::nullopt;
  if (options.format != InputFormat::automatic && options.format != InputFormat::json) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;  // the whole-file read reports it
  auto fallback_date = file_time_date(path, options);
  // Problems come out in the order a whole-file read gives them: lines over the size limit first,
  // then the lines' own, then the articles without a body.
  std::vector<ReadProblem> oversized;
  ReadResult lines_read;
  ContentHasher hasher;
  std::string segment, carry;
  std::size_t first_line = 0;  // lines before this segment
  bool first = true, any_text = false;
  while (true) {
    segment = std::move(carry);
    carry.clear();
    auto kept = segment.size();
    segment.resize(kept + options.segment_bytes);
    in.read(segment.data() + kept, static_cast<std::streamsize>(options.segment_bytes));
    segment.resize(kept + static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return std::nullopt;
    hasher.add(std::string_view(segment).substr(kept));
    bool end = in.eof();
    if (!end) {  // the last line may go on in the next segment
      auto cut = segment.rfind('\n');
      if (cut == std::string::npos || cut < kept) return std::nullopt;  // a line longer than a segment
      carry.assign(segment, cut + 1);
      segment.resize(cut + 1);
    }
    if (first) {
      // Byte-order marks, UTF-16, binary bytes, one JSON document over many lines: the whole-file
      // read knows what to make of them.
      if (!is_plain_utf8(segment) || !starts_as_json_lines(segment)) return std::nullopt;
      first = false;
    } else if (!is_valid_utf8(segment)) {
      return std::nullopt;  // invalid UTF-8 is reported (and repaired) once for the whole file
    }
    normalise_line_ends(segment);  // as read_bytes() does for a whole file: the same lines
    any_text = any_text || segment.find_first_not_of(" \t\r\n") != std::string::npos;
    auto lines = static_cast<std::size_t>(std::count(segment.begin(), segment.end(), '\n'));
    if (!segment.empty() && segment.back() != '\n') ++lines;
    segment = drop_oversized_lines(std::move(segment), path.string(), options.max_file_bytes, oversized, first_line);
    auto part = read_json_lines(segment, first_line, path.string(), options.json_fields, options.threads);
    std::string().swap(segment);  // the articles hold what they need
    std::move(part.articles.begin(), part.articles.end(), std::back_inserter(lines_read.articles));
    std::move(part.problems.begin(), part.problems.end(), std::back_inserter(lines_read.problems));
    first_line += lines;
    if (end) break;
  }
  if (!any_text) return std::nullopt;
  HashedRead read;
  read.result.problems = std::move(oversized);
  keep_apart_shared_ids(lines_read, path.string(), true);  // across segments, as for the whole file
  keep_readable(std::move(lines_read), path.string(), true, fallback_date, read.result);
  read.hash = hasher.hex();
  return read;
}

}  // namespace newsdex
