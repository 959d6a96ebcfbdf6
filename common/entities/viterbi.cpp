#include "common/entities/viterbi.hpp"

#include <array>
#include <limits>

namespace newsdex::ner {
namespace {

constexpr float kImpossible = -std::numeric_limits<float>::infinity();

bool allowed_start(Label label) { return allowed_transition(kOutside, label); }
bool allowed_end(Label label) {
  return label == kOutside || label_position(label) == Position::last || label_position(label) == Position::unit;
}

// For each label, the labels that may precede it: 9 for O/B/U, 2 for I/L. Looping over these instead of
// all 17 keeps decoding cheap and ill-formed sequences impossible.
struct Predecessors {
  std::array<std::array<Label, kLabels>, kLabels> labels{};
  std::array<int, kLabels> count{};
};

constexpr Predecessors kPredecessors = [] {
  Predecessors p{};
  for (int l = 0; l < kLabels; ++l) {
    for (int previous = 0; previous < kLabels; ++previous) {
      if (allowed_transition(static_cast<Label>(previous), static_cast<Label>(l))) {
        p.labels[l][p.count[l]++] = static_cast<Label>(previous);
      }
    }
  }
  return p;
}();

}  // namespace

std::vector<Label> viterbi(const std::vector<float>& emissions, std::size_t token_count,
                           const Transitions& transitions) {
  std::vector<Label> labels(token_count, kOutside);
  if (token_count == 0) return labels;
  std::vector<std::array<Label, kLabels>> back(token_count);
  std::array<float, kLabels> score{}, next_score{};
  for (int l = 0; l < kLabels; ++l) {
    score[l] = allowed_start(static_cast<Label>(l)) ? transitions.start[l] + emissions[l] : kImpossible;
  }
  for (std::size_t t = 1; t < token_count; ++t) {
    const float* emission = &emissions[t * kLabels];
    for (int l = 0; l < kLabels; ++l) {
      float best = kImpossible;
      Label best_previous = kOutside;
      for (int k = 0; k < kPredecessors.count[l]; ++k) {
        const Label p = kPredecessors.labels[l][k];
        const float candidate = score[p] + transitions.next[p][l];
        if (candidate > best) {
          best = candidate;
          best_previous = p;
        }
      }
      next_score[l] = best + emission[l];
      back[t][l] = best_previous;
    }
    score = next_score;
  }
  float best = kImpossible;
  Label last = kOutside;
  for (int l = 0; l < kLabels; ++l) {
    if (!allowed_end(static_cast<Label>(l))) continue;
    const float candidate = score[l] + transitions.end[l];
    if (candidate > best) {
      best = candidate;
      last = static_cast<Label>(l);
    }
  }
  labels[token_count - 1] = last;
  for (std::size_t t = token_count - 1; t > 0; --t) labels[t - 1] = back[t][labels[t]];
  return labels;
}

}  // namespace newsdex::ner
