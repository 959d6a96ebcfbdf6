#include "ner/evaluation.hpp"

#include <algorithm>

namespace newsdex::ner {

void Evaluation::add(const std::vector<Span>& gold, const std::vector<Span>& predicted) {
  for (const Span& span : gold) {
    ++by_type[static_cast<std::size_t>(span.type)].gold;
    ++overall.gold;
  }
  for (const Span& span : predicted) {
    auto& counts = by_type[static_cast<std::size_t>(span.type)];
    ++counts.predicted;
    ++overall.predicted;
    if (std::find(gold.begin(), gold.end(), span) != gold.end()) {
      ++counts.correct;
      ++overall.correct;
    }
  }
}

}  // namespace newsdex::ner
