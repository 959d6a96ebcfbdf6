#include "common/readers/html_hints.hpp"

#include <algorithm>
#include <string>

#include "common/base/text.hpp"
#include "common/readers/html_dom.hpp"

namespace newsdex::html {
namespace {

int weight_of(std::string_view hint) {
  if (hint.empty()) return 0;
  int weight = 0;
  if (contains_any(hint, {"-ad-", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr", "masthead",
                          "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
                          "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "newsletter", "social",
                          "recommend", "popular", "trending", "subscribe"}) ||
      hint == "hid" || hint == "hidden")
    weight -= 25;
  if (contains_any(hint, {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
                          "post", "text", "blog", "story"}))
    weight += 25;
  return weight;
}

}  // namespace

bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> words) {
  for (auto word : words)
    if (haystack.find(word) != std::string_view::npos) return true;
  return false;
}

int class_weight(const GumboNode* node) {
  return weight_of(ascii_lower(attribute(node, "class"))) + weight_of(ascii_lower(attribute(node, "id")));
}

bool is_unlikely_candidate(const GumboNode* node) {
  auto tag = tag_of(node);
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || tag == GUMBO_TAG_HTML) return false;
  if (tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_HEADER) return true;
  auto hints = class_and_id(node);
  if (hints.size() <= 1) return false;
  bool unlikely = contains_any(hints, {"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
                                       "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
                                       "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
                                       "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination",
                                       "pager", "popup", "yom-remote", "newsletter", "cookie", "consent"});
  return unlikely && !contains_any(hints, {"and", "article", "body", "column", "content", "main", "shadow"});
}

bool is_always_boilerplate(const GumboNode* node) {
  auto tag = tag_of(node);
  if (tag == GUMBO_TAG_NAV) return true;
  auto role = ascii_lower(attribute(node, "role"));
  if (role == "navigation" || role == "menu" || role == "menubar" || role == "complementary" || role == "alert" ||
      role == "alertdialog" || role == "dialog" || role == "banner" || role == "contentinfo" || role == "search")
    return true;
  if (attribute(node, "aria-modal") == "true") return true;
  auto hints = class_and_id(node);
  return contains_any(hints, {"cookie-banner", "cookie-consent", "cookiebanner", "cookieconsent", "gdpr-banner"});
}

bool looks_like_widget(const GumboNode* node) {
  auto hints = class_and_id(node);
  return contains_any(hints, {"share", "social", "newsletter", "subscribe", "related", "recommend", "promo",
                              "advert", "sponsor", "outbrain", "taboola", "signup", "sign-up", "comment"});
}

bool looks_like_standfirst(const GumboNode* node) {
  // Whole class names or ids, so that "article-summary-list" or a page-wide flag list does not match.
  auto hints = class_and_id(node);
  std::size_t start = 0;
  while (start < hints.size()) {
    auto end = std::min(hints.find(' ', start), hints.size());
    auto name = std::string_view(hints).substr(start, end - start);
    start = end + 1;
    if (contains_any(name, {"list", "item", "card", "teaser", "related", "promo", "comment", "author"})) continue;
    if (contains_any(name, {"standfirst", "dek", "subtitle", "subhead", "sub-head", "summary", "lede", "deck",
                            "strapline", "sapo", "chapo", "intro", "excerpt"}))
      return true;
  }
  return false;
}

bool looks_like_byline(const GumboNode* node) {
  if (is_marked_author(node)) return true;
  auto hints = class_and_id(node);
  return contains_any(hints, {"byline", "author"}) && !contains_any(hints, {"bio", "avatar", "image", "photo"});
}

bool is_marked_author(const GumboNode* node) {
  return ascii_lower(attribute(node, "rel")) == "author" || ascii_lower(attribute(node, "itemprop")) == "author";
}

}  // namespace newsdex::html
