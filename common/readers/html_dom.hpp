// A parsed HTML document (libgumbo) and the small tree helpers the HTML reader modules share.
// Nothing here recurses over the tree: pages nested many thousands of levels deep must not blow the stack.
#pragma once
#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::html {

// Owns the gumbo tree. Every allocation gumbo makes is tracked, so the tree is freed without
// gumbo_destroy_output (which recurses once per nesting level).
class Document {
 public:
  // gumbo's cost grows with the square of the nesting depth (200,000 levels: 7 minutes; 20,000: 5 s),
  // so elements nested deeper than max_depth are flattened before parsing (see flatten_nesting), as
  // browsers do (Blink from 512 levels): their text is kept. flattened() says it happened.
  static constexpr std::size_t max_depth = 1000;

  explicit Document(std::string_view utf8_html);
  bool flattened() const { return !flat_markup_.empty(); }
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const GumboNode* root() const { return output_ ? output_->root : nullptr; }
  const GumboNode* head() const;  // nullptr when gumbo made none (it always does for HTML input)
  const GumboNode* body() const;

  struct Allocations;  // the tracked allocation list (an implementation detail, public for the C callbacks)

 private:
  std::unique_ptr<Allocations> allocations_;
  std::string flat_markup_;  // what was parsed when the page was flattened (gumbo's nodes point into it)
  GumboOutput* output_ = nullptr;
};

// The markup with the start and end tags of elements nested more than `limit` levels deep left out, so
// that their content joins the element at that depth; empty when nothing nests that deep. The depth is
// estimated from the tags alone: void and self-closing elements and the ones HTML closes implicitly (p,
// li, td…) are not counted; comments and the text of scripts, styles, textareas and titles are skipped.
std::string flatten_nesting(std::string_view html, std::size_t limit);

bool is_element(const GumboNode* node);  // elements and <template>
GumboTag tag_of(const GumboNode* node);    // GUMBO_TAG_UNKNOWN for non-elements
// The value of an attribute, or an empty view.
std::string_view attribute(const GumboNode* node, const char* name);
// class and id, lower-cased and joined by a space: what the boilerplate hints look at.
std::string class_and_id(const GumboNode* node);

// Content that never shows as text: scripts, styles, templates, embedded media, form controls.
bool is_invisible_tag(GumboTag tag);
// Elements hidden by the page itself (hidden attribute, aria-hidden, display:none).
bool is_hidden(const GumboNode* node);

// The visible text of a subtree: <br> and block boundaries become '\n', invisible content is skipped.
// Whitespace is not normalised (collapse_whitespace does that). Stops after max_bytes.
std::string inner_text(const GumboNode* node, std::size_t max_bytes = 1 << 20);

// Visits the elements under `root` (root included) in document order with an explicit stack.
// visit(node, depth) returns false to skip the node's children.
template <typename Visit>
void for_each_element(const GumboNode* root, Visit visit) {
  struct Frame {
    const GumboNode* node;
    int depth;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (!is_element(node)) continue;
    if (!visit(node, depth)) continue;
    const auto& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i)
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), depth + 1});
  }
}

}  // namespace newsdex::html
