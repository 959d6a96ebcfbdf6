// Viterbi decoding of the best well-formed BILOU label sequence for one sentence.
#pragma once

#include <cstddef>
#include <vector>

#include "common/entities/labels.hpp"
#include "common/entities/transitions.hpp"

namespace newsdex::ner {

// emissions: token_count rows of kLabels scores. Ill-formed BILOU sequences are never returned.
std::vector<Label> viterbi(const std::vector<float>& emissions, std::size_t token_count,
                           const Transitions& transitions);

}  // namespace newsdex::ner
