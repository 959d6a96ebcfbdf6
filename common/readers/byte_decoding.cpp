#include "common/readers/byte_decoding.hpp"

#include <optional>

#include "common/base/text.hpp"

namespace newsdex {
namespace {

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

bool is_utf16(std::string_view bytes) {
  return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") || utf16_without_bom(bytes);
}

// Converts UTF-16 from byte `start` (past a BOM) to UTF-8; lone surrogates become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian, std::size_t start) {
  std::string out;
  auto unit = [&](std::size_t i) -> char32_t {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (std::size_t i = start; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t low = unit(i + 2);
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
  static constexpr char32_t high[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                        0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) append_utf8(out, c >= 0x80 && c < 0xA0 ? high[c - 0x80] : c);
  return out;
}

}  // namespace

std::string binary_kind(std::string_view bytes) {
  if (is_utf16(bytes)) return "";  // its ASCII letters come with zero bytes
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

bool is_plain_utf8(std::string_view bytes) {
  return !bytes.starts_with("\xEF\xBB\xBF") && !is_utf16(bytes) && binary_kind(bytes).empty() && is_valid_utf8(bytes);
}

std::string decode_to_utf8(std::string&& owned, const std::string& path, std::vector<ReadProblem>& problems) {
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

// The readers split lines at LF: a page with CR line ends would be one long line (no title, no date
// line), so this is done once for every format.
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

}  // namespace newsdex
