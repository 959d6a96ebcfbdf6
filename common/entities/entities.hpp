// Entity extraction: the people, organisations and places an article names, each once, under a
// canonical name with a normalised key for filters and facets. How it works: docs/entities.md.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/article.hpp"
#include "common/entities/canonical.hpp"
#include "common/entities/tagger.hpp"

namespace newsdex {

// Title, lede and body paragraphs are read as one document, in that order. Uses the shipped model
// (data/ner), loaded once on first use; safe to call from several threads at once. Throws newsdex::Error
// when the model files cannot be found or read.
Entities extract_entities(std::string_view title, std::string_view lede, const std::vector<std::string>& paragraphs);

class EntityExtractor {
 public:
  // Loads model.bin, lists/, aliases.tsv and demonyms.tsv from `data_dir` (the shipped data/ner).
  explicit EntityExtractor(const std::filesystem::path& data_dir);

  Entities extract(std::string_view title, std::string_view lede, const std::vector<std::string>& paragraphs) const;

  // Every tagged mention, MISC included, in reading order; the mentions point into the arguments.
  std::vector<ner::Mention> mentions(std::string_view title, std::string_view lede,
                                     const std::vector<std::string>& paragraphs) const;

  // The extractor for the shipped data (find_data_file("ner/model.bin")), loaded on first use.
  static const EntityExtractor& shared();

 private:
  ner::Tagger tagger_;
  ner::Canonicaliser canonicaliser_;
};

}  // namespace newsdex
