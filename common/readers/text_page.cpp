#include "common/readers/text_page.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/base/dates.hpp"
#include "common/base/text.hpp"
#include "common/readers/byline.hpp"
#include "common/readers/cleaner.hpp"
#include "common/readers/headline.hpp"

namespace newsdex {
namespace {

// How many blocks from the top may hold the header (metadata, menus, title) before the text starts: a
// whole saved page puts its masthead and menus above the headline.
constexpr std::size_t header_window = 60;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// Hard-wrapped text has most of its lines in multi-line runs, and the lines that go on to another
// line are broken at a steady width. Returns that width, or 0 for text with one paragraph per line.
std::size_t wrap_width(const std::vector<std::string>& lines) {
  std::vector<std::size_t> continued;  // lengths of lines followed by another non-empty line
  std::size_t nonempty = 0, in_runs = 0, broken_mid_sentence = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    ++nonempty;
    bool has_next = i + 1 < lines.size() && !lines[i + 1].empty();
    bool joined = (i > 0 && !lines[i - 1].empty()) || has_next;
    in_runs += joined;
    if (!has_next) continue;
    continued.push_back(lines[i].size());
    char last = lines[i].back();
    broken_mid_sentence += last != '.' && last != '!' && last != '?' && last != '"' && last != ':';
  }
  if (nonempty < 4 || continued.size() < 3 || in_runs * 10 < nonempty * 6) return 0;
  // One paragraph per line also makes runs, but its lines end sentences; wrapped lines mostly do not.
  if (broken_mid_sentence * 2 < continued.size()) return 0;
  std::sort(continued.begin(), continued.end());
  std::size_t width = continued[continued.size() * 9 / 10];
  auto near_width = static_cast<std::size_t>(std::count_if(
      continued.begin(), continued.end(), [&](std::size_t n) { return n * 10 >= width * 6 && n <= width + 10; }));
  if (width < 40 || width > 120 || near_width * 2 < continued.size()) return 0;
  return width;
}

enum class MetaField { none, title, date, author, source, url, lede };

// "Author: Jane Doe", "Published: ...", "URL: https://...".
std::pair<MetaField, std::string> key_value(const std::string& line) {
  auto colon = line.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 20) return {MetaField::none, {}};
  auto key = ascii_lower(collapse_whitespace(line.substr(0, colon)));
  auto value = collapse_whitespace(line.substr(colon + 1));
  if (value.empty()) return {MetaField::none, {}};
  struct Key {
    std::string_view name;
    MetaField field;
  };
  static constexpr std::array<Key, 20> keys{
      {{"title", MetaField::title},       {"headline", MetaField::title}, {"subject", MetaField::title},
       {"from", MetaField::author},       {"date", MetaField::date},      {"published", MetaField::date},
       {"published on", MetaField::date}, {"posted", MetaField::date},    {"posted on", MetaField::date},
       {"updated", MetaField::date},      {"author", MetaField::author},  {"authors", MetaField::author},
       {"by", MetaField::author},         {"byline", MetaField::author},  {"source", MetaField::source},
       {"publisher", MetaField::source},  {"url", MetaField::url},        {"link", MetaField::url},
       {"summary", MetaField::lede},      {"standfirst", MetaField::lede}}};
  for (const auto& k : keys)
    if (key == k.name) return {k.field, value};
  return {MetaField::none, {}};
}

// "Organization: Lockheed", "X-Mailer: ...": any "Key: value" line, as in mail and Usenet headers.
bool is_header_field(const std::string& line) {
  auto colon = line.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 30 || !std::isupper(static_cast<unsigned char>(line[0])))
    return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = line[i];
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != ' ') return false;
  }
  return count_words(line.substr(0, colon)) <= 3;
}

bool is_url(std::string_view line) {
  return (line.starts_with("http://") || line.starts_with("https://")) && line.find(' ') == std::string_view::npos;
}

