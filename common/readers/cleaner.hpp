// The cleaner: one pure function, shared by every reader, that turns the text blocks of a page into
// the article's lede and body paragraphs, dropping everything that is not the article. It judges
// blocks by general signals (see cleaner_signals.hpp and docs/readers.md), never by one site's strings.
#pragma once
#include <optional>
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

// What the cleaner did with one input block, for debugging and tests.
struct BlockDecision {
  std::string text;  // the block after Unicode and white-space normalisation
  bool kept = false;
  std::string reason;  // why it was dropped ("boilerplate cue: advertisement", "teaser", ...); empty when kept
};

struct CleanReport {
  CleanedBody body;
  std::vector<BlockDecision> decisions;  // one per input block, in order
};

// title and lede as the reader found them (either may be empty); blocks in page order; author as the
// reader found it ("A; B", "A, B"; may be empty): a closing biography of an author is not body text.
CleanedBody clean_body(std::string_view title, std::string_view lede, const std::vector<Block>& blocks,
                       std::string_view author = {});

// The same, with the decision taken on every block.
CleanReport explain_clean_body(std::string_view title, std::string_view lede, const std::vector<Block>& blocks,
                               std::string_view author = {});

// NFC, zero-width characters and soft hyphens removed, white space collapsed and trimmed.
std::string normalise_text(std::string_view text);

// Why a single line on its own is page furniture rather than article text (a marker, a prompt, a
// comment form, a copyright line), or nullopt. Readers use it on header lines before the title.
std::optional<std::string> boilerplate_reason(std::string_view line);

}  // namespace newsdex
