#include "common/readers/html_metadata.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <vector>

#include "common/base/dates.hpp"
#include "common/base/text.hpp"
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
};

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
  auto text = strip_by(collapse_whitespace(first == std::string::npos ? std::string{} : lines.substr(first, end - first)));
  if (text.size() < 3 || text.size() > 80 || text.starts_with("http")) return;
  found.byline = text;
  found.byline_rank = rank;
}

void visit_body_element(const GumboNode* node, GumboTag tag, Findings& found) {
  if (tag == GUMBO_TAG_H1 && found.h1.empty()) found.h1 = visible_text(node);
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
  if (found.standfirst.empty() && !found.h1.empty() && tag != GUMBO_TAG_A && looks_like_standfirst(node)) {
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
    if (tag != GUMBO_TAG_HEAD && (is_invisible_tag(tag) || is_hidden(node) || is_always_boilerplate(node))) return false;
    // Comment sections and their forms have "author" fields and dates of their own.
    if (in_body && (tag == GUMBO_TAG_LABEL || contains_any(class_and_id(node), {"comment", "respond", "reply"})))
      return false;
    if (in_body) visit_body_element(node, tag, found);
    return true;
  };
  if (auto* head = document.head()) for_each_element(head, [&](const GumboNode* node, int) { return visit(node, false); });
  if (auto* body = document.body()) for_each_element(body, [&](const GumboNode* node, int) { return visit(node, true); });
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

}  // namespace

// Letters and digits only, lower-cased: "News Nation" and "www.newsnation.in" compare.
std::string squeeze(std::string_view text) {
  std::string out;
  for (char c : fold_key(text))
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) out += c;
  return out;
}

std::string strip_site_suffix(std::string_view title, std::string_view site, std::string_view url) {
  auto text = collapse_whitespace(title);
  auto host = url.substr(0, url.find('/', url.find("//") == std::string_view::npos ? 0 : url.find("//") + 2));
  static constexpr std::array<std::string_view, 7> separators{" | ", " - ", " – ", " — ", " :: ", " · ", " « "};
  auto site_key = fold_key(site);
  for (auto separator : separators) {
    auto cut = text.rfind(separator);
    if (cut == std::string::npos || cut == 0) continue;
    auto suffix = std::string_view(text).substr(cut + separator.size());
    auto suffix_key = fold_key(suffix);
    auto squeezed = squeeze(suffix);
    bool names_site = (!site_key.empty() && (suffix_key == site_key || site_key.find(suffix_key) != std::string::npos ||
                                             suffix_key.find(site_key) != std::string::npos)) ||
                      (squeezed.size() >= 3 && squeeze(host).find(squeezed) != std::string::npos);
    // Without a known site name, only a short tail after a bar is taken for one ("… | The Daily Example").
    auto words = std::count(suffix.begin(), suffix.end(), ' ') + 1;
    bool short_tail = separator == " | " && words <= 4;
    if (names_site || short_tail) return collapse_whitespace(text.substr(0, cut));
  }
  return text;
}

PageMetadata read_metadata(const Document& document) {
  auto found = walk(document);
  auto ld = read_json_ld(found.json_ld);
  PageMetadata page;
  page.url = first_of({found.canonical, first_meta(found, {"og:url"}), ld.url});
  // Some sites put their address where their name goes.
  auto name = [](std::string text) { return text.starts_with("http") ? std::string{} : text; };
  page.source = first_of({name(first_meta(found, {"og:site_name"})), name(ld.publisher),
                          name(first_meta(found, {"application-name"}))});
  auto title = first_of({first_meta(found, {"og:title", "twitter:title"}), ld.headline, found.h1});
  if (title.empty()) title = found.title;
  page.title = strip_site_suffix(title, page.source, page.url);
  page.published = first_date({ld.published, first_meta(found, {"article:published_time"}),
                               first_meta(found, {"datepublished", "article:published"}), found.published_time_element,
                               found.time_datetime,
                               first_meta(found, {"pubdate", "publishdate", "publish-date", "date", "dc.date",
                                                  "dc.date.issued", "dcterms.date", "dcterms.created",
                                                  "parsely-pub-date", "sailthru.date", "og:published_time",
                                                  "article.published", "originalpublicationdate"}),
                               found.visible_date});
  auto meta_author = strip_by(first_meta(found, {"author", "article:author", "parsely-author", "sailthru.author",
                                                  "dc.creator", "byl"}));
  if (meta_author.starts_with("http") || fold_key(meta_author) == fold_key(page.source)) meta_author.clear();
  page.author = first_of({strip_by(ld.author), meta_author, found.byline});
  page.description = first_of({first_meta(found, {"og:description", "description", "twitter:description"}), ld.description});
  page.standfirst = found.standfirst;
  page.structured_body = ld.body;
  return page;
}

}  // namespace newsdex::html
