// The trained tagger weights: a compact, read-only table from feature hash to the few labels the
// feature has a weight for (16-bit fixed point), plus the label transition scores.
//
// File format (little-endian), see docs/entities.md:
//   "NDXNER01" | u32 hash version | u32 labels | u64 gazetteer digest | f32 weight scale
//   | transitions: (2 + labels) * labels f32 | u64 feature count
//   | per feature, sorted by hash: u64 hash, u8 weight count | per weight: u8 label, i16 weight
//   | u32 vocabulary size | per word: u16 length, bytes (frequent training words, see cache_words)
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "common/entities/features.hpp"
#include "common/entities/flat_index.hpp"
#include "common/entities/labels.hpp"
#include "common/entities/transitions.hpp"

namespace newsdex::ner {

// Full-precision weights of one feature, as training produces them.
struct FeatureWeights {
  std::uint64_t feature = 0;
  std::array<float, kLabels> weights{};
};

class Model {
 public:
  Model() = default;
  // Quantises the weights (dropping those that round to zero) into a model.
  // `vocabulary`: frequent words whose word-only features cache_words() may sum in advance.
  static Model build(const std::vector<FeatureWeights>& features, const Transitions& transitions,
                     std::uint64_t gazetteer_digest, std::vector<std::string> vocabulary = {});
  // Throws newsdex::Error with a message naming the file when it is missing, truncated or of another version.
  static Model load(const std::filesystem::path& path);
  void save(const std::filesystem::path& path) const;

  // Sums, once, the weights of the word-only features of every vocabulary word, so that score() looks up
  // one row for such a word instead of a dozen features. Scores are the same with or without it.
  void cache_words(const FeatureExtractor& extractor);

  // Emission scores of every token of a sentence: token t's kLabels scores at emissions[t * kLabels].
  void score(const SentenceFeatures& features, std::vector<float>& emissions) const;
  const Transitions& transitions() const { return transitions_; }
  std::uint64_t gazetteer_digest() const { return gazetteer_digest_; }
  std::size_t feature_count() const { return hashes_.size(); }
  std::size_t weight_count() const { return weights_.size(); }
  std::size_t vocabulary_size() const { return vocabulary_.size(); }

 private:
  struct LabelWeight {
    std::int16_t weight;
    std::uint8_t label;
  };
  // Open-addressing slot: the high half of the feature hash (0 = empty) and where its weights are,
  // packed as start << 5 | count so that a lookup touches one slot and one run of weights.
  struct Slot {
    std::uint32_t fingerprint = 0;
    std::uint32_t weights = 0;
  };
  void index();
  const Slot* find(std::uint64_t hash) const;
  void add_weights(std::uint64_t feature, std::array<std::int32_t, kLabels>& sums) const;
  std::uint64_t home(std::uint64_t hash) const { return hash & mask_; }  // feature hashes are already mixed

  std::vector<std::uint64_t> hashes_;  // sorted
  std::vector<std::uint32_t> starts_;  // weights of feature i: weights_[starts_[i] .. starts_[i + 1])
  std::vector<LabelWeight> weights_;
  std::vector<Slot> slots_;
  std::uint64_t mask_ = 0;
  float scale_ = 1.0f;
  Transitions transitions_;
  std::uint64_t gazetteer_digest_ = 0;
  std::vector<std::string> vocabulary_;
  FlatIndex cached_words_;  // word key -> row of word_sums_
  std::vector<std::array<std::int32_t, kLabels>> word_sums_;
};

}  // namespace newsdex::ner
