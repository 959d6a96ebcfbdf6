#include "common/readers/html_content.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "common/base/text.hpp"
#include "common/readers/html_blocks.hpp"
#include "common/readers/html_dom.hpp"
#include "common/readers/html_hints.hpp"

namespace newsdex::html {
namespace {

// The three things a retry relaxes, as Readability does when the first try finds too little text.
struct Pass {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

constexpr std::size_t enough_text = 500;  // characters: below this a stricter pass is retried looser

// Counts of an element kind over document order, so a subtree's count is one subtraction.
class ElementCounts {
 public:
  ElementCounts(const std::vector<GumboTag>& tags, std::initializer_list<GumboTag> wanted) : prefix_(tags.size() + 1) {
    for (std::size_t i = 0; i < tags.size(); ++i)
      prefix_[i + 1] = prefix_[i] + (std::find(wanted.begin(), wanted.end(), tags[i]) != wanted.end() ? 1 : 0);
  }
  int in(const ElementSpan& span) const { return prefix_[span.end_element] - prefix_[span.first_element]; }

 private:
  std::vector<int> prefix_;
};

class Extractor {
 public:
  Extractor(const PageBlocks& page, const ContentHints& hints)
      : page_(page),
        hints_(hints),
        paragraphs_(page.element_tags, {GUMBO_TAG_P}),
        images_(page.element_tags, {GUMBO_TAG_IMG}),
        list_items_(page.element_tags, {GUMBO_TAG_LI}),
        inputs_(page.element_tags, {GUMBO_TAG_INPUT, GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_BUTTON}),
        embeds_(page.element_tags, {GUMBO_TAG_IFRAME, GUMBO_TAG_EMBED, GUMBO_TAG_OBJECT}),
        headlines_(page.element_tags, {GUMBO_TAG_H1}) {}

  std::vector<Block> run() {
    // JSON-LD articleBody, when the page has a real one, checks each try: a try that misses most of
    // its words found the wrong container.
    auto structured_words = word_set(hints_.structured_body);
    bool check_structured = count_chars(hints_.structured_body) >= enough_text && structured_words.size() >= 20;
    std::vector<Block> best;
    double best_quality = -1;
    for (auto pass : {Pass{true, true, true}, Pass{false, true, true}, Pass{false, false, true}, Pass{false, false, false}}) {
      auto blocks = extract(pass);
      std::size_t chars = 0;
      for (const auto& block : blocks) chars += count_chars(block.text);
      double coverage = check_structured ? covered_share(structured_words, blocks) : 1.0;
      if (chars >= enough_text && coverage >= 0.6) return blocks;
      double quality = coverage * static_cast<double>(std::min(chars, enough_text));
      if (quality > best_quality) best = std::move(blocks), best_quality = quality;
    }
    if (check_structured && covered_share(structured_words, best) < 0.5) return structured_blocks();
    return best;
  }

 private:
  using WordSet = std::unordered_set<std::string>;

  // Lower-cased words (ASCII letters and digits, and any non-ASCII character) of a text.
  static WordSet word_set(std::string_view text) {
    WordSet words;
    std::string word;
    for (char c : text) {
      auto byte = static_cast<unsigned char>(c);
      if (std::isalnum(byte) || byte >= 0x80) {
        word += static_cast<char>(std::tolower(byte));
      } else if (!word.empty()) {
        words.insert(std::move(word));
        word.clear();
      }
    }
    if (!word.empty()) words.insert(std::move(word));
    return words;
  }

  static double covered_share(const WordSet& wanted, const std::vector<Block>& blocks) {
    if (wanted.empty()) return 1.0;
    WordSet found;
    for (const auto& block : blocks) found.merge(word_set(block.text));
    auto covered = std::count_if(wanted.begin(), wanted.end(), [&](const auto& word) { return found.count(word) > 0; });
    return static_cast<double>(covered) / static_cast<double>(wanted.size());
  }

