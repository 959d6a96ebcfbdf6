#include "common/ner/viterbi.hpp"

#include <array>
#include <limits>

namespace newsdex::ner {
namespace {

constexpr float kImpossible = -std::numeric_limits<float>::infinity();

bool allowed_start(Label label) { return allowed_transition(kOutside, label); }
bool allowed_end(Label label) {
  return label == kOutside || label_position(label) == Position::last || label_position(label) == Position::unit;
}

constexpr auto kAllowed = [] {
  std::array<std::array<bool, kLabels>, kLabels> allowed{};
  for (int p = 0; p < kLabels; ++p) {
    for (int l = 0; l < kLabels; ++l) allowed[p][l] = allowed_transition(static_cast<Label>(p), static_cast<Label>(l));
  }
  return allowed;
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
      for (int p = 0; p < kLabels; ++p) {
        if (!kAllowed[p][l] || score[p] == kImpossible) continue;
        const float candidate = score[p] + transitions.next[p][l];
        if (candidate > best) {
          best = candidate;
          best_previous = static_cast<Label>(p);
        }
      }
      next_score[l] = best == kImpossible ? kImpossible : best + emission[l];
      back[t][l] = best_previous;
    }
    score = next_score;
  }
  float best = kImpossible;
  Label last = kOutside;
  for (int l = 0; l < kLabels; ++l) {
    if (!allowed_end(static_cast<Label>(l)) || score[l] == kImpossible) continue;
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
