// Finding a page's main content: the text blocks of the article, without navigation, teasers,
// share buttons, comment sections and the like. A Readability-style scorer (see docs/html.md).
#pragma once
#include <gumbo.h>

#include <string_view>
#include <vector>

#include "common/readers/cleaner.hpp"

namespace newsdex::html {

struct ContentHints {
  std::string_view title;            // the headline, dropped when it repeats inside the content
  std::string_view structured_body;  // JSON-LD articleBody when the page has one: a check on the result
};

// The article's blocks in page order (headings, list items and quotes keep their kind; captions are
// dropped). Empty when the page has no paragraph of text.
std::vector<Block> extract_main_content(const GumboNode* body, const ContentHints& hints);

}  // namespace newsdex::html
