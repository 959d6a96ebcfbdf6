#include "common/entities/entities.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <unordered_map>

#include "common/base/data_files.hpp"
#include "common/entities/unicode.hpp"

namespace newsdex {
namespace {

using ner::Sentence;

// Articles up to this size keep their tokens and sentence facts from the first pass to the second; longer
// ones are tokenised and analysed again, so that extraction holds one piece of a paragraph at a time
// (docs/entities.md, "Memory"). Tokens and facts take about 30 times the text: 8 MB at most.
constexpr std::size_t kept_text_bytes = 256 * 1024;

// One piece of a block (lede or paragraph) read in the first pass, kept for the second.
struct Part {
  std::string_view block;
  std::vector<Sentence> sentences;
  std::vector<ner::SentenceFacts> facts;
};

bool is_function_word(std::string_view lower) {
  static constexpr std::array<std::string_view, 24> words = {
      "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "no", "not", "of", "on",
      "or", "over", "says", "the", "to", "up", "with", "after"};
  return std::find(words.begin(), words.end(), lower) != words.end();
}

// Headlines capitalise ordinary words ("Israel Says No Chance"), which the tagger (trained on sentence case
// and ALL-CAPS headlines) would take for names. Title words the article writes in lower case elsewhere,
// and function words, are lowered; offsets are kept, so mention names still come from the original text.
// What still looks like a name counts only if the body names it too (Mention::needs_confirmation). Only the
// title's own words are looked for in the body, which is read a piece at a time.
class HeadlineWords {
 public:
  explicit HeadlineWords(const std::vector<Sentence>& title) {
    for (const Sentence& sentence : title) {
      for (std::size_t i = 1; i < sentence.size(); ++i) {
        if (may_lower(sentence[i].text)) candidates_.emplace(ner::to_lower(sentence[i].text), false);
      }
    }
  }

  void read_body(const Sentence& sentence) {
    if (candidates_.empty()) return;
    for (const auto& token : sentence) {
      if (!ner::has_letter(token.text) || ner::starts_upper(token.text)) continue;
      if (auto it = candidates_.find(token.text); it != candidates_.end()) it->second = true;
    }
  }

  void lower(std::vector<Sentence>& title) const {
    for (Sentence& sentence : title) {
      for (std::size_t i = 1; i < sentence.size(); ++i) {
        auto& token = sentence[i];
        if (!may_lower(token.text)) continue;
        std::string lower = ner::to_lower(token.text);
        if (candidates_.at(lower) || is_function_word(lower)) token.text = std::move(lower);
      }
    }
  }

