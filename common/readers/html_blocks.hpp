// Cutting the visible part of a page into text blocks (paragraphs, headings, list items…), and
// recording which blocks and elements each element spans, so that the content scorer can sum any
// statistic over a subtree in constant time. One pass with an explicit stack (no recursion).
#pragma once
#include <gumbo.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/readers/cleaner.hpp"

namespace newsdex::html {

struct TextBlock {
  std::string text;  // white space collapsed; '\n' where the page had one <br>
  BlockKind kind = BlockKind::paragraph;
  std::size_t chars = 0;       // characters (code points) of text
  std::size_t link_chars = 0;  // of which inside <a>
  int commas = 0;
  const GumboNode* owner = nullptr;  // the innermost block-level element holding the text
  bool unlikely = false;             // inside an element whose class/id/tag says boilerplate
};

struct ElementSpan {
  std::size_t first_block = 0, end_block = 0;      // blocks [first, end) lie inside the element
  std::size_t first_element = 0, end_element = 0;  // so do elements [first, end) in document order
  bool has_block_children = false;                 // holds block-level elements, not just inline text
};

struct PageBlocks {
  std::vector<TextBlock> blocks;
  std::unordered_map<const GumboNode*, ElementSpan> spans;  // every visited element
  std::vector<GumboTag> element_tags;                       // the visited elements' tags, in document order
};

// Blocks of everything under `root` except invisible content (scripts, hidden elements) and
// navigation. Empty when root is null.
PageBlocks segment_blocks(const GumboNode* root);

// Number of code points of UTF-8 text.
std::size_t count_chars(std::string_view text);

}  // namespace newsdex::html