// Words a date line may hold besides its date: labels, weekdays, months, zones, a reading time.
bool is_date_filler(std::string_view word) {
  static constexpr std::array<std::string_view, 33> filler{
      "published", "updated", "posted", "on",   "at",     "last",    "modified", "date", "first", "and", "am",
      "pm",        "et",      "gmt",    "utc",  "bst",    "cet",     "cest",     "est",  "edt",   "cst", "cdt",
      "pst",       "pdt",     "min",    "mins", "minute", "minutes", "read",     "ct",   "pt",    "mt",  "z"};
  static constexpr std::array<std::string_view, 7> weekdays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
  if (std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return true;
  if (std::find(filler.begin(), filler.end(), word) != filler.end()) return true;
  if (word.size() < 3) return false;
  auto head = word.substr(0, 3);
  return std::find(weekdays.begin(), weekdays.end(), head) != weekdays.end() ||
         std::find(months.begin(), months.end(), head) != months.end();
}

// A line that is a date and little else ("Friday, November 22, 2024", "Updated 22 Nov 2024, 10:15",
// "Published 07:45, 28 October 2024 | Updated 08:15, 29 October 2024": the first date).
std::optional<std::string> date_line(const std::string& line) {
  if (line.size() > 100) return std::nullopt;
  auto match = find_date(line);
  if (!match) return std::nullopt;
  auto rest = line.substr(0, match->begin) + " " + line.substr(match->end);
  std::size_t other_words = 0;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && !is_date_filler(current)) ++other_words;
    current.clear();
  };
  for (char c : rest) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else
      flush();
  }
  flush();
  if (other_words > 2) return std::nullopt;
  return match->iso;
}

// "Home > World > Europe", "News | Politics": navigation, not a title.
bool is_breadcrumb(const std::string& line) {
  std::size_t separators = 0;
  for (std::string_view separator : {" > ", " \xE2\x80\xBA ", " \xC2\xBB ", " / ", " | "}) {
    for (auto at = line.find(separator); at != std::string::npos; at = line.find(separator, at + 1)) ++separators;
  }
  return separators >= 1 && count_words(line) <= 3 * (separators + 1) && line.back() != '.';
}

// A date read from the header, and where: the one nearest below the headline is the article's.
struct DateSeen {
  std::size_t at = 0;
  std::string iso;
  bool update = false;  // "Updated ...": the publication date only when there is no other
};

struct Header {
  Article article;
  std::string lede;
  std::vector<DateSeen> dates;
  std::vector<std::string> notes;  // warnings
};

bool is_update_note(const std::string& line) {
  auto lower = ascii_lower(line.substr(0, 20));
  return lower.starts_with("updated") || lower.starts_with("last updated") || lower.starts_with("modified") ||
         lower.starts_with("last modified");
}

