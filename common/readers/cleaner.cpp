#include "common/readers/cleaner.hpp"

#include <algorithm>
#include <map>

#include "common/base/dates.hpp"
#include "common/base/text.hpp"
#include "common/readers/byline.hpp"
#include "common/readers/cleaner_signals.hpp"
#include "common/readers/headline.hpp"

namespace newsdex {
namespace {

using cleaner::BlockSignals;

struct Item {
  std::string text;
  BlockKind kind;
  BlockSignals signals;
  std::string reason;  // empty while kept
  bool dropped() const { return !reason.empty(); }
};

// A block that belongs to a teaser list: a headline, its short summary, a truncated "...", a link.
bool is_teaser_like(const Item& item, bool after_headline) {
  const auto& s = item.signals;
  if (s.ellipsis_end || item.kind == BlockKind::list_item || s.link_density >= 0.3) return true;
  if (cleaner::is_headline_like(s) || (!s.sentence_end && s.words <= 12)) return true;
  if (after_headline && s.words <= 45) return true;
  return s.words <= 8 && find_date(item.text).has_value();  // a teaser's date line
}

void drop(Item& item, std::string reason) {
  if (!item.dropped()) item.reason = std::move(reason);
}

// Per-block rules that need no context.
void judge_alone(std::vector<Item>& items, std::string_view title_key) {
  auto title_words = static_cast<std::size_t>(std::count(title_key.begin(), title_key.end(), ' ')) + 1;
  for (auto& item : items) {
    const auto& s = item.signals;
    bool could_be_title = !title_key.empty() && s.words <= title_words + 3;
    if (item.text.empty())
      drop(item, "empty");
    else if (!s.has_letters)
      drop(item, "no words");
    else if (s.link_density >= 0.8 || (s.link_density >= 0.5 && s.words < 40))
      drop(item, "mostly links");
    else if (could_be_title && cleaner::loose_key(item.text) == title_key)
      drop(item, "repeats the title");
    else if (auto end = cleaner::end_marker(s))
      drop(item, *end);
    else if (auto cue = cleaner::marker_cue(s))
      drop(item, "boilerplate cue: " + *cue);
    else if (s.words <= 40 && is_caption_line(item.text))
      drop(item, "caption or credit");
    else if (s.words <= 12 && !s.sentence_end && is_label_line(item.text))
      drop(item, "label");
  }
}

// Printed as a quotation: a quote block (HTML) or text that opens with a quotation mark.
bool printed_as_quote(const Item& item) {
  if (item.kind == BlockKind::quote) return true;
  for (std::string_view mark : {"\"", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "'"})
    if (item.text.starts_with(mark)) return true;
  return false;
}

// A pull quote repeats a sentence of the text in large type, as a quotation: a short quoted block whose
// words all appear, in order, inside a longer block of the article.
void drop_pull_quotes(std::vector<Item>& items) {
  auto candidate = [](const Item& item) {
    return !item.dropped() && item.signals.words >= 6 && item.signals.words <= 50 && printed_as_quote(item);
  };
  if (std::none_of(items.begin(), items.end(), candidate)) return;  // most articles: no key to compute
  std::vector<std::string> keys;
  keys.reserve(items.size());
  for (const auto& item : items) keys.push_back(item.dropped() ? std::string{} : cleaner::loose_key(item.text));
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!candidate(items[i]) || keys[i].empty()) continue;
    for (std::size_t j = 0; j < items.size(); ++j) {
      if (j == i || items[j].signals.words <= items[i].signals.words || keys[j].size() <= keys[i].size()) continue;
      if (cleaner::contains_phrase(keys[j], keys[i])) {
        drop(items[i], "repeats the text (pull quote)");
        break;
      }
    }
  }
}

// The writer's biography closing a feature: the last blocks, short, that start with an author's name
// and go on as a biography does ("A is a writer based in X", "A and B report on farming").
void drop_author_bio(std::vector<Item>& items, std::string_view author) {
  if (author.empty()) return;
  std::vector<std::string> names;
  for (auto& name : split_author_names(author))
    if (count_words(name) >= 2) names.push_back(cleaner::loose_key(name));
  if (names.empty()) return;
  static constexpr std::string_view bio_verbs[] = {"is",     "are",    "was",   "writes", "write", "reports",
                                                   "report", "covers", "lives", "live",   "works", "work"};
  for (std::size_t back = 0, i = items.size(); i > 0 && back < 2; --i) {
    auto& item = items[i - 1];
    if (item.dropped()) continue;
    ++back;
    if (item.signals.words > 60) return;
    auto key = cleaner::loose_key(item.text);
    // Skip the names (and "and" between them) at the start; what follows must be a biography's verb.
    std::size_t at = 0;
    bool named = false;
    auto starts_at = [&](std::string_view word) {
      return at < key.size() && key.compare(at, word.size(), word) == 0 &&
             (key.size() == at + word.size() || key[at + word.size()] == ' ');
    };
    for (bool progress = true; progress;) {
      progress = false;
      for (const auto& name : names)
        if (starts_at(name)) at += name.size() + 1, named = progress = true;
      if (named && starts_at("and")) at += 4, progress = true;
    }
    if (!named || at >= key.size()) continue;
    auto verb = std::string_view(key).substr(at, key.find(' ', at) - at);
    if (std::find(std::begin(bio_verbs), std::end(bio_verbs), verb) != std::end(bio_verbs))
      drop(item, "the author's biography");
  }
}

