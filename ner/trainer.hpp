// Training of the tagger: a structured averaged perceptron (Collins 2002) over the same features and
// Viterbi decoding the tagger uses, with the number of epochs chosen on a development set.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/entities/gazetteer.hpp"
#include "common/entities/model.hpp"
#include "ner/conll.hpp"
#include "ner/evaluation.hpp"

namespace newsdex::ner {

struct TrainingOptions {
  int epochs = 12;          // upper bound; the model of the best epoch on the development set is kept
  std::uint64_t seed = 20031;  // document order is shuffled each epoch with this seed: runs are reproducible
  std::size_t cached_words = 8000;  // frequent words whose word-only feature sums the tagger precomputes
};

struct EpochReport {
  int epoch = 0;
  double train_seconds = 0;
  std::size_t features = 0;  // features with a non-zero weight so far
  Evaluation development;
};

// Trains on `training`; after each epoch evaluates the averaged weights on `development` and returns the
// best model. `on_epoch` is called after every epoch (for progress logs).
Model train_model(const std::vector<LabelledDocument>& training, const std::vector<LabelledDocument>& development,
                  const Gazetteer& gazetteer, const TrainingOptions& options,
                  const std::function<void(const EpochReport&)>& on_epoch);

// Tags `documents` with `model` and compares with their gold spans.
Evaluation evaluate_model(const Model& model, const Gazetteer& gazetteer,
                          const std::vector<LabelledDocument>& documents);

}  // namespace newsdex::ner
