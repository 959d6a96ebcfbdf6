#include "common/entities.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "common/data_files.hpp"
#include "common/ner/unicode.hpp"

namespace newsdex {
namespace {

using ner::Sentence;

struct TaggedText {
  std::vector<Sentence> sentences;
  std::vector<std::string_view> sources;  // the block (title, lede, paragraph) each sentence comes from
  std::size_t title_sentences = 0;
};

void add_block(TaggedText& text, std::string_view block) {
  for (Sentence& sentence : ner::tokenize_sentences(block)) {
    text.sentences.push_back(std::move(sentence));
    text.sources.push_back(block);
  }
}

bool is_function_word(std::string_view lower) {
  static constexpr std::array<std::string_view, 24> words = {
      "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "no", "not", "of", "on",
      "or", "over", "says", "the", "to", "up", "with", "after"};
  return std::find(words.begin(), words.end(), lower) != words.end();
}

// Headlines capitalise ordinary words ("Israel Says No Chance"), which the tagger (trained on sentence case
// and ALL-CAPS headlines) would take for names. Title words the article writes in lower case elsewhere,
// and function words, are lowered here; offsets are kept, so mention names still come from the original
// text. What still looks like a name counts only if the body names it too (Mention::needs_confirmation).
void lower_headline_words(TaggedText& text) {
  std::unordered_set<std::string> lower_in_body;
  for (std::size_t s = text.title_sentences; s < text.sentences.size(); ++s) {
    for (const auto& token : text.sentences[s]) {
      if (ner::has_letter(token.text) && !ner::starts_upper(token.text)) lower_in_body.insert(token.text);
    }
  }
  for (std::size_t s = 0; s < text.title_sentences; ++s) {
    for (std::size_t i = 1; i < text.sentences[s].size(); ++i) {
      auto& token = text.sentences[s][i];
      if (!ner::starts_upper(token.text) || ner::is_all_caps(token.text)) continue;
      std::string lower = ner::to_lower(token.text);
      if (lower_in_body.contains(lower) || is_function_word(lower)) token.text = std::move(lower);
    }
  }
}

}  // namespace

EntityExtractor::EntityExtractor(const std::filesystem::path& data_dir)
    : tagger_(data_dir), canonicaliser_(data_dir, tagger_.gazetteer()) {}

std::vector<ner::Mention> EntityExtractor::mentions(std::string_view title, std::string_view lede,
                                                    const std::vector<std::string>& paragraphs) const {
  TaggedText text;
  add_block(text, title);
  text.title_sentences = text.sentences.size();
  add_block(text, lede);
  for (const std::string& paragraph : paragraphs) add_block(text, paragraph);
  lower_headline_words(text);
  const bool has_body = text.sentences.size() > text.title_sentences;

  const auto spans = tagger_.tag(text.sentences);
  std::vector<ner::Mention> mentions;
  for (std::size_t s = 0; s < spans.size(); ++s) {
    for (const ner::Span& span : spans[s]) {
      ner::Mention& mention = mentions.emplace_back();
      mention.type = span.type;
      mention.source = text.sources[s];
      mention.needs_confirmation = has_body && s < text.title_sentences;
      mention.tokens.assign(text.sentences[s].begin() + static_cast<std::ptrdiff_t>(span.first),
                            text.sentences[s].begin() + static_cast<std::ptrdiff_t>(span.last));
    }
  }
  return mentions;
}

Entities EntityExtractor::extract(std::string_view title, std::string_view lede,
                                  const std::vector<std::string>& paragraphs) const {
  return canonicaliser_.canonicalise(mentions(title, lede, paragraphs));
}

const EntityExtractor& EntityExtractor::shared() {
  // A function-local static is initialised once even when worker threads race here; if loading throws,
  // the next call tries again.
  static const EntityExtractor extractor(find_data_file("ner/model.bin").parent_path());
  return extractor;
}

Entities extract_entities(std::string_view title, std::string_view lede, const std::vector<std::string>& paragraphs) {
  return EntityExtractor::shared().extract(title, lede, paragraphs);
}

}  // namespace newsdex
