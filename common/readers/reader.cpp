#include "common/readers/reader.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>

#include "common/base/dates.hpp"
#include "common/base/errors.hpp"
#include "common/base/hashing.hpp"
#include "common/base/text.hpp"
#include "common/readers/html_page.hpp"
#include "common/readers/json_export.hpp"
#include "common/readers/text_page.hpp"

namespace newsdex {
namespace {

std::string lower_extension(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool starts_with_html(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '<') return false;
  auto head = fold_key(text.substr(first, 256));
  return head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") ||
         (head.starts_with("<?xml version") && head.find("<html") != std::string::npos);
}

// The extension decides, except that a page that opens as HTML is HTML whatever its name; files with
// another or no extension are sniffed: '{' or '[' first is JSON, HTML tags near the top are HTML.
InputFormat sniff_format(std::string_view text, const std::string& path) {
  if (starts_with_html(text)) return InputFormat::html;
  auto ext = lower_extension(path);
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml") return InputFormat::html;
  if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") return InputFormat::json;
  if (ext == ".txt" || ext == ".text") return InputFormat::text;
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return InputFormat::text;
  if (text[first] == '{' || text[first] == '[') return InputFormat::json;
  auto head = fold_key(text.substr(first, 1024));
  if (text[first] == '<' && (head.find("<body") != std::string::npos || head.find("<div") != std::string::npos ||
                             head.find("<p>") != std::string::npos || head.find("<article") != std::string::npos))
    return InputFormat::html;
  return InputFormat::text;
}

// Names the kind of a binary file from its first bytes, or returns empty for text.
std::string binary_kind(std::string_view bytes) {
  struct Magic {
    std::string_view prefix, name;
  };
  static constexpr Magic magics[] = {{"%PDF", "PDF"},
                                     {"\x1F\x8B", "gzip"},
                                     {"PK\x03\x04", "zip"},
                                     {"\x89PNG", "PNG"},
                                     {"\xFF\xD8\xFF", "JPEG"},
                                     {"GIF8", "GIF"},
                                     {"\x7F"
                                      "ELF",
                                      "ELF"},
                                     {"BZh", "bzip2"},
                                     {"\xFD"
                                      "7zXZ",
                                      "xz"}};
  for (const auto& magic : magics)
    if (bytes.starts_with(magic.prefix) && (magic.name != "bzip2" || bytes.size() > 4)) return std::string(magic.name);
  auto head = bytes.substr(0, 8192);
  std::size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return "binary";
    controls += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B;
  }
  return controls * 20 > head.size() ? "binary" : "";
}

// UTF-16 without a byte-order mark: ASCII-heavy text has a zero in every other byte.
std::optional<bool> utf16_without_bom(std::string_view bytes) {
  auto head = bytes.substr(0, 4096);
  if (head.size() < 8) return std::nullopt;
  std::size_t even_zero = 0, odd_zero = 0;
  for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
    even_zero += head[i] == '\0';
    odd_zero += head[i + 1] == '\0';
  }
  std::size_t pairs = head.size() / 2;
  if (odd_zero * 10 >= pairs * 7 && even_zero * 20 < pairs) return true;   // little-endian
  if (even_zero * 10 >= pairs * 7 && odd_zero * 20 < pairs) return false;  // big-endian
  return std::nullopt;
}

// Converts UTF-16 from byte `start` (past a BOM) to UTF-8; lone surrogates become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian, std::size_t start) {
  std::string out;
  auto unit = [&](std::size_t i) -> unsigned {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (std::size_t i = start; i + 1 < bytes.size(); i += 2) {
    unsigned u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      unsigned low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_utf8(out, u);  // a lone surrogate: append_utf8 writes U+FFFD
  }
  return out;
}

// Windows-1252, the superset of Latin-1 that old Windows tools and many web pages really use: 0x80-0x9F
// are curly quotes, dashes, the euro sign... rather than C1 controls. Unassigned bytes are kept as
// their Latin-1 code points.
std::string windows1252_to_utf8(std::string_view bytes) {
  static constexpr unsigned high[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                        0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) append_utf8(out, c >= 0x80 && c < 0xA0 ? high[c - 0x80] : c);
  return out;
}

