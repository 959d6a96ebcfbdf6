// The entity tagger: gazetteer lists + trained model, loaded once and then used read-only, so that one
// Tagger serves any number of threads at once.
#pragma once

#include <filesystem>
#include <span>
#include <vector>

#include "common/entities/decode.hpp"
#include "common/entities/features.hpp"
#include "common/entities/gazetteer.hpp"
#include "common/entities/labels.hpp"
#include "common/entities/model.hpp"
#include "common/entities/tokenizer.hpp"

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

  // The same, one part of the document at a time, for documents too long to hold all their tokens at
  // once: first every part is analysed and its casing counted into one DocumentCasing, then a Stream
  // made with those counts tags the parts in reading order, each analysed again (or kept). The spans are
  // those tag() gives for the whole document.
  std::vector<SentenceFacts> analyse(std::span<const Sentence> sentences) const {
    return extractor_.analyse(sentences);
  }

  class Stream {
   public:
    Stream(const Tagger& tagger, const DocumentCasing& casing) : decoder_(tagger.extractor_, tagger.model_, casing) {}
    std::vector<std::vector<Span>> tag(std::span<const SentenceFacts> part);

   private:
    DocumentDecoder<Model> decoder_;
  };

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  Model model_;  // loaded first: a damaged model file is the likelier problem, and its error says so
  Gazetteer gazetteer_;
  FeatureExtractor extractor_{gazetteer_};
};

}  // namespace newsdex::ner
