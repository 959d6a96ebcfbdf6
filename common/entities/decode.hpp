// Tags a document sentence by sentence: features, emission scores, Viterbi, then the labels go into the
// document's label history for the sentences that follow. Shared by the tagger (with a trained Model)
// and by training (with the weights being learnt), so both see exactly the same features.
#pragma once

#include <span>
#include <vector>

#include "common/entities/features.hpp"
#include "common/entities/viterbi.hpp"

namespace newsdex::ner {

// Weights: anything with `void score(const SentenceFeatures&, std::vector<float>& emissions) const` and
// `const Transitions& transitions() const`.
//
// A document is decoded one part at a time, its parts in reading order, once the casing of every part has
// been counted: only the casing counts and the label history span the document, so a long article need not
// have all its tokens in memory at once (docs/entities.md, "Memory").
template <class Weights>
class DocumentDecoder {
 public:
  DocumentDecoder(const FeatureExtractor& extractor, const Weights& weights, const DocumentCasing& casing)
      : extractor_(extractor), weights_(weights), casing_(casing) {}

  // on_sentence(index in `part`, features, labels) sees each sentence's predicted labels before they enter
  // the history (training updates the weights there; the history keeps predictions, never gold labels, as
  // at run time).
  template <class OnSentence>
  void decode(std::span<const SentenceFacts> part, OnSentence&& on_sentence) {
    for (std::size_t s = 0; s < part.size(); ++s) {
      extractor_.extract(part[s], casing_, history_, features_);
      weights_.score(features_, emissions_);
      const std::vector<Label> labels = viterbi(emissions_, features_.size(), weights_.transitions());
      on_sentence(s, features_, labels);
      history_.record(part[s], labels);
    }
  }

 private:
  const FeatureExtractor& extractor_;
  const Weights& weights_;
  const DocumentCasing& casing_;
  LabelHistory history_;
  SentenceFeatures features_;
  std::vector<float> emissions_;
};

// A whole document at once: what training and evaluation (whole CoNLL documents) use.
template <class Weights, class OnSentence>
void decode_document(const FeatureExtractor& extractor, const Weights& weights, std::span<const Sentence> sentences,
                     OnSentence&& on_sentence) {
  const std::vector<SentenceFacts> facts = extractor.analyse(sentences);
  std::size_t tokens = 0;
  for (const Sentence& sentence : sentences) tokens += sentence.size();
  DocumentCasing casing(tokens / 2);
  for (const SentenceFacts& sentence : facts) FeatureExtractor::count_casing(sentence, casing);
  DocumentDecoder<Weights> decoder(extractor, weights, casing);
  decoder.decode(facts, on_sentence);
}

}  // namespace newsdex::ner
