// Label transition scores of the first-order sequence model, shared by training and tagging.
#pragma once

#include <array>

#include "common/entities/labels.hpp"

namespace newsdex::ner {

struct Transitions {
  std::array<float, kLabels> start{};  // score of a sentence starting with each label
  std::array<float, kLabels> end{};    // score of a sentence ending with each label
  std::array<std::array<float, kLabels>, kLabels> next{};  // next[previous][label]
};

}  // namespace newsdex::ner