  // The JSON-LD articleBody as paragraphs: the fallback when the page's markup defeats the scorer.
  std::vector<Block> structured_blocks() const {
    std::vector<Block> blocks;
    std::string_view text = hints_.structured_body;
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = std::min(text.find('\n', start), text.size());
      auto line = collapse_whitespace(text.substr(start, end - start));
      if (!line.empty()) blocks.push_back({line, BlockKind::paragraph, 0.0});
      start = end + 1;
    }
    return blocks;
  }

  const ElementSpan* span_of(const GumboNode* node) const {
    auto found = page_.spans.find(node);
    return found == page_.spans.end() ? nullptr : &found->second;
  }

  bool counts(const TextBlock& block) const { return !(pass_.strip_unlikely && block.unlikely) && !removed_[&block - page_.blocks.data()]; }

  struct TextStats {
    std::size_t chars = 0, link_chars = 0, quote_chars = 0;
    int commas = 0;
    double link_density() const { return chars ? static_cast<double>(link_chars) / static_cast<double>(chars) : 0.0; }
  };

  // Sums over the blocks a pass reads, in document order: a subtree's totals are one subtraction.
  // Computed before cleaning: cleaning removes whole subtrees it has already looked at.
  void sum_blocks() {
    sums_.assign(page_.blocks.size() + 1, TextStats{});
    for (std::size_t i = 0; i < page_.blocks.size(); ++i) {
      const auto& block = page_.blocks[i];
      sums_[i + 1] = sums_[i];
      if (!counts(block)) continue;
      sums_[i + 1].chars += block.chars;
      sums_[i + 1].link_chars += block.link_chars;
      sums_[i + 1].commas += block.commas;
      if (block.kind == BlockKind::quote) sums_[i + 1].quote_chars += block.chars;
    }
  }

  TextStats stats_of(const ElementSpan& span) const {
    const auto& end = sums_[span.end_block];
    const auto& first = sums_[span.first_block];
    return {end.chars - first.chars, end.link_chars - first.link_chars, end.quote_chars - first.quote_chars,
            end.commas - first.commas};
  }

  double initial_score(const GumboNode* node) const {
    double score = 0;
    switch (tag_of(node)) {
      case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_SECTION: score = 5; break;
      case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: score = 3; break;
      case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
      case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: score = -3; break;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
      case GUMBO_TAG_H6: case GUMBO_TAG_TH: score = -5; break;
      default: break;
    }
    return score + (pass_.weight_classes ? class_weight(node) : 0);
  }

  // A block that is a paragraph of its own (a <p>, or a <div> with nothing but inline text) gives its
  // score to its parent first; text mixed with other blocks gives it to the element holding it.
  const GumboNode* first_scored_ancestor(const TextBlock& block) const {
    auto tag = tag_of(block.owner);
    auto* span = span_of(block.owner);
    bool own_paragraph = tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD ||
                         (span && !span->has_block_children);
    return own_paragraph ? block.owner->parent : block.owner;
  }

  void score_candidates() {
    scores_.clear();
    for (const auto& block : page_.blocks) {
      if (!counts(block) || block.chars < 25) continue;
      if (block.kind != BlockKind::paragraph && block.kind != BlockKind::quote) continue;
      double score = 1.0 + block.commas + std::min(static_cast<double>(block.chars / 100), 3.0);
      auto* node = first_scored_ancestor(block);
      for (int level = 0; level < 5 && is_element(node) && tag_of(node) != GUMBO_TAG_HTML; ++level, node = node->parent) {
        auto [entry, inserted] = scores_.try_emplace(node, 0.0);
        if (inserted) entry->second = initial_score(node);
        entry->second += score / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      }
    }
    for (auto& [node, score] : scores_)
      if (auto* span = span_of(node)) score *= 1.0 - stats_of(*span).link_density();
  }

  double score_of(const GumboNode* node) const {
    auto found = scores_.find(node);
    return found == scores_.end() ? 0.0 : found->second;
  }

