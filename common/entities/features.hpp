// Feature extraction for the sequence tagger. Every feature is computable from raw text (no POS or chunk
// tags): word identity and context window, word shape, affixes, gazetteer matches, and two kinds of
// document-level evidence: how the same word is cased elsewhere in the document (which tells a name from
// an ordinary word at the start of a sentence or in an ALL-CAPS headline), and which entity types the
// tagger gave the same word in earlier sentences.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/entities/flat_index.hpp"
#include "common/entities/gazetteer.hpp"
#include "common/entities/labels.hpp"
#include "common/entities/tokenizer.hpp"

namespace newsdex::ner {

enum class Casing : std::uint8_t { none, lower, capitalised, all_caps, mixed };

// What the feature templates need to know about one token, computed once per document.
struct TokenFacts {
  std::uint64_t text = 0;   // the text as it is: the key of the word's own features
  std::uint64_t word = 0;   // exact text, digits folded to 0
  std::uint64_t lower = 0;  // lower-cased, digits folded to 0
  std::uint64_t shape = 0;  // "Xxxx", "X.X.", "dd-dd" (runs capped at 4)
  std::uint64_t short_shape = 0;  // runs collapsed: "Xx", "X.X.", "d-d"
  std::array<std::uint64_t, 4> prefixes{}, suffixes{};  // of the lower-cased text, 1..4 bytes
  MatchBits gazetteer = 0;
  Casing casing = Casing::none;
  bool clause_initial = false;  // first token, or after a quote, colon, bracket or dash: capitals say little
};

struct SentenceFacts {
  std::vector<TokenFacts> tokens;
  bool headline = false;  // every word ALL-CAPS: a CoNLL headline, dateline or sports table line
};

// Labels the tagger gave to earlier sentences of the same document, by lower-cased word.
class LabelHistory {
 public:
  void record(const SentenceFacts& sentence, const std::vector<Label>& labels);
  const std::array<std::uint16_t, kEntityTypes>* find(std::uint64_t lower) const;

 private:
  FlatMap<std::array<std::uint16_t, kEntityTypes>> counts_;
};

// How a document writes each word (by the hash of the lower-cased word): the one part of the features
// that needs the whole document before its first sentence is tagged.
struct CaseCounts {
  std::uint32_t capitalised_inside = 0;  // capitalised, not sentence-initial, not in a headline
  std::uint32_t lower = 0;
};
using DocumentCasing = FlatMap<CaseCounts>;

// Features of one sentence: the hashes for token i are features[offsets[i] .. offsets[i + 1]). The first
// of them, up to word_ends[i], depend only on the token's text (word_keys[i]), so a model can replace them
// by a sum it computed once for frequent words.
struct SentenceFeatures {
  std::vector<std::uint64_t> features;
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> word_ends;
  std::vector<std::uint64_t> word_keys;
  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::span<const std::uint64_t> of(std::size_t token) const {
    return {features.data() + offsets[token], features.data() + offsets[token + 1]};
  }
};

class FeatureExtractor {
 public:
  explicit FeatureExtractor(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // The facts of each sentence (the sentences of a whole document, or of one part of it).
  std::vector<SentenceFacts> analyse(std::span<const Sentence> sentences) const;
  // Adds what one analysed sentence says about the casing of its words to the document's counts.
  static void count_casing(const SentenceFacts& sentence, DocumentCasing& casing);
  // The features of one sentence, given the casing counted over its whole document and the labels of the
  // document's earlier sentences.
  void extract(const SentenceFacts& sentence, const DocumentCasing& casing, const LabelHistory& history,
               SentenceFeatures& out) const;

  // The features that depend only on a token's text, as extract() gives them; the key is word_keys' key.
  std::uint64_t word_features(std::string_view word, std::vector<std::uint64_t>& out) const;

 private:
  struct Scratch;
  SentenceFacts analyse_sentence(const Sentence& sentence, Scratch& scratch) const;
  static void analyse_token(std::string_view text, TokenFacts& token, Scratch& scratch);
  static void push_word_features(const TokenFacts& token, std::vector<std::uint64_t>& out);
  const Gazetteer& gazetteer_;
};

}  // namespace newsdex::ner
