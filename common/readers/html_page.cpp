#include "common/readers/html_page.hpp"

#include <algorithm>
#include <string>

#include "common/base/text.hpp"
#include "common/readers/byline.hpp"
#include "common/readers/cleaner.hpp"
#include "common/readers/html_content.hpp"
#include "common/readers/html_dom.hpp"
#include "common/readers/html_metadata.hpp"

namespace newsdex {
namespace {

std::size_t count_words(std::string_view text) {
  auto normal = collapse_whitespace(text);
  return normal.empty() ? 0 : static_cast<std::size_t>(std::count(normal.begin(), normal.end(), ' ')) + 1;
}

// Whether `text` is printed on the page as a block of its own (a line of the page's visible text).
bool shown_as_own_block(std::string_view text, const GumboNode* body) {
  auto wanted = collapse_whitespace(text);
  auto page = html::inner_text(body, 8 << 20);
  std::size_t start = 0;
  while (start < page.size()) {
    auto end = std::min(page.find('\n', start), page.size());
    if (end - start >= wanted.size() &&
        collapse_whitespace(std::string_view(page).substr(start, end - start)) == wanted)
      return true;
    start = end + 1;
  }
  return false;
}

// The lede is the standfirst: text shown between the headline and the body, outside the body. A
// standfirst element, or the meta description when the page shows it as a block of its own. When
// that text opens the body (or the description is the first paragraph cut short), it is body text.
std::string choose_lede(const html::PageMetadata& metadata, const std::vector<Block>& blocks, const GumboNode* body) {
  auto in_body = [&](const std::string& text) {
    auto key = fold_key(text);
    while (!key.empty() && (key.back() == '.' || key.back() == ' ')) key.pop_back();  // "…" cut marks
    if (key.ends_with("\u2026")) key.resize(key.size() - 3);
    return std::any_of(blocks.begin(), blocks.end(), [&](const Block& block) {
      auto block_key = fold_key(block.text);
      return block_key.starts_with(key) || (block_key.size() >= 20 && key.starts_with(block_key));
    });
  };
  if (blocks.empty()) return {};
  if (!metadata.standfirst.empty() && !in_body(metadata.standfirst)) return metadata.standfirst;
  if (count_words(metadata.description) >= 8 && !in_body(metadata.description) &&
      shown_as_own_block(metadata.description, body))
    return metadata.description;
  return {};
}

// A byline or credit line inside the article's container ("Posted on DATE by A", "Reporting by A;
// Editing by B") names the authors (read_metadata has read it); it is never body text.
std::vector<Block> drop_byline_blocks(std::vector<Block> blocks) {
  std::erase_if(blocks, [](const Block& block) {
    return block.text.size() <= 300 && (read_byline(block.text) || read_credit_line(block.text));
  });
  return blocks;
}

}  // namespace

ReadResult read_html_page(std::string_view utf8_html, const std::string& path) {
  ReadResult result;
  html::Document document(utf8_html);
  auto metadata = html::read_metadata(document);
  Article article;
  article.path = path;
  article.title = metadata.title;
  article.title_source = metadata.title_source;
  article.published = metadata.published;
  article.author = metadata.author;
  article.source = metadata.source;
  article.url = metadata.url;
  if (document.flattened())
    article.warnings.push_back("HTML nested more than " + std::to_string(html::Document::max_depth) +
                               " levels deep: read as if the deeper elements were at that depth");
  auto blocks =
      drop_byline_blocks(html::extract_main_content(document.body(), {metadata.title, metadata.structured_body}));
  auto lede = choose_lede(metadata, blocks, document.body());
  auto body = clean_body(article.title, lede, blocks, article.author);
  article.lede = std::move(body.lede);
  article.paragraphs = std::move(body.paragraphs);
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsdex
