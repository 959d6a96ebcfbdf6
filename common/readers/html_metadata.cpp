#include "common/readers/html_metadata.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <vector>

#include "common/base/dates.hpp"
#include "common/base/text.hpp"
#include "common/readers/byline.hpp"
#include "common/readers/headline.hpp"
#include "common/readers/html_hints.hpp"
#include "common/readers/html_json_ld.hpp"

namespace newsdex::html {
namespace {

std::string visible_text(const GumboNode* node, std::size_t limit = 4096) {
  return collapse_whitespace(inner_text(node, limit));
}

// What one walk over the page collects; read_metadata then applies the precedence rules.
struct Findings {
  std::map<std::string, std::string> meta;  // lower-cased name/property/itemprop -> first content
  std::string canonical, title, h1, time_datetime, published_time_element, byline, visible_date, standfirst;
  int byline_rank = 0;  // 1: rel/itemprop author, 2: class "author", 3: class "byline"
  std::vector<std::string> json_ld;
  // Above the running text: heading-like elements (with the text block each is at), the first byline
  // printed as a line ("Posted on DATE by A", "By A | DATE", a name over a role) and dates in short lines.
  std::vector<HeadingSeen> headings;
  std::vector<std::size_t> heading_blocks;
  std::string byline_line, credit_line;
  std::vector<std::pair<std::size_t, std::string>> dates_above_text;  // (text block, ISO date)
  std::size_t text_blocks = 0;                                        // text blocks seen so far
  std::size_t elements_above_text = 0;  // elements read above the running text (at most max_elements_above_text)
  std::size_t text_start = 0;           // the text block where running text starts (when text_started)
  bool text_started = false;
  std::string running_text;  // the first paragraphs of running text
};

// Elements that make a block of text of their own.
bool is_text_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_DD:
      return true;
    default:
      return false;
  }
}

bool has_own_text(const GumboNode* node) {
  const auto& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT &&
        std::string_view(child->v.text.text).find_first_not_of(" \t\r\n") != std::string_view::npos)
      return true;
  }
  return false;
}

std::string strip_by(std::string text) {
  for (std::string_view prefix : {"By ", "by ", "BY ", "Von ", "Par ", "Por ", "Di "})
    if (text.starts_with(prefix)) return collapse_whitespace(text.substr(prefix.size()));
  return text;
}

void note_byline(const GumboNode* node, Findings& found) {
  int rank = is_marked_author(node) ? 1 : class_and_id(node).find("author") != std::string::npos ? 2 : 3;
  if (found.byline_rank && found.byline_rank <= rank) return;
  // The first line only: bylines often run on into the author's bio or the date.
  auto lines = inner_text(node, 400);
  auto first = lines.find_first_not_of(" \t\r\n");
  auto end = first == std::string::npos ? first : lines.find('\n', first);
  auto text =
      strip_by(collapse_whitespace(first == std::string::npos ? std::string{} : lines.substr(first, end - first)));
  if (auto byline = read_byline(text); byline && !byline->authors.empty()) text = join_authors(byline->authors);
  if (text.size() < 3 || text.size() > 80 || text.starts_with("http")) return;
  found.byline = text;
  found.byline_rank = rank;
}

// The lines of a short element above the running text: a heading, a byline line, a date line.
void note_line_above_text(const GumboNode* node, GumboTag tag, const std::string& text, Findings& found) {
  bool heading_tag = tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2;
  auto words = count_words(text);
  if ((heading_tag ||
       (contains_any(class_and_id(node), {"headline", "title", "heading"}) && !looks_like_standfirst(node))) &&
      words >= 1 && words <= 40 && (found.headings.empty() || found.headings.back().text != text)) {
    found.headings.push_back({text, tag == GUMBO_TAG_H1, 0});
    found.heading_blocks.push_back(found.text_blocks);
  }
  auto lines = inner_text(node, 400);
  std::vector<std::string> own_lines;
  for (std::size_t start = 0; start < lines.size();) {
    auto end = std::min(lines.find('\n', start), lines.size());
    if (auto line = collapse_whitespace(std::string_view(lines).substr(start, end - start)); !line.empty())
      own_lines.push_back(line);
    start = end + 1;
  }
  for (std::size_t i = 0; i < own_lines.size() && found.byline_line.empty(); ++i) {
    if (auto byline = read_byline(own_lines[i]); byline && !byline->authors.empty())
      found.byline_line = join_authors(byline->authors);
    else if (i + 1 < own_lines.size() && is_person_name(own_lines[i]) && is_role_line(own_lines[i + 1]))
      found.byline_line = own_lines[i];  // a name over its role
  }
  if (has_own_text(node) || tag == GUMBO_TAG_TIME)
    if (auto date = parse_date(text)) found.dates_above_text.emplace_back(found.text_blocks, *date);
}