  bool contains(const GumboNode* outer, const GumboNode* inner) const {
    auto* a = span_of(outer);
    auto* b = span_of(inner);
    return a && b && a->first_element <= b->first_element && b->end_element <= a->end_element;
  }

  const GumboNode* choose_top_candidate() const {
    std::vector<std::pair<double, const GumboNode*>> ranked;
    for (const auto& [node, score] : scores_) ranked.emplace_back(score, node);
    if (ranked.empty()) return nullptr;
    // Ties broken by document order so that the result never depends on hash order.
    std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first > b.first;
      return span_of(a.second)->first_element < span_of(b.second)->first_element;
    });
    auto* top = ranked.front().second;
    double top_score = ranked.front().first;
    // Several strong candidates under one ancestor: the article is split in parts, take the ancestor.
    std::vector<const GumboNode*> alternatives;
    for (std::size_t i = 1; i < ranked.size() && i < 5; ++i)
      if (ranked[i].first >= 0.75 * top_score) alternatives.push_back(ranked[i].second);
    if (alternatives.size() >= 3) {
      for (auto* parent = top->parent; is_element(parent) && tag_of(parent) != GUMBO_TAG_BODY; parent = parent->parent) {
        auto inside = std::count_if(alternatives.begin(), alternatives.end(), [&](auto* alt) { return contains(parent, alt); });
        if (inside >= 3) {
          top = parent;
          break;
        }
      }
    }
    // A parent scoring higher than the candidate holds more of the article.
    double last_score = score_of(top);
    double threshold = last_score / 3;
    for (auto* parent = top->parent; is_element(parent) && tag_of(parent) != GUMBO_TAG_BODY; parent = parent->parent) {
      if (!scores_.count(parent)) continue;
      double parent_score = score_of(parent);
      if (parent_score < threshold) break;
      if (parent_score > last_score) {
        top = parent;
        break;
      }
      last_score = parent_score;
    }
    // An only child is the same content as its parent.
    while (is_element(top->parent) && tag_of(top->parent) != GUMBO_TAG_BODY && element_children(top->parent) == 1)
      top = top->parent;
    return top;
  }

