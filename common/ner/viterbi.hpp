// Viterbi decoding of the best well-formed BILOU label sequence for one sentence.
#pragma once

#include <cstddef>
#include <vector>

#include "common/ner/labels.hpp"
#include "common/ner/transitions.hpp"

namespace newsdex::ner {

// emissions: token_count rows of kLabels scores. Ill-formed BILOU sequences are never returned.
std::vector<Label> viterbi(const std::vector<float>& emissions, std::size_t token_count,
                           const Transitions& transitions);

}  // namespace newsdex::ner
