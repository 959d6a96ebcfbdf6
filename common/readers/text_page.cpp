#include "common/readers/text_page.hpp"

#include "common/cleaner.hpp"
#include "common/dates.hpp"
#include "common/text.hpp"

namespace newsdex {
namespace {

std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = collapse_whitespace(text.substr(start, end - start));
    if (line.empty()) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
    } else {
      paragraphs.push_back(std::move(line));
    }
    start = end + 1;
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

}  // namespace

ReadResult read_text_page(std::string_view utf8_text, const std::string& path) {
  ReadResult result;
  auto lines = split_paragraphs(utf8_text);
  Article article;
  article.path = path;
  std::size_t next = 0;
  if (next < lines.size()) {
    if (auto date = parse_date(lines[next]); date && lines[next].size() < 60) {
      article.published = *date;
      ++next;
    }
  }
  if (next < lines.size()) article.title = lines[next++];
  std::string lede;
  if (next < lines.size()) lede = lines[next++];
  std::vector<Block> blocks;
  for (; next < lines.size(); ++next) blocks.push_back({lines[next], BlockKind::paragraph, 0.0});
  auto body = clean_body(article.title, lede, blocks);
  article.lede = body.lede;
  article.paragraphs = std::move(body.paragraphs);
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsdex
