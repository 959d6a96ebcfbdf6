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

// A sentence's tagged spans with the organisations the tagger missed added, in token order: a run of
// capitalised words inside a sentence, untagged or tagged MISC, whose last word ends organisation names
// ("the Coast Patients' Forum": type_cues.tsv), with a plural possessive inside it allowed. Applied to the
// body's sentences (headlines capitalise every word).
std::vector<ner::Span> with_untagged_organisations(const ner::Sentence& sentence, std::vector<ner::Span> spans,
                                                   const ner::Canonicaliser& canonicaliser);

class EntityExtractor {
 public:
  // Loads model.bin, lists/, aliases.tsv and demonyms.tsv from `data_dir` (the shipped data/ner).
  explicit EntityExtractor(const std::filesystem::path& data_dir);

  Entities extract(std::string_view title, std::string_view lede, const std::vector<std::string>& paragraphs) const;

  // Every tagged mention, MISC included, in reading order, with the body's untagged organisations
  // (with_untagged_organisations); the mentions point into the arguments.
  std::vector<ner::Mention> mentions(std::string_view title, std::string_view lede,
                                     const std::vector<std::string>& paragraphs) const;

  const ner::Canonicaliser& canonicaliser() const { return canonicaliser_; }

  // The extractor for the shipped data (find_data_file("ner/model.bin")), loaded on first use.
  static const EntityExtractor& shared();

 private:
  ner::Tagger tagger_;
  ner::Canonicaliser canonicaliser_;
};

}  // namespace newsdex
