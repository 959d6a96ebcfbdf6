#include "common/base/article.hpp"

namespace newsdex {

std::string Article::body_text() const {
  std::string text;
  for (const auto& paragraph : paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  return text;
}

}  // namespace newsdex
