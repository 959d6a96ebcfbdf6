// The cleaner: one pure function, shared by every reader, that turns the text blocks of a page into
// the article's lede and body paragraphs, dropping everything that is not the article.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum class BlockKind { paragraph, heading, list_item, quote, caption, other };

struct Block {
  std::string text;
  BlockKind kind = BlockKind::paragraph;
  double link_density = 0.0;  // share of the block's characters inside links (HTML only)
};

struct CleanedBody {
  std::string lede;
  std::vector<std::string> paragraphs;
};

// title and lede as the reader found them (either may be empty); blocks in page order.
CleanedBody clean_body(std::string_view title, std::string_view lede, const std::vector<Block>& blocks);

}  // namespace newsdex