// How many elements above the running text are read for headings, bylines and dates: a bound on the
// work, since a page nested thousands of levels deep would otherwise have its text read once per level.
constexpr std::size_t max_elements_above_text = 1500;

bool is_running_text(const GumboNode* node, const std::string& text) {
  return count_words(text) >= 25 && !looks_like_standfirst(node);
}

// Running text starts at the first paragraph of 25 words or more that is not a standfirst. Above it,
// each text block is read for headings, bylines and dates; below it, paragraphs for more running text
// (what the headline announces) and for a credit line.
void note_text_block(const GumboNode* node, GumboTag tag, Findings& found) {
  if (!is_text_block(tag)) return;
  if (found.text_started) {
    if (tag != GUMBO_TAG_P) return;  // a <p> holds no other block: each text is read once
    auto text = visible_text(node, 2048);
    if (found.running_text.size() < 2000 && is_running_text(node, text)) found.running_text += text + " ";
    if (found.credit_line.empty() && text.size() <= 300)
      if (auto authors = read_credit_line(text)) found.credit_line = join_authors(*authors);
    return;
  }
  bool own_text = has_own_text(node);
  bool counted = tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_HEADER;
  if (!counted && !own_text && tag != GUMBO_TAG_DIV) return;
  bool within_budget = found.elements_above_text < max_elements_above_text;
  if (!within_budget && tag != GUMBO_TAG_P) return;
  ++found.elements_above_text;
  auto text = visible_text(node, 2048);
  if (text.empty()) return;
  if ((tag == GUMBO_TAG_P || (tag == GUMBO_TAG_DIV && own_text)) && is_running_text(node, text)) {
    found.text_started = true;
    found.text_start = found.text_blocks;
    found.running_text = text + " ";
    return;
  }
  if (within_budget && text.size() <= 300) note_line_above_text(node, tag, text, found);
  if (counted || own_text) ++found.text_blocks;
}

void visit_body_element(const GumboNode* node, GumboTag tag, Findings& found) {
  if (tag == GUMBO_TAG_H1 && found.h1.empty()) found.h1 = visible_text(node);
  note_text_block(node, tag, found);
  if (tag == GUMBO_TAG_TIME) {
    auto datetime = attribute(node, "datetime");
    if (!datetime.empty()) {
      bool published = gumbo_get_attribute(&node->v.element.attributes, "pubdate") ||
                       ascii_lower(attribute(node, "itemprop")) == "datepublished" ||
                       contains_any(class_and_id(node), {"publish", "posted"});
      if (published && found.published_time_element.empty()) found.published_time_element = datetime;
      if (found.time_datetime.empty()) found.time_datetime = datetime;
    }
  }
  if (looks_like_byline(node)) note_byline(node, found);
  auto hints = class_and_id(node);
  if (found.visible_date.empty() && contains_any(hints, {"date", "time", "publish", "posted", "byline", "meta"})) {
    auto text = visible_text(node, 400);
    if (text.size() <= 200)
      if (auto date = parse_date(text)) found.visible_date = *date;
  }
  // A standfirst follows the headline; before it, a "summary" or "intro" is a teaser or a site blurb.
  if (found.standfirst.empty() && (!found.h1.empty() || !found.headings.empty()) && tag != GUMBO_TAG_A &&
      looks_like_standfirst(node)) {
    auto text = visible_text(node);
    if (text.size() >= 40 && text.size() <= 600) found.standfirst = text;
  }
}

Findings walk(const Document& document) {
  Findings found;
  auto visit = [&](const GumboNode* node, bool in_body) {
    auto tag = tag_of(node);
    if (tag == GUMBO_TAG_SCRIPT) {
      if (ascii_lower(attribute(node, "type")).find("ld+json") != std::string::npos)
        found.json_ld.push_back(inner_text(node, 4 << 20));
      return false;
    }
    if (tag == GUMBO_TAG_META) {
      auto content = attribute(node, "content");
      if (content.empty()) return false;
      // itemprop="datePublished dateCreated" names two properties at once.
      for (const char* key : {"property", "name", "itemprop"}) {
        auto names = ascii_lower(attribute(node, key));
        std::size_t start = 0;
        while (start < names.size()) {
          auto end = std::min(names.find(' ', start), names.size());
          if (end > start) found.meta.try_emplace(names.substr(start, end - start), collapse_whitespace(content));
          start = end + 1;
        }
      }
      return false;
    }
    if (tag == GUMBO_TAG_LINK) {
      if (ascii_lower(attribute(node, "rel")) == "canonical" && found.canonical.empty())
        found.canonical = attribute(node, "href");
      return false;
    }
    if (tag == GUMBO_TAG_TITLE) {
      if (found.title.empty()) found.title = visible_text(node);
      return false;
    }
    if (tag != GUMBO_TAG_HEAD && (is_invisible_tag(tag) || is_hidden(node) || is_always_boilerplate(node)))
      return false;
    // Comment sections and their forms have "author" fields and dates of their own.
    if (in_body && (tag == GUMBO_TAG_LABEL || contains_any(class_and_id(node), {"comment", "respond", "reply"})))
      return false;
    if (in_body) visit_body_element(node, tag, found);
    return true;
  };
  if (auto* head = document.head())
    for_each_element(head, [&](const GumboNode* node, int) { return visit(node, false); });
  if (auto* body = document.body())
    for_each_element(body, [&](const GumboNode* node, int) { return visit(node, true); });
  return found;
}

