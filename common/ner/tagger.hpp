// The entity tagger: gazetteer lists + trained model, loaded once and then used read-only, so that one
// Tagger serves any number of threads at once.
#pragma once

#include <filesystem>
#include <span>
#include <vector>

#include "common/ner/features.hpp"
#include "common/ner/gazetteer.hpp"
#include "common/ner/labels.hpp"
#include "common/ner/model.hpp"
#include "common/ner/tokenizer.hpp"

namespace newsdex::ner {

class Tagger {
 public:
  // Loads <data_dir>/model.bin and <data_dir>/lists/; throws newsdex::Error when they are missing,
  // unreadable, or do not belong together.
  explicit Tagger(const std::filesystem::path& data_dir);
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // The entity spans of each sentence of one document (sentences in reading order: the tagger uses
  // what earlier sentences said about a word).
  std::vector<std::vector<Span>> tag(std::span<const Sentence> document) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  Model model_;  // loaded first: a damaged model file is the likelier problem, and its error says so
  Gazetteer gazetteer_;
  FeatureExtractor extractor_{gazetteer_};
};

}  // namespace newsdex::ner
