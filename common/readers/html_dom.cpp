#include "common/readers/html_dom.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <new>

#include "common/base/text.hpp"

namespace newsdex::html {

// Each gumbo allocation is preceded by a header linking it into a list, so that everything still
// allocated when the document goes can be freed in one loop, whatever the shape of the tree.
struct alignas(std::max_align_t) AllocationHeader {
  AllocationHeader* previous = nullptr;
  AllocationHeader* next = nullptr;
};

struct Document::Allocations {
  AllocationHeader list;  // sentinel of a circular list

  Allocations() { list.previous = list.next = &list; }
  ~Allocations() {
    for (auto* header = list.next; header != &list;) {
      auto* next = header->next;
      std::free(header);
      header = next;
    }
  }
};

namespace {

void* tracked_allocate(void* userdata, std::size_t size) {
  auto* allocations = static_cast<Document::Allocations*>(userdata);
  void* memory = std::malloc(sizeof(AllocationHeader) + size);
  if (!memory) std::abort();  // gumbo cannot handle a failed allocation, and C frames cannot unwind
  auto* header = new (memory) AllocationHeader;
  header->previous = &allocations->list;
  header->next = allocations->list.next;
  allocations->list.next->previous = header;
  allocations->list.next = header;
  return header + 1;
}

void tracked_free(void* /*userdata*/, void* pointer) {
  if (!pointer) return;
  auto* header = static_cast<AllocationHeader*>(pointer) - 1;
  header->previous->next = header->next;
  header->next->previous = header->previous;
  std::free(header);
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BR: case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

const GumboNode* child_with_tag(const GumboNode* node, GumboTag tag) {
  if (!node || !is_element(node)) return nullptr;
  const auto& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (tag_of(child) == tag) return child;
  }
  return nullptr;
}

}  // namespace

Document::Document(std::string_view utf8_html) : allocations_(std::make_unique<Allocations>()) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = tracked_allocate;
  options.deallocator = tracked_free;
  options.userdata = allocations_.get();
  options.max_errors = 0;  // parse errors are not reported anywhere: do not collect them
  flat_markup_ = flatten_nesting(utf8_html, max_depth);
  const std::string_view markup = flattened() ? std::string_view(flat_markup_) : utf8_html;
  output_ = gumbo_parse_with_options(&options, markup.data(), markup.size());
}

std::string flatten_nesting(std::string_view html, std::size_t limit) {
  // Elements that never stay open (void) or are closed by their next sibling (p, li, td…).
  static constexpr std::string_view not_counted[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
      "p", "li", "dt", "dd", "td", "th", "tr", "option", "keygen", "basefont", "frame", "isindex"};
  // Elements whose content is text up to their end tag, which is not counted either.
  static constexpr std::string_view raw_text[] = {"script", "style", "textarea", "title"};
  auto is_one_of = [](const std::string& name, const auto& names) {
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
  };
  std::string flat;
  bool left_out = false;
  std::size_t copied = 0;  // html before this is in `flat` (once something was left out)
  auto leave_out = [&](std::size_t begin, std::size_t end) {
    if (!left_out) flat.reserve(html.size());
    left_out = true;
    flat.append(html.substr(copied, begin - copied));
    copied = end;
  };
  std::size_t depth = 0;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    auto rest = html.substr(at);
    if (rest.starts_with("<!--")) {
      auto end = html.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      at = end + 3;
      continue;
    }
    bool closing = rest.size() > 1 && rest[1] == '/';
    std::size_t name_start = closing ? 2 : 1;
    std::size_t name_end = name_start;
    while (name_end < rest.size() && std::isalnum(static_cast<unsigned char>(rest[name_end]))) ++name_end;
    if (name_end == name_start) {
      ++at;
      continue;
    }
    auto name = ascii_lower(rest.substr(name_start, name_end - name_start));
    auto tag_end = html.find('>', at);
    if (tag_end == std::string_view::npos) break;
    bool self_closing = tag_end > 0 && html[tag_end - 1] == '/';
    if (is_one_of(name, raw_text)) {
      // Its text is skipped up to the next end tag, and neither tag counts.
      auto end = closing ? std::string_view::npos : html.find("</", tag_end);
      at = closing ? tag_end + 1 : end == std::string_view::npos ? html.size() : end;
      continue;
    }
    if (!is_one_of(name, not_counted)) {
      if (closing) {
        if (depth > limit) leave_out(at, tag_end + 1);
        if (depth > 0) --depth;
      } else if (!self_closing && ++depth > limit) {
        leave_out(at, tag_end + 1);
      }
    }
    at = tag_end + 1;
  }
  if (!left_out) return {};
  flat.append(html.substr(copied));
  return flat;
}

// The allocation list frees the tree; gumbo_destroy_output would recurse once per nesting level.
Document::~Document() = default;

const GumboNode* Document::head() const { return child_with_tag(root(), GUMBO_TAG_HEAD); }
const GumboNode* Document::body() const { return child_with_tag(root(), GUMBO_TAG_BODY); }

bool is_element(const GumboNode* node) {
  return node && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

GumboTag tag_of(const GumboNode* node) { return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string_view attribute(const GumboNode* node, const char* name) {
  if (!is_element(node)) return {};
  auto* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found && found->value ? std::string_view(found->value) : std::string_view();
}

std::string class_and_id(const GumboNode* node) {
  std::string hints(attribute(node, "class"));
  hints += ' ';
  hints += attribute(node, "id");
  for (auto& c : hints)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return hints;
}

bool is_invisible_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OPTION: case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

bool is_hidden(const GumboNode* node) {
  if (!is_element(node)) return false;
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
  if (attribute(node, "aria-hidden") == "true") return true;
  std::string style;
  for (char c : attribute(node, "style"))
    if (c != ' ') style += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

std::string inner_text(const GumboNode* node, std::size_t max_bytes) {
  std::string text;
  // A null entry in the stack marks the end of a block element: a line break goes there.
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty() && text.size() < max_bytes) {
    auto* current = stack.back();
    stack.pop_back();
    if (!current) {
      text += '\n';
      continue;
    }
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE ||
        current->type == GUMBO_NODE_CDATA) {
      text += current->v.text.text;
      continue;
    }
    if (!is_element(current)) continue;
    auto tag = tag_of(current);
    if (current != node && (is_invisible_tag(tag) || is_hidden(current))) continue;
    bool block = is_block_tag(tag);
    if (block) {
      text += '\n';
      stack.push_back(nullptr);
    }
    const auto& children = current->v.element.children;
    for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
  if (text.size() > max_bytes) {
    auto end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // not inside a character
    text.resize(end);
  }
  return text;
}

}  // namespace newsdex::html
