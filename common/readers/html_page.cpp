#include "common/readers/html_page.hpp"

#include "common/cleaner.hpp"
#include "common/readers/html_content.hpp"
#include "common/readers/html_dom.hpp"
#include "common/readers/html_metadata.hpp"
#include "common/text.hpp"

namespace newsdex {
namespace {

// The meta description is the standfirst only when the page shows it as text (otherwise it is an
// invisible summary written for search engines, or a truncated first paragraph).
std::string choose_lede(const html::PageMetadata& metadata, const std::string& visible_key) {
  if (!metadata.standfirst.empty()) return metadata.standfirst;
  auto description_key = fold_key(metadata.description);
  if (description_key.size() >= 40 && visible_key.find(description_key) != std::string::npos) return metadata.description;
  return {};
}

}  // namespace

ReadResult read_html_page(std::string_view utf8_html, const std::string& path) {
  ReadResult result;
  html::Document document(utf8_html);
  auto metadata = html::read_metadata(document);
  Article article;
  article.path = path;
  article.title = metadata.title;
  article.published = metadata.published;
  article.author = metadata.author;
  article.source = metadata.source;
  article.url = metadata.url;
  auto blocks = html::extract_main_content(document.body(), {metadata.title, metadata.structured_body});
  std::string lede;
  if (!blocks.empty()) lede = choose_lede(metadata, fold_key(html::inner_text(document.body(), 8 << 20)));
  auto body = clean_body(article.title, lede, blocks);
  article.lede = std::move(body.lede);
  article.paragraphs = std::move(body.paragraphs);
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsdex
