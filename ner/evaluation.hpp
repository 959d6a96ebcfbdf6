// CoNLL-style evaluation: a predicted entity counts only when its span and type both match a gold one
// exactly (as conlleval computes it).
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "common/entities/labels.hpp"

namespace newsdex::ner {

struct MentionCounts {
  std::size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / double(predicted) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct Evaluation {
  std::array<MentionCounts, kEntityTypes> by_type{};
  MentionCounts overall;
  void add(const std::vector<Span>& gold, const std::vector<Span>& predicted);
};

}  // namespace newsdex::ner