  static int element_children(const GumboNode* node) {
    int count = 0;
    const auto& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) count += is_element(static_cast<const GumboNode*>(children.data[i]));
    return count;
  }

  // The top candidate and those of its siblings that look like more of the article.
  std::vector<const GumboNode*> gather_siblings(const GumboNode* top) const {
    auto* parent = top->parent;
    if (!is_element(parent)) return {top};
    double top_score = score_of(top);
    double threshold = std::max(10.0, top_score * 0.2);
    auto top_class = attribute(top, "class");
    std::vector<const GumboNode*> kept;
    const auto& children = parent->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      auto* sibling = static_cast<const GumboNode*>(children.data[i]);
      if (sibling == top) {
        kept.push_back(sibling);
        continue;
      }
      auto* span = span_of(sibling);
      if (!span) continue;
      if (pass_.strip_unlikely && is_unlikely_candidate(sibling)) continue;
      // The article's header (headline, standfirst, byline) is not its body, whatever its class says.
      if (headlines_.in(*span) > 0 && stats_of(*span).chars < 1000) continue;
      double bonus = (!top_class.empty() && attribute(sibling, "class") == top_class) ? top_score * 0.2 : 0.0;
      if (scores_.count(sibling) && score_of(sibling) + bonus >= threshold) {
        kept.push_back(sibling);
        continue;
      }
      if (tag_of(sibling) != GUMBO_TAG_P) continue;
      auto stats = stats_of(*span);
      double density = stats.link_density();
      bool sentence = false;
      for (auto b = span->first_block; b < span->end_block; ++b) {
        const auto& text = page_.blocks[b].text;
        sentence |= text.find(". ") != std::string::npos || (!text.empty() && text.back() == '.');
      }
      if ((stats.chars > 80 && density < 0.25) || (stats.chars > 0 && stats.chars <= 80 && density == 0 && sentence))
        kept.push_back(sibling);
    }
    return kept;
  }

  bool is_data_table(const GumboNode* table) const {
    auto* span = span_of(table);
    if (!span || attribute(table, "role") == "presentation") return false;
    for (auto i = span->first_element + 1; i < span->end_element; ++i) {
      auto tag = page_.element_tags[i];
      if (tag == GUMBO_TAG_TABLE) return false;
      if (tag == GUMBO_TAG_TH || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_CAPTION) return true;
    }
    return false;
  }

  // Readability's conditional cleaning: containers inside the article that look like link lists,
  // forms, image galleries or embeds rather than text.
  bool should_remove(const GumboNode* node, const ElementSpan& span) const {
    auto tag = tag_of(node);
    int weight = pass_.weight_classes ? class_weight(node) : 0;
    auto stats = stats_of(span);
    // An embedded post (tweet, Instagram) is a quotation the article shows, whatever its wrapper is called.
    bool embedded_post = stats.quote_chars * 2 > stats.chars && stats.link_density() < 0.5;
    if (looks_like_widget(node) && stats.chars < 500 && !embedded_post) return true;
    if (!pass_.clean_conditionally) return false;
    bool container = tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL ||
                     tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_FIELDSET ||
                     tag == GUMBO_TAG_ASIDE;
    if (!container) return false;
    if (tag == GUMBO_TAG_TABLE && is_data_table(node)) return false;
    if (weight + score_of(node) < 0 && !embedded_post) return true;
    if (stats.commas >= 10) return false;
    bool list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
    int paragraphs = paragraphs_.in(span), images = images_.in(span), items = list_items_.in(span) - 100;
    int inputs = inputs_.in(span), embeds = embeds_.in(span);
    double density = stats.link_density();
    return (images > 1 && paragraphs * 2 < images) || (!list && items > paragraphs) || (inputs > paragraphs / 3) ||
           (!list && stats.chars < 25 && (images == 0 || images > 2)) || (!list && weight < 25 && density > 0.2) ||
           (list && density > 0.5) || (weight >= 25 && density > 0.5) || (embeds == 1 && stats.chars < 75) ||
           embeds > 1;
  }

  void clean(const GumboNode* root) {
    for_each_element(root, [&](const GumboNode* node, int) {
      auto* span = span_of(node);
      if (!span) return false;
      if (node == root) return true;
      if (should_remove(node, *span)) {
        for (auto i = span->first_block; i < span->end_block; ++i) removed_[i] = true;
        return false;
      }
      return true;
    });
  }

  std::vector<Block> extract(Pass pass) {
    pass_ = pass;
    removed_.assign(page_.blocks.size(), false);
    sum_blocks();
    score_candidates();
    auto* top = choose_top_candidate();
    if (!top) return {};
    auto roots = gather_siblings(top);
    for (auto* root : roots) clean(root);
    auto title_key = fold_key(hints_.title);
    std::vector<Block> blocks;
    for (auto* root : roots) {
      auto* span = span_of(root);
      for (auto i = span->first_block; i < span->end_block; ++i) {
        const auto& block = page_.blocks[i];
        if (!counts(block) || block.kind == BlockKind::caption) continue;
        if (block.kind == BlockKind::heading && (fold_key(block.text) == title_key || class_weight(block.owner) < 0))
          continue;
        double density = block.chars ? static_cast<double>(block.link_chars) / static_cast<double>(block.chars) : 0.0;
        blocks.push_back({block.text, block.kind, density});
      }
    }
    return blocks;
  }

  const PageBlocks& page_;
  const ContentHints& hints_;
  ElementCounts paragraphs_, images_, list_items_, inputs_, embeds_, headlines_;
  Pass pass_;
  std::vector<bool> removed_;
  std::vector<TextStats> sums_;
  std::unordered_map<const GumboNode*, double> scores_;
};

}  // namespace

std::vector<Block> extract_main_content(const GumboNode* body, const ContentHints& hints) {
  auto page = segment_blocks(body);
  return Extractor(page, hints).run();
}

}  // namespace newsdex::html
