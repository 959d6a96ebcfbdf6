// Reads CoNLL-2003 files ("word POS chunk NER" per line, blank line between sentences, -DOCSTART-
// between documents). Only the words and the NER column are kept: the tagger works on raw text, where
// no POS or chunk tags exist.
#pragma once

#include <filesystem>
#include <vector>

#include "common/entities/labels.hpp"
#include "common/entities/tokenizer.hpp"

namespace newsdex::ner {

struct LabelledSentence {
  Sentence tokens;         // token offsets count bytes from the start of the sentence joined with spaces
  std::vector<Span> gold;  // entity spans from the NER column
};

struct LabelledDocument {
  std::vector<LabelledSentence> sentences;
};

// Throws newsdex::Error when the file cannot be read or a line has no NER column.
std::vector<LabelledDocument> read_conll(const std::filesystem::path& path);

}  // namespace newsdex::ner