// Short unpunctuated lines seen twice or more on one page are furniture ("- Advertisement -", "Share").
void drop_repeated_short_lines(std::vector<Item>& items) {
  std::map<std::string, int> counts;
  auto candidate = [](const Item& item) { return item.signals.words <= 10 && !item.signals.sentence_end; };
  for (const auto& item : items)
    if (candidate(item) && !item.text.empty()) ++counts[item.signals.key];
  for (auto& item : items)
    if (candidate(item) && !item.text.empty() && counts[item.signals.key] >= 2) drop(item, "repeated short line");
}

struct TeaserSection {
  std::size_t heading, run_end;  // the teaser run is (heading, run_end)
};

// A teaser heading followed by teaser-like blocks: the heading and its run go. A heading followed
// straight by prose is a subheading and stays.
std::vector<TeaserSection> drop_teaser_sections(std::vector<Item>& items) {
  std::vector<TeaserSection> sections;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].text.empty() || !cleaner::is_teaser_heading(items[i].signals)) continue;
    std::size_t j = i + 1, teasers = 0;
    bool after_headline = false;
    for (; j < items.size(); ++j) {
      if (items[j].dropped()) continue;  // ads between teasers do not end the list
      if (!is_teaser_like(items[j], after_headline)) break;
      after_headline = cleaner::is_headline_like(items[j].signals);
      ++teasers;
    }
    if (teasers == 0 && j < items.size()) continue;
    std::string heading = items[i].text.size() > 40 ? items[i].text.substr(0, 40) + "..." : items[i].text;
    drop(items[i], "teaser section heading");
    for (std::size_t k = i + 1; k < j; ++k) drop(items[k], "teaser (under '" + heading + "')");
    sections.push_back({i, j});
    i = j - 1;
  }
  return sections;
}

// A truncated "..." teaser with its headline, outside any teaser section.
void drop_truncated_teasers(std::vector<Item>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& s = items[i].signals;
    if (items[i].dropped() || !s.ellipsis_end || s.words > 40) continue;
    std::size_t previous = i;
    while (previous > 0 && items[previous - 1].dropped()) --previous;
    bool headline_before = previous > 0 && cleaner::is_headline_like(items[previous - 1].signals);
    if (!headline_before && s.link_density <= 0.0) continue;
    drop(items[i], "truncated teaser");
    if (headline_before) drop(items[previous - 1], "teaser headline");
  }
}

std::size_t prose_words(const Item& item) {
  return !item.dropped() && cleaner::is_prose(item.signals) ? item.signals.words : 0;
}

// Everything after the end of the article goes: after a comment form, copyright footer or automation
// disclaimer that less than a quarter of the page's prose follows, or after a teaser section that
// little prose follows.
void cut_after_end(std::vector<Item>& items, const std::vector<TeaserSection>& sections) {
  std::vector<std::size_t> before(items.size() + 1, 0);  // prose words in items[0, i)
  for (std::size_t i = 0; i < items.size(); ++i) before[i + 1] = before[i] + prose_words(items[i]);
  std::size_t total = before.back();
  std::size_t cut = items.size();
  std::string why;
  for (std::size_t i = 0; i < items.size() && cut == items.size(); ++i) {
    // A photo credit ("(c) AFP") in a caption is no footer; and a marker with a quarter or more of
    // the prose still after it is inside the article, whatever it says.
    if (items[i].kind == BlockKind::caption || items[i].text.empty()) continue;
    auto marker = cleaner::end_marker(items[i].signals);
    if (!marker) marker = cleaner::closing_section(items[i].signals);
    if (marker && before[i] > 0 && (total - before[i]) * 3 < before[i]) cut = i, why = *marker;
  }
  for (const auto& section : sections) {
    if (section.heading >= cut) break;
    std::size_t prose_before = before[section.heading], prose_after = total - before[section.run_end];
    if (prose_before > 0 && prose_after * 4 <= prose_before) {
      cut = section.heading;
      why = "teaser section";
      break;
    }
  }
  if (cut < items.size()) drop(items[cut], why);  // a closing section's heading ("About ORG")
  for (std::size_t i = cut + 1; i < items.size(); ++i) drop(items[i], "after the end of the article (" + why + ")");
}