// Windows (CR LF) and old Mac (CR alone) line ends become LF, once for every format: the readers split
// lines at LF, and a page with CR line ends would be one long line (no title, no date line). In place:
// the text only gets shorter.
void normalise_line_ends(std::string& text) {
  auto first = text.find('\r');
  if (first == std::string::npos) return;
  std::size_t out = first;
  for (std::size_t in = first; in < text.size(); ++in) {
    if (text[in] != '\r') {
      text[out++] = text[in];
      continue;
    }
    text[out++] = '\n';
    if (in + 1 < text.size() && text[in + 1] == '\n') ++in;
  }
  text.resize(out);
}

// Decodes the bytes to UTF-8, noting what it had to do in `problems`. Valid UTF-8 (nearly every
// file) is handed back without a copy: a JSON Lines export can be gigabytes.
std::string decode(std::string&& owned, const std::string& path, std::vector<ReadProblem>& problems) {
  std::string_view bytes(owned);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.starts_with("\xFF\xFE")) return utf16_to_utf8(bytes, true, 2);
  if (bytes.starts_with("\xFE\xFF")) return utf16_to_utf8(bytes, false, 2);
  if (auto little_endian = utf16_without_bom(bytes)) {
    problems.push_back({path, 0, "UTF-16 without a byte-order mark: converted", false});
    return utf16_to_utf8(bytes, *little_endian, 0);
  }
  if (is_valid_utf8(bytes)) {
    if (bytes.size() != owned.size()) owned.erase(0, owned.size() - bytes.size());  // the BOM
    return std::move(owned);
  }
  std::size_t high = 0;
  for (unsigned char c : bytes) high += c >= 0x80;
  std::size_t repaired = 0;
  auto fixed = repair_utf8(bytes, &repaired);
  // When most high bytes fail as UTF-8 the file is in a single-byte encoding; a few bad sequences in
  // otherwise good UTF-8 are damage.
  if (repaired * 2 >= high) {
    problems.push_back({path, 0, "not UTF-8: read as Windows-1252 (Latin-1)", false});
    return windows1252_to_utf8(bytes);
  }
  problems.push_back(
      {path, 0, "invalid UTF-8: " + std::to_string(repaired) + " bad byte(s) replaced with U+FFFD", false});
  return fixed;
}

}  // namespace

InputFormat parse_input_format(std::string_view name) {
  if (name == "auto") return InputFormat::automatic;
  if (name == "text" || name == "txt") return InputFormat::text;
  if (name == "html") return InputFormat::html;
  if (name == "json" || name == "jsonl") return InputFormat::json;
  throw UsageError("unknown format '" + std::string(name) + "' (expected auto, text, html or json)");
}

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
  bool bom16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") || utf16_without_bom(bytes);
  if (auto kind = binary_kind(bytes); !bom16 && !kind.empty()) {
    result.problems.push_back({path, 0, "skipped: not a text file (" + kind + ")", true});
    return result;
  }
  auto text = decode(std::move(bytes), path, result.problems);
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

bool is_json_lines_name(const std::string& path) {
  auto extension = lower_extension(path);
  return extension == ".jsonl" || extension == ".ndjson";
}

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
      bool odd = segment.starts_with("\xEF\xBB\xBF") || segment.starts_with("\xFF\xFE") ||
                 segment.starts_with("\xFE\xFF") || utf16_without_bom(segment) || !binary_kind(segment).empty();
      if (odd || !is_valid_utf8(segment) || !starts_as_json_lines(segment)) return std::nullopt;
      first = false;
    } else if (!is_valid_utf8(segment)) {
      return std::nullopt;  // invalid UTF-8 is reported (and repaired) once for the whole file
    }
    normalise_line_ends(segment);  // as decode's caller does for a whole file: the same lines
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
