#include "common/cleaner.hpp"

#include "common/text.hpp"

namespace newsdex {

CleanedBody clean_body(std::string_view title, std::string_view lede, const std::vector<Block>& blocks) {
  (void)title;
  CleanedBody body;
  body.lede = collapse_whitespace(to_nfc(lede));
  for (const auto& block : blocks) {
    auto text = collapse_whitespace(to_nfc(block.text));
    if (text.empty()) continue;
    if (body.paragraphs.empty() && fold_key(text) == fold_key(body.lede)) continue;
    body.paragraphs.push_back(std::move(text));
  }
  return body;
}

}  // namespace newsdex