// Reads one metadata line (block `at`) into the article; false when the line is not metadata.
bool read_metadata(const std::string& line, std::size_t at, Header& header) {
  auto& a = header.article;
  if (auto [field, value] = key_value(line); field != MetaField::none) {
    switch (field) {
      case MetaField::title:
        if (a.title.empty()) a.title = value;
        break;
      case MetaField::author:
        if (a.author.empty()) a.author = value;
        break;
      case MetaField::source:
        if (a.source.empty()) a.source = value;
        break;
      case MetaField::url:
        if (a.url.empty()) a.url = value;
        break;
      case MetaField::lede:
        if (header.lede.empty()) header.lede = value;
        break;
      case MetaField::date:
        if (auto date = parse_date(value)) {
          header.dates.push_back({at, *date, is_update_note(line)});
        } else if (header.dates.empty()) {
          header.notes.push_back("unreadable date '" + value + "': recorded as missing");
        }
        break;
      case MetaField::none:
        break;
    }
    return true;
  }
  if (auto by = read_byline(line)) {
    if (a.author.empty()) a.author = join_authors(by->authors);
    if (!by->published.empty()) header.dates.push_back({at, by->published, false});
    return true;
  }
  if (auto date = date_line(line)) {
    header.dates.push_back({at, *date, is_update_note(line)});
    return true;
  }
  if (is_url(line)) {
    if (a.url.empty()) a.url = line;
    return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> split_text_blocks(std::string_view text) {
  std::vector<std::string> lines;
  for (auto line : split_lines(text)) lines.push_back(collapse_whitespace(line));
  std::vector<std::string> blocks;
  auto width = wrap_width(lines);
  if (width == 0) {
    for (auto& line : lines)
      if (!line.empty()) blocks.push_back(std::move(line));
    return blocks;
  }
  // Hard-wrapped: a line well short of the width ends its paragraph.
  std::string current;
  for (auto& line : lines) {
    if (line.empty()) {
      if (!current.empty()) blocks.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (is_header_field(line)) {  // "Subject: ..." lines stay lines
      if (!current.empty()) blocks.push_back(std::move(current));
      current.clear();
      blocks.push_back(std::move(line));
      continue;
    }
    if (!current.empty()) current += ' ';
    current += line;
    if (line.size() * 10 < width * 6) {
      blocks.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) blocks.push_back(std::move(current));
  return blocks;
}

namespace {

bool ends_sentence(const std::string& line) {
  auto end = line.find_last_not_of("\"')\xE2\x80\x9D\x99 ");
  return end != std::string::npos && (line[end] == '.' || line[end] == '!' || line[end] == '?') &&
         !line.ends_with("...") && !line.ends_with("\xE2\x80\xA6");
}

// Running text rather than a title: a sentence of some length, or anything long.
bool is_text_line(const std::string& line) {
  auto words = count_words(line);
  return words > 30 || (words >= 8 && ends_sentence(line));
}

// The title among the headline-like lines above the text: the one choose_headline picks by shape and
// by the words it shares with the text below (so a masthead, a tagline or a menu item gives way).
struct TitleChoice {
  std::size_t at = 0;
  bool found = false;
};

TitleChoice choose_title(const std::vector<std::string>& blocks, const std::vector<std::size_t>& candidates,
                         const std::vector<bool>& furniture, std::size_t text_start) {
  std::string text;  // the first blocks of running text: what the headline announces
  for (std::size_t i = text_start; i < blocks.size() && i < text_start + 8; ++i) text += blocks[i] + " ";
  std::vector<HeadlineCandidate> lines;
  for (auto at : candidates) lines.push_back({blocks[at], furniture[at], text_start - at});
  auto chosen = choose_headline(lines, word_stems(text));
  if (chosen == candidates.size()) return {};
  return {candidates[chosen], true};
}

// What the top of a page holds: which blocks are metadata (read into the header) or page furniture,
// and the lines that could be the title.
struct TopOfPage {
  std::vector<bool> metadata, furniture;
  std::vector<std::size_t> candidates, short_candidates;  // short: one or two words ("ENVIRONMENT")
  std::size_t end = 0;  // the first block past the top: running text, or the end of the window
};

// Reads the top of the page into `header`: a mail-style header block, then up to header_window
// blocks of metadata, furniture and title candidates, stopping at the first line of running text.
TopOfPage read_top_of_page(const std::vector<std::string>& blocks, Header& header) {
  TopOfPage top;
  top.metadata.assign(blocks.size(), false);
  top.furniture.assign(blocks.size(), false);
  // A mail-style header block at the top ("From: ...", "Subject: ...", "Organization: ...") is all
  // metadata, known keys or not.
  std::size_t header_fields = 0;
  while (header_fields < blocks.size() && is_header_field(blocks[header_fields])) ++header_fields;
  if (header_fields >= 2)
    for (std::size_t i = 0; i < header_fields; ++i) read_metadata(blocks[i], i, header), top.metadata[i] = true;
  std::size_t stop = header_fields >= 2 ? header_fields : 0;
  for (; stop < blocks.size() && stop < header_window; ++stop) {
    const auto& line = blocks[stop];
    if (read_metadata(line, stop, header)) {
      top.metadata[stop] = true;
      continue;
    }
    // A name alone on its line above a job title ("Laura Pelt" / "Regional reporter") is a byline.
    if (stop + 1 < blocks.size() && is_person_name(line) && is_role_line(blocks[stop + 1])) {
      if (header.article.author.empty()) header.article.author = line;
      top.metadata[stop] = top.metadata[stop + 1] = true;
      ++stop;
      continue;
    }
    if (is_text_line(line)) break;
    if (is_label_line(line) || is_breadcrumb(line)) {
      top.furniture[stop] = true;
      continue;
    }
    if (boilerplate_reason(line)) {
      top.furniture[stop] = true;
      // A headline may use a cue word ("Residents told to subscribe to alerts"): still a candidate.
      if (count_words(line) >= 4) top.candidates.push_back(stop);
      continue;
    }
    (count_words(line) >= 3 ? top.candidates : top.short_candidates).push_back(stop);
  }
  top.end = stop;
  return top;
}

// Sets the title, unless a "Title:" line gave it, and returns where the article proper starts: after
// the title line (or after the header when a "Title:" line or nothing at all named it).
std::size_t take_title(const std::vector<std::string>& blocks, const TopOfPage& top, Header& header) {
  std::size_t next = 0;
  if (header.article.title.empty()) {
    auto choice = choose_title(blocks, top.candidates, top.furniture, top.end);
    header.article.title_source = "headline line";
    if (!choice.found && !top.short_candidates.empty()) {  // only one- or two-word lines: the first
      choice = {top.short_candidates.front(), true};
      header.article.title_source = "first short line";
    }
    if (choice.found) {
      header.article.title = blocks[choice.at];
      next = choice.at + 1;
    } else {
      header.article.title_source.clear();
    }
  } else {
    header.article.title_source = "metadata";
    for (next = 0; next < top.end && (top.metadata[next] || top.furniture[next]); ++next) {
    }
  }
  return next;
}

// The lede: the first paragraph from `start`, unless a "Summary:" line gave it; metadata lines around
// it (a byline below the standfirst) are read, not kept. Returns the blocks used (those before
// `start`, metadata, the lede): the others are the body.
std::vector<bool> take_lede(const std::vector<std::string>& blocks, std::size_t start,
                            const std::vector<bool>& metadata, Header& header) {
  std::vector<bool> used(blocks.size(), false);
  for (std::size_t i = 0; i < blocks.size(); ++i) used[i] = i < start || metadata[i];
  for (std::size_t i = start; i < blocks.size() && i < start + 6; ++i) {
    if (used[i]) continue;
    if (read_metadata(blocks[i], i, header)) {
      used[i] = true;
      continue;
    }
    if (!header.lede.empty() || boilerplate_reason(blocks[i])) continue;
    if (count_words(blocks[i]) >= 8)
      header.lede = blocks[i], used[i] = true;
    else if (i > start + 2)
      break;
  }
  return used;
}

// The publication date among those read: the first one below the headline (a masthead prints the day
// the page was saved above it), else the nearest above; "Updated" notes only when there is nothing else.
// Without a headline line (a "Title:" line named the title), the first date.
std::string publication_date(const std::vector<DateSeen>& dates, std::optional<std::size_t> headline_at) {
  for (bool update : {false, true}) {
    const DateSeen* above = nullptr;
    for (const auto& date : dates) {
      if (date.update != update) continue;
      if (!headline_at || date.at > *headline_at) return date.iso;
      above = &date;
    }
    if (above) return above->iso;
  }
  return {};
}

// A credit line in the text ("Reporting by A; Editing by B") names the authors when no byline did;
// it is never body text.
void take_credit_lines(const std::vector<std::string>& blocks, std::vector<bool>& used, Header& header) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (used[i]) continue;
    if (auto authors = read_credit_line(blocks[i])) {
      if (header.article.author.empty()) header.article.author = join_authors(*authors);
      used[i] = true;
    }
  }
}

// The article: the header's fields, and the blocks not used as the body, through the cleaner.
Article assemble_article(const std::vector<std::string>& blocks, const std::vector<bool>& used, Header&& header) {
  std::vector<Block> body;
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (!used[i]) body.push_back({blocks[i], BlockKind::paragraph, 0.0});
  auto cleaned = clean_body(header.article.title, header.lede, body, header.article.author);
  auto article = std::move(header.article);
  article.title = normalise_text(article.title);
  article.author = normalise_text(article.author);
  article.source = normalise_text(article.source);
  article.lede = std::move(cleaned.lede);
  article.paragraphs = std::move(cleaned.paragraphs);
  article.warnings = std::move(header.notes);
  if (article.title.empty()) article.warnings.push_back("no title found");
  return article;
}

}  // namespace

// The stages in order: blocks, the top of the page (metadata, furniture), the title, the lede, the
// body; docs/readers.md describes each.
ReadResult read_text_page(std::string_view utf8_text, const std::string& path) {
  auto blocks = split_text_blocks(utf8_text);
  Header header;
  header.article.path = path;
  auto top = read_top_of_page(blocks, header);
  auto start = take_title(blocks, top, header);
  auto used = take_lede(blocks, start, top.metadata, header);
  take_credit_lines(blocks, used, header);
  if (header.article.published.empty()) {
    bool headline_line = start > 0 && header.article.title_source != "metadata" && !header.article.title.empty();
    header.article.published =
        publication_date(header.dates, headline_line ? std::optional<std::size_t>(start - 1) : std::nullopt);
  }
  ReadResult result;
  result.articles.push_back(assemble_article(blocks, used, std::move(header)));
  return result;
}

}  // namespace newsdex