// Short unpunctuated lines before the first paragraph of prose or after the last one are page
// furniture: kickers, menus, "Must Read", tags, sign-offs of the site rather than the article.
// When the body holds no prose at all but the lede does, the whole body counts as "after" it (a
// one-paragraph post followed by a signature).
void trim_edges(std::vector<Item>& items, bool lede_is_prose) {
  std::size_t first = items.size(), last = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (prose_words(items[i]) == 0) continue;
    first = std::min(first, i);
    last = i;
  }
  std::size_t trailing_from = last + 1;
  if (first == items.size()) {
    if (!lede_is_prose) return;
    first = trailing_from = 0;
  }
  for (std::size_t i = 0; i < first; ++i) {
    const auto& s = items[i].signals;
    if (s.words <= 8 && !s.sentence_end) drop(items[i], "before the article starts");
  }
  for (std::size_t i = trailing_from; i < items.size(); ++i) {
    const auto& s = items[i].signals;
    if ((!s.sentence_end && s.words <= 12) || s.words <= 3 || s.ellipsis_end || cleaner::is_headline_like(s))
      drop(items[i], "after the end of the article");
  }
}

// The lede printed again at the top of the body (maybe with other quotes or without its period).
void drop_repeated_lede(std::vector<Item>& items, const std::string& lede_key) {
  if (lede_key.empty()) return;
  int seen = 0;
  for (auto& item : items) {
    if (item.dropped()) continue;
    if (++seen > 3) break;
    auto key = cleaner::loose_key(item.text);
    const auto& shorter = key.size() < lede_key.size() ? key : lede_key;
    const auto& longer = key.size() < lede_key.size() ? lede_key : key;
    if (!shorter.empty() && longer.starts_with(shorter) && shorter.size() * 10 >= longer.size() * 8) {
      drop(item, "repeats the lede");
      return;
    }
  }
}

}  // namespace

std::string normalise_text(std::string_view text) {
  auto nfc = to_nfc(text);
  std::string out;
  out.reserve(nfc.size());
  for (std::size_t i = 0; i < nfc.size(); ++i) {
    // U+200B..U+200D zero-width spaces/joiners, U+2060 word joiner, U+FEFF BOM, U+00AD soft hyphen.
    auto at = [&](const char* bytes) { return nfc.compare(i, 3, bytes) == 0; };
    if (at("\xE2\x80\x8B") || at("\xE2\x80\x8C") || at("\xE2\x80\x8D") || at("\xE2\x81\xA0") || at("\xEF\xBB\xBF")) {
      i += 2;
      continue;
    }
    if (nfc.compare(i, 2, "\xC2\xAD") == 0) {
      i += 1;
      continue;
    }
    out += nfc[i];
  }
  return collapse_whitespace(out);
}

std::optional<std::string> boilerplate_reason(std::string_view line) {
  auto text = normalise_text(line);
  auto signals = cleaner::measure(text, 0.0);
  if (!signals.has_letters) return "no words";
  if (auto end = cleaner::end_marker(signals)) return *end;
  if (auto cue = cleaner::marker_cue(signals)) return "boilerplate cue: " + *cue;
  return std::nullopt;
}

CleanReport explain_clean_body(std::string_view title, std::string_view lede, const std::vector<Block>& blocks,
                               std::string_view author) {
  std::vector<Item> items;
  items.reserve(blocks.size());
  for (const auto& block : blocks) {
    auto text = normalise_text(block.text);
    auto signals = cleaner::measure(text, block.link_density);
    items.push_back({std::move(text), block.kind, std::move(signals), {}});
  }
  judge_alone(items, cleaner::loose_key(normalise_text(title)));
  drop_repeated_short_lines(items);
  auto sections = drop_teaser_sections(items);
  drop_truncated_teasers(items);
  drop_pull_quotes(items);
  cut_after_end(items, sections);
  drop_author_bio(items, author);
  CleanReport report;
  report.body.lede = normalise_text(lede);
  trim_edges(items, cleaner::is_prose(cleaner::measure(report.body.lede, 0.0)));
  drop_repeated_lede(items, cleaner::loose_key(report.body.lede));
  for (auto& item : items) {
    if (!item.dropped()) report.body.paragraphs.push_back(item.text);
    report.decisions.push_back({std::move(item.text), !item.dropped(), std::move(item.reason)});
  }
  // An article that is all lede (a one-paragraph brief) keeps it as its body too.
  if (report.body.paragraphs.empty() && !report.body.lede.empty()) report.body.paragraphs.push_back(report.body.lede);
  return report;
}

CleanedBody clean_body(std::string_view title, std::string_view lede, const std::vector<Block>& blocks,
                       std::string_view author) {
  return explain_clean_body(title, lede, blocks, author).body;
}

}  // namespace newsdex
