#include "common/readers/html_blocks.hpp"

#include <algorithm>

#include "common/base/text.hpp"
#include "common/readers/html_dom.hpp"
#include "common/readers/html_hints.hpp"

namespace newsdex::html {
namespace {

bool starts_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
      return true;
    default:
      return false;
  }
}

// Photo captions and credits outside <figure>: "(Image: Agency)" is not article text.
// Judged by whole class names ("newsCaption", "photo-credit"), never by a flag buried in a page-wide
// class list ("f_caption_muted_videos_on" on <body>).
bool is_caption(const GumboNode* node) {
  auto tag = tag_of(node);
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE) return false;
  auto hints = class_and_id(node);
  std::size_t start = 0;
  while (start < hints.size()) {
    auto end = std::min(hints.find(' ', start), hints.size());
    auto name = std::string_view(hints).substr(start, end - start);
    if (name.ends_with("caption") || name.ends_with("credit") || name.ends_with("credits")) return true;
    start = end + 1;
  }
  return false;
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Collapses white space like a browser does, but keeps single line breaks from <br>.
std::string normalise_block_text(const std::string& raw) {
  std::string out;
  std::size_t start = 0;
  while (start <= raw.size()) {
    auto end = raw.find('\n', start);
    if (end == std::string::npos) end = raw.size();
    auto line = collapse_whitespace(std::string_view(raw).substr(start, end - start));
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    start = end + 1;
  }
  return out;
}

int count_commas(std::string_view text) {
  int commas = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') ++commas;
    else if (text.substr(i, 3) == "\xEF\xBC\x8C" || text.substr(i, 3) == "\xE3\x80\x81") ++commas;  // ， 、
  }
  return commas;
}

struct Frame {
  const GumboNode* node;
  unsigned next_child = 0;
  bool block = false;
  bool in_link = false, in_figure = false, in_quote = false, unlikely = false;
};

class Segmenter {
 public:
  explicit Segmenter(PageBlocks& page) : page_(page) {}

  void run(const GumboNode* root) {
    if (!enter(root, nullptr)) return;
    while (!stack_.empty()) {
      auto& frame = stack_.back();
      const auto& children = frame.node->v.element.children;
      if (frame.next_child >= children.length) {
        leave();
        continue;
      }
      auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA) {
        add_text(child->v.text.text, stack_.back().in_link);
      } else {
        enter(child, &stack_.back());
      }
    }
    flush();
  }

 private:
  bool enter(const GumboNode* node, const Frame* parent) {
    if (!is_element(node)) return false;
    auto tag = tag_of(node);
    if (is_invisible_tag(tag)) {
      page_.element_tags.push_back(tag);  // counted (embeds, inputs) but never read
      return false;
    }
    if (is_hidden(node) || is_always_boilerplate(node)) return false;
    if (tag == GUMBO_TAG_BR) {
      // Two <br> in a row end a paragraph; one is a line break inside it.
      auto last = buffer_.find_last_not_of(" \t\r");
      if (last != std::string::npos && buffer_[last] == '\n') flush();
      else buffer_ += '\n';
      return false;
    }
    // A table row is one block: its cells are the columns of one line of text.
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) buffer_ += ' ';
    bool caption = is_caption(node);
    Frame frame{node};
    frame.block = starts_block(tag) || caption;
    if (parent) {
      frame.in_link = parent->in_link;
      frame.in_figure = parent->in_figure;
      frame.in_quote = parent->in_quote;
      frame.unlikely = parent->unlikely;
    }
    frame.in_link |= tag == GUMBO_TAG_A;
    frame.in_figure |= tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION || tag == GUMBO_TAG_CAPTION || caption;
    frame.in_quote |= tag == GUMBO_TAG_BLOCKQUOTE;
    // A quotation is content even inside a wrapper named like a widget ("social-embed" around a tweet).
    if (tag == GUMBO_TAG_BLOCKQUOTE) frame.unlikely = false;
    frame.unlikely |= is_unlikely_candidate(node);
    if (frame.block) {
      flush();
      if (!block_stack_.empty()) page_.spans[block_stack_.back()].has_block_children = true;
      block_stack_.push_back(node);
    }
    auto& span = page_.spans[node];
    span.first_block = page_.blocks.size();
    span.first_element = page_.element_tags.size();
    page_.element_tags.push_back(tag);
    stack_.push_back(frame);
    return true;
  }

  void leave() {
    auto frame = stack_.back();
    if (frame.block) flush();
    auto& span = page_.spans[frame.node];
    span.end_block = page_.blocks.size();
    span.end_element = page_.element_tags.size();
    if (frame.block) block_stack_.pop_back();
    stack_.pop_back();
  }

  void add_text(std::string_view text, bool in_link) {
    if (in_link) link_chars_ += count_chars(collapse_whitespace(text));
    buffer_ += text;
  }

  BlockKind kind_of(GumboTag owner_tag) const {
    const auto& frame = stack_.back();
    if (frame.in_figure) return BlockKind::caption;
    if (is_heading(owner_tag)) return BlockKind::heading;
    if (frame.in_quote) return BlockKind::quote;
    if (owner_tag == GUMBO_TAG_LI || owner_tag == GUMBO_TAG_DD || owner_tag == GUMBO_TAG_DT) return BlockKind::list_item;
    return BlockKind::paragraph;
  }

  void flush() {
    if (buffer_.find_first_not_of(" \t\r\n\f") != std::string::npos && !stack_.empty()) {
      TextBlock block;
      block.text = normalise_block_text(buffer_);
      if (!block.text.empty()) {
        block.owner = block_stack_.empty() ? stack_.front().node : block_stack_.back();
        block.kind = kind_of(tag_of(block.owner));
        block.chars = count_chars(block.text);
        block.link_chars = std::min(link_chars_, block.chars);
        block.commas = count_commas(block.text);
        block.unlikely = stack_.back().unlikely;
        page_.blocks.push_back(std::move(block));
      }
    }
    buffer_.clear();
    link_chars_ = 0;
  }

  PageBlocks& page_;
  std::vector<Frame> stack_;
  std::vector<const GumboNode*> block_stack_;
  std::string buffer_;
  std::size_t link_chars_ = 0;
};

}  // namespace

std::size_t count_chars(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

PageBlocks segment_blocks(const GumboNode* root) {
  PageBlocks page;
  if (root) Segmenter(page).run(root);
  return page;
}

}  // namespace newsdex::html
