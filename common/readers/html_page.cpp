#include "common/readers/html_page.hpp"

#include <gumbo.h>

#include <memory>

#include "common/cleaner.hpp"
#include "common/dates.hpp"
#include "common/text.hpp"

namespace newsdex {
namespace {

struct GumboDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

void collect_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const auto& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) collect_text(static_cast<const GumboNode*>(children.data[i]), out);
}

struct PageParts {
  std::string title, og_title, published, paragraphs_text;
  std::vector<Block> blocks;
};

void walk(const GumboNode* node, PageParts& parts) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  auto tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return;
  if (tag == GUMBO_TAG_TITLE && parts.title.empty()) {
    collect_text(node, parts.title);
    return;
  }
  if (tag == GUMBO_TAG_META) {
    auto* property = gumbo_get_attribute(&node->v.element.attributes, "property");
    auto* content = gumbo_get_attribute(&node->v.element.attributes, "content");
    if (property && content) {
      std::string name = property->value;
      if (name == "og:title") parts.og_title = content->value;
      if (name == "article:published_time") parts.published = content->value;
    }
  }
  if (tag == GUMBO_TAG_P) {
    std::string text;
    collect_text(node, text);
    parts.blocks.push_back({collapse_whitespace(text), BlockKind::paragraph, 0.0});
    return;
  }
  const auto& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) walk(static_cast<const GumboNode*>(children.data[i]), parts);
}

}  // namespace

ReadResult read_html_page(std::string_view utf8_html, const std::string& path) {
  ReadResult result;
  std::unique_ptr<GumboOutput, GumboDeleter> output(gumbo_parse_with_options(
      &kGumboDefaultOptions, utf8_html.data(), utf8_html.size()));
  PageParts parts;
  walk(output->root, parts);
  Article article;
  article.path = path;
  article.title = collapse_whitespace(parts.og_title.empty() ? parts.title : parts.og_title);
  if (auto date = parse_date(parts.published)) article.published = *date;
  auto body = clean_body(article.title, "", parts.blocks);
  article.lede = body.lede;
  article.paragraphs = std::move(body.paragraphs);
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsdex
