#include "common/base/article.hpp"

#include "common/base/hashing.hpp"
#include "common/base/text.hpp"

namespace newsdex {

std::string Article::body_text() const {
  std::string text;
  for (const auto& paragraph : paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  return text;
}

std::string make_article_id(const Article& article) {
  if (!article.url.empty()) return "url:" + article.url;
  return "file:" + article.path + "#" + std::to_string(article.position);
}

std::string body_hash(const Article& article) { return content_hash(fold_key(article.body_text())); }

}  // namespace newsdex
