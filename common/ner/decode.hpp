// Tags a document sentence by sentence: features, emission scores, Viterbi, then the labels go into the
// document's label history for the sentences that follow. Shared by the tagger (with a trained Model)
// and by training (with the weights being learnt), so both see exactly the same features.
#pragma once

#include <span>
#include <vector>

#include "common/ner/features.hpp"
#include "common/ner/viterbi.hpp"

namespace newsdex::ner {

// Weights: anything with `void score(const SentenceFeatures&, std::vector<float>& emissions) const` and
// `const Transitions& transitions() const`.
// on_sentence(index, features, labels) sees each sentence's predicted labels before they enter the history
// (training updates the weights there; the history keeps predictions, never gold labels, as at run time).
template <class Weights, class OnSentence>
void decode_document(const FeatureExtractor& extractor, const Weights& weights, std::span<const Sentence> sentences,
                     OnSentence&& on_sentence) {
  const DocumentFacts document = extractor.analyse(sentences);
  LabelHistory history;
  SentenceFeatures features;
  std::vector<float> emissions;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    extractor.extract(document, s, history, features);
    weights.score(features, emissions);
    const std::vector<Label> labels = viterbi(emissions, features.size(), weights.transitions());
    on_sentence(s, features, labels);
    history.record(document.sentences[s], labels);
  }
}

}  // namespace newsdex::ner