std::string first_meta(const Findings& found, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto hit = found.meta.find(name);
    if (hit != found.meta.end() && !hit->second.empty()) return hit->second;
  }
  return {};
}

std::string first_date(std::initializer_list<std::string> candidates) {
  for (const auto& candidate : candidates)
    if (!candidate.empty())
      if (auto date = parse_date(candidate)) return *date;
  return {};
}

std::string first_of(std::initializer_list<std::string> candidates) {
  for (const auto& candidate : candidates)
    if (!candidate.empty()) return candidate;
  return {};
}

TitleEvidence title_evidence(Findings& found, const std::string& ld_headline, const std::string& site,
                             const std::string& url) {
  TitleEvidence evidence;
  evidence.declared = first_meta(found, {"og:title", "twitter:title"});
  evidence.declared_source = found.meta.contains("og:title") ? "og:title" : "twitter:title";
  if (evidence.declared.empty()) evidence.declared = ld_headline, evidence.declared_source = "json-ld headline";
  evidence.title_element = found.title;
  evidence.site = site;
  evidence.url = url;
  auto text_at = found.text_started ? found.text_start : found.text_blocks;
  for (std::size_t i = 0; i < found.headings.size(); ++i)
    found.headings[i].blocks_to_text = text_at > found.heading_blocks[i] ? text_at - found.heading_blocks[i] : 0;
  evidence.headings = found.headings;
  // A page whose headline comes after some running text (a long site blurb first) still has its <h1>.
  if (evidence.headings.empty() && !found.h1.empty()) evidence.headings.push_back({found.h1, true, 0});
  evidence.running_text = found.running_text;
  return evidence;
}

// The date printed nearest below the headline (a masthead shows the day the page was saved above it),
// else the nearest above it.
std::string date_below_heading(const Findings& found, const std::string& title) {
  std::size_t heading_at = 0;
  for (std::size_t i = 0; i < found.headings.size(); ++i)
    if (found.headings[i].text == title) heading_at = found.heading_blocks[i];
  std::string above;
  for (const auto& [at, iso] : found.dates_above_text) {
    if (at >= heading_at) return iso;
    above = iso;
  }
  return above;
}

}  // namespace

PageMetadata read_metadata(const Document& document) {
  auto found = walk(document);
  auto ld = read_json_ld(found.json_ld);
  PageMetadata page;
  page.url = first_of({found.canonical, first_meta(found, {"og:url"}), ld.url});
  // Some sites put their address where their name goes.
  auto name = [](std::string text) { return text.starts_with("http") ? std::string{} : text; };
  page.source = first_of(
      {name(first_meta(found, {"og:site_name"})), name(ld.publisher), name(first_meta(found, {"application-name"}))});
  auto choice = choose_page_title(title_evidence(found, ld.headline, page.source, page.url));
  page.title = std::move(choice.title);
  page.title_source = std::move(choice.source);
  page.published = first_date(
      {ld.published, first_meta(found, {"article:published_time"}),
       first_meta(found, {"datepublished", "article:published"}), found.published_time_element, found.time_datetime,
       first_meta(found, {"pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.date",
                          "dcterms.created", "parsely-pub-date", "sailthru.date", "og:published_time",
                          "article.published", "originalpublicationdate"}),
       found.visible_date, date_below_heading(found, page.title)});
  auto meta_author = strip_by(
      first_meta(found, {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"}));
  if (meta_author.starts_with("http") || fold_key(meta_author) == fold_key(page.source)) meta_author.clear();
  page.author = first_of({strip_by(ld.author), meta_author, found.byline, found.byline_line, found.credit_line});
  page.description =
      first_of({first_meta(found, {"og:description", "description", "twitter:description"}), ld.description});
  page.standfirst = found.standfirst;
  page.structured_body = ld.body;
  return page;
}

}  // namespace newsdex::html