 private:
  static bool may_lower(const std::string& text) { return ner::starts_upper(text) && !ner::is_all_caps(text); }
  std::unordered_map<std::string, bool> candidates_;  // lower-cased title word -> written in lower case in the body
};

void add_mentions(std::string_view block, const std::vector<Sentence>& sentences,
                  const std::vector<std::vector<ner::Span>>& tagged_spans, bool needs_confirmation,
                  const ner::Canonicaliser& canonicaliser, std::vector<ner::Mention>& mentions) {
  for (std::size_t s = 0; s < tagged_spans.size(); ++s) {
    // Headlines capitalise every word: only sentences of the body are searched for untagged names.
    const auto spans = needs_confirmation ? tagged_spans[s]
                                          : with_untagged_organisations(sentences[s], tagged_spans[s], canonicaliser);
    for (const ner::Span& span : spans) {
      ner::Mention& mention = mentions.emplace_back();
      mention.type = span.type;
      mention.source = block;
      mention.needs_confirmation = needs_confirmation;
      mention.tokens.assign(sentences[s].begin() + static_cast<std::ptrdiff_t>(span.first),
                            sentences[s].begin() + static_cast<std::ptrdiff_t>(span.last));
    }
  }
}

std::vector<Sentence> all_sentences(std::string_view block) {
  std::vector<Sentence> sentences;
  ner::SentenceReader reader(block);
  for (auto part = reader.next(); !part.empty(); part = reader.next()) {
    std::move(part.begin(), part.end(), std::back_inserter(sentences));
  }
  return sentences;
}

}  // namespace

// Runs start after the sentence's first word, where any word is capitalised.
std::vector<ner::Span> with_untagged_organisations(const Sentence& sentence, std::vector<ner::Span> spans,
                                                   const ner::Canonicaliser& canonicaliser) {
  std::vector<bool> tagged(sentence.size(), false);  // by a person, organisation or place (MISC is never kept)
  for (const auto& span : spans)
    if (span.type != ner::EntityType::misc)
      std::fill(tagged.begin() + static_cast<std::ptrdiff_t>(span.first),
                tagged.begin() + static_cast<std::ptrdiff_t>(span.last), true);
  const auto capitalised = [&](std::size_t i) {
    return !tagged[i] && ner::starts_upper(sentence[i].text) && !ner::is_all_caps(sentence[i].text);
  };
  bool changed = false;
  for (std::size_t i = 1; i < sentence.size();) {
    if (!capitalised(i) || capitalised(i - 1)) {
      ++i;
      continue;
    }
    std::size_t end = i + 1, words = 1;
    while (end < sentence.size()) {
      if (capitalised(end)) {
        ++end, ++words;
      } else if (sentence[end].text == "'" && sentence[end - 1].text.ends_with('s') && end + 1 < sentence.size() &&
                 capitalised(end + 1)) {
        end += 2, words += 1;
      } else {
        break;
      }
    }
    if (words >= 2 && canonicaliser.ends_organisation_name(sentence[end - 1].text)) {
      std::erase_if(spans, [&](const ner::Span& span) { return span.first < end && span.last > i; });
      spans.push_back({ner::EntityType::organisation, i, end});
      changed = true;
    }
    i = end;
  }
  if (changed)
    std::sort(spans.begin(), spans.end(), [](const ner::Span& a, const ner::Span& b) { return a.first < b.first; });
  return spans;
}

EntityExtractor::EntityExtractor(const std::filesystem::path& data_dir)
    : tagger_(data_dir), canonicaliser_(data_dir, tagger_.gazetteer()) {}

// Two passes over the body: the first counts how the whole article writes each word (the tagger's document
// features) and finds the title words written in lower case; the second tags, in reading order. Between them
// only short articles keep their tokens.
std::vector<ner::Mention> EntityExtractor::mentions(std::string_view title, std::string_view lede,
                                                    const std::vector<std::string>& paragraphs) const {
  std::vector<std::string_view> body{lede};
  body.insert(body.end(), paragraphs.begin(), paragraphs.end());
  std::size_t text_bytes = title.size();
  for (const auto block : body) text_bytes += block.size();
  const bool keep = text_bytes <= kept_text_bytes;

  std::vector<Sentence> title_sentences = all_sentences(title);
  HeadlineWords headline(title_sentences);
  ner::DocumentCasing casing;
  std::vector<Part> kept;
  bool has_body = false;
  for (const auto block : body) {
    ner::SentenceReader reader(block);
    for (auto sentences = reader.next(); !sentences.empty(); sentences = reader.next()) {
      has_body = true;
      for (const Sentence& sentence : sentences) headline.read_body(sentence);
      auto facts = tagger_.analyse(sentences);
      for (const auto& sentence : facts) ner::FeatureExtractor::count_casing(sentence, casing);
      if (keep) kept.push_back({block, std::move(sentences), std::move(facts)});
    }
  }
  headline.lower(title_sentences);
  const auto title_facts = tagger_.analyse(title_sentences);
  for (const auto& sentence : title_facts) ner::FeatureExtractor::count_casing(sentence, casing);

  ner::Tagger::Stream stream(tagger_, casing);
  std::vector<ner::Mention> mentions;
  add_mentions(title, title_sentences, stream.tag(title_facts), has_body, canonicaliser_, mentions);
  if (keep) {
    for (const Part& part : kept)
      add_mentions(part.block, part.sentences, stream.tag(part.facts), false, canonicaliser_, mentions);
    return mentions;
  }
  for (const auto block : body) {
    ner::SentenceReader reader(block);
    for (auto sentences = reader.next(); !sentences.empty(); sentences = reader.next()) {
      add_mentions(block, sentences, stream.tag(tagger_.analyse(sentences)), false, canonicaliser_, mentions);
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
