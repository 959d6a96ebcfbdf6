#include "common/readers/reader.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "common/errors.hpp"
#include "common/readers/html_page.hpp"
#include "common/readers/json_export.hpp"
#include "common/readers/text_page.hpp"
#include "common/text.hpp"

namespace newsdex {
namespace {

std::string lower_extension(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

InputFormat sniff_format(std::string_view text, const std::string& path) {
  auto ext = lower_extension(path);
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::html;
  if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") return InputFormat::json;
  if (ext == ".txt" || ext == ".text") return InputFormat::text;
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return InputFormat::text;
  if (text[first] == '{' || text[first] == '[') return InputFormat::json;
  auto head = fold_key(text.substr(first, 512));
  if (head.starts_with("<!doctype html") || head.starts_with("<html") || head.find("<body") != std::string::npos)
    return InputFormat::html;
  return InputFormat::text;
}

bool looks_binary(std::string_view bytes) {
  auto head = bytes.substr(0, 8192);
  return std::find(head.begin(), head.end(), '\0') != head.end();
}

// Converts UTF-16 (with a BOM) to UTF-8.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
  std::string out;
  auto unit = [&](std::size_t i) -> unsigned {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  auto append = [&](unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  };
  for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
    unsigned u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      unsigned low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    append((u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
  }
  return out;
}

std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Decodes the bytes to UTF-8, noting what it had to do in `problems`.
std::string decode(std::string_view bytes, const std::string& path, std::vector<ReadProblem>& problems) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.starts_with("\xFF\xFE")) return utf16_to_utf8(bytes, true);
  if (bytes.starts_with("\xFE\xFF")) return utf16_to_utf8(bytes, false);
  if (is_valid_utf8(bytes)) return std::string(bytes);
  std::size_t high = 0;
  for (unsigned char c : bytes) high += c >= 0x80;
  std::size_t repaired = 0;
  auto fixed = repair_utf8(bytes, &repaired);
  // Mostly-broken UTF-8 with many high bytes is Latin-1; a few broken sequences are damage.
  if (repaired * 2 >= high) {
    problems.push_back({path, 0, "not UTF-8: read as Latin-1", false});
    return latin1_to_utf8(bytes);
  }
  problems.push_back({path, 0, "invalid UTF-8: " + std::to_string(repaired) + " bad byte(s) replaced", false});
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

ReadResult read_articles_from_bytes(std::string_view bytes, const std::string& path, const ReadOptions& options) {
  ReadResult result;
  if (bytes.size() > options.max_file_bytes) {
    result.problems.push_back({path, 0, "skipped: larger than the size limit (" + std::to_string(options.max_file_bytes) +
                                            " bytes; see --max-file-size)", true});
    return result;
  }
  bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  if (!utf16 && looks_binary(bytes)) {
    result.problems.push_back({path, 0, "skipped: binary file", true});
    return result;
  }
  auto text = decode(bytes, path, result.problems);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    result.problems.push_back({path, 0, "skipped: empty file", true});
    return result;
  }
  auto format = options.format == InputFormat::automatic ? sniff_format(text, path) : options.format;
  ReadResult read;
  switch (format) {
    case InputFormat::html: read = read_html_page(text, path); break;
    case InputFormat::json: read = read_json_export(text, path, options.json_fields); break;
    default: read = read_text_page(text, path); break;
  }
  result.problems.insert(result.problems.end(), read.problems.begin(), read.problems.end());
  for (auto& article : read.articles) {
    if (article.paragraphs.empty()) {
      result.problems.push_back({path, article.position + (format == InputFormat::json ? 1 : 0),
                                 "skipped: no article body" + (article.title.empty() ? std::string{} : " (title only)"),
                                 true});
      continue;
    }
    if (article.published.empty()) article.warnings.push_back("no publication date found");
    result.articles.push_back(std::move(article));
  }
  return result;
}

ReadResult read_articles(const std::filesystem::path& path, const ReadOptions& options) {
  ReadResult result;
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) {
    result.problems.push_back({path.string(), 0, "cannot read: " + error.message(), true});
    return result;
  }
  if (size > options.max_file_bytes) {
    result.problems.push_back({path.string(), 0, "skipped: larger than the size limit (" +
                                                      std::to_string(options.max_file_bytes) + " bytes; see --max-file-size)",
                               true});
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.problems.push_back({path.string(), 0, "cannot read: permission denied or not a file", true});
    return result;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return read_articles_from_bytes(bytes, path.string(), options);
}

}  // namespace newsdex
