#include "common/entities/tagger.hpp"

#include "common/base/errors.hpp"

namespace newsdex::ner {

Tagger::Tagger(const std::filesystem::path& data_dir)
    : model_(Model::load(data_dir / "model.bin")), gazetteer_(Gazetteer::load(data_dir / "lists")) {
  if (model_.gazetteer_digest() != gazetteer_.digest()) {
    throw Error(ExitCode::io_error, "the NER model in " + data_dir.string() +
                                        " was trained with other gazetteer lists than the ones next to it "
                                        "(rebuild both with scripts/train-ner.sh)");
  }
  model_.cache_words(extractor_);
}

std::vector<std::vector<Span>> Tagger::tag(std::span<const Sentence> document) const {
  std::vector<std::vector<Span>> spans(document.size());
  decode_document(extractor_, model_, document,
                  [&](std::size_t s, const SentenceFeatures&, const std::vector<Label>& labels) {
                    spans[s] = spans_from_bilou(labels);
                  });
  return spans;
}

std::vector<std::vector<Span>> Tagger::Stream::tag(std::span<const SentenceFacts> part) {
  std::vector<std::vector<Span>> spans(part.size());
  decoder_.decode(part, [&](std::size_t s, const SentenceFeatures&, const std::vector<Label>& labels) {
    spans[s] = spans_from_bilou(labels);
  });
  return spans;
}

}  // namespace newsdex::ner
