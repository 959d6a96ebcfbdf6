#include "common/entities/features.hpp"

#include <algorithm>
#include <string>

#include "common/entities/hash.hpp"
#include "common/entities/unicode.hpp"

namespace newsdex::ner {
namespace {

// Feature template ids. Changing one changes every feature hash: retrain the model afterwards.
enum Template : std::uint64_t {
  kBias = 1, kWord, kLower, kLowerPrev, kLowerNext, kLowerPrev2, kLowerNext2, kBigramPrev, kBigramNext,
  kShape, kShapePrev, kShapeNext, kShortShapeTriple, kPrefix, kSuffix, kInitialCasing, kHeadlineShape,
  kGazetteer, kGazetteerPrev, kGazetteerNext, kDocumentCase, kHistory, kPrevWordShape, kShapeNextWord,
  kGazetteerCasing, kHistoryCasing, kGazetteerPrev2, kShortShapePrev2
};

constexpr std::uint64_t kSentenceStart = 0x5354415254ULL;  // stands in for words before the sentence
constexpr std::uint64_t kSentenceEnd = 0x454e44ULL;

struct Shapes {
  std::string shape, short_shape;
};

char shape_class(char32_t cp) {
  if (cp >= '0' && cp <= '9') return 'd';
  if (is_upper(cp)) return 'X';
  if (is_lower(cp) || is_letter(cp)) return 'x';
  if (cp < 0x80) return static_cast<char>(cp);
  return '?';
}

void compute_shapes(std::string_view text, Shapes& out) {
  out.shape.clear();
  out.short_shape.clear();
  char previous = 0;
  int run = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    pos += cp.length;
    const char c = shape_class(cp.value);
    run = c == previous ? run + 1 : 1;
    if (run <= 4) out.shape += c;
    if (run == 1) out.short_shape += c;
    previous = c;
  }
}

Casing casing_of(std::string_view text) {
  if (!has_letter(text)) return Casing::none;
  if (is_all_caps(text)) return Casing::all_caps;
  const CodePoint first = decode_utf8(text, 0);
  if (is_upper(first.value)) return Casing::capitalised;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (is_upper(cp.value)) return Casing::mixed;
    pos += cp.length;
  }
  return Casing::lower;
}

void fold_digits(std::string& text) {
  for (char& c : text) {
    if (c >= '1' && c <= '9') c = '0';
  }
}

bool opens_clause(std::string_view text) {
  return text == "\"" || text == "'" || text == ":" || text == "(" || text == "[" || text == "-" || text == "--" ||
         text == "...";
}

bool is_name_like(Casing casing) { return casing == Casing::capitalised || casing == Casing::all_caps; }

}  // namespace

void LabelHistory::record(const SentenceFacts& sentence, const std::vector<Label>& labels) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == kOutside || !is_name_like(sentence.tokens[i].casing)) continue;
    auto& counts = counts_[sentence.tokens[i].lower];
    auto& count = counts[static_cast<std::size_t>(label_type(labels[i]))];
    if (count < 0xFFFF) ++count;
  }
}

const std::array<std::uint16_t, kEntityTypes>* LabelHistory::find(std::uint64_t lower) const {
  return counts_.find(lower);
}

// Buffers reused from sentence to sentence of a document, to keep allocation off the hot path.
struct FeatureExtractor::Scratch {
  std::vector<std::uint64_t> lower_hashes;
  std::vector<std::uint8_t> capitalised;
  std::vector<MatchBits> bits;
  Shapes shapes;
  std::string lower, word;
  std::uint64_t lower_hash = 0;  // of the last token analysed, digits kept (gazetteer entries have digits)
};

void FeatureExtractor::analyse_token(std::string_view text, TokenFacts& token, Scratch& scratch) {
  auto& lower = scratch.lower;
  auto& word = scratch.word;
  token.text = hash_text(text);
  token.casing = casing_of(text);
  to_lower(text, lower);
  scratch.lower_hash = hash_text(lower);
  for (std::size_t n = 1; n <= 4; ++n) {
    token.prefixes[n - 1] = n <= lower.size() ? hash_text(std::string_view(lower).substr(0, n)) : 0;
    token.suffixes[n - 1] = n <= lower.size() ? hash_text(std::string_view(lower).substr(lower.size() - n)) : 0;
  }
  fold_digits(lower);
  token.lower = hash_text(lower);
  word = text;
  fold_digits(word);
  token.word = hash_text(word);
  compute_shapes(text, scratch.shapes);
  token.shape = hash_text(scratch.shapes.shape);
  token.short_shape = hash_text(scratch.shapes.short_shape);
}

void FeatureExtractor::push_word_features(const TokenFacts& token, std::vector<std::uint64_t>& f) {
  f.push_back(combine(kBias, 0));
  f.push_back(combine(kWord, token.word));
  f.push_back(combine(kLower, token.lower));
  f.push_back(combine(kShape, token.shape));
  for (std::size_t k = 0; k < 4; ++k) {
    if (token.prefixes[k]) f.push_back(combine(kPrefix + 64 * k, token.prefixes[k]));
    if (token.suffixes[k]) f.push_back(combine(kSuffix + 64 * k, token.suffixes[k]));
  }
}

std::uint64_t FeatureExtractor::word_features(std::string_view word, std::vector<std::uint64_t>& out) const {
  Scratch scratch;
  TokenFacts token;
  analyse_token(word, token, scratch);
  push_word_features(token, out);
  return token.text;
}

SentenceFacts FeatureExtractor::analyse_sentence(const Sentence& sentence, Scratch& scratch) const {
  SentenceFacts facts;
  facts.tokens.resize(sentence.size());
  auto& lower_hashes = scratch.lower_hashes;
  auto& capitalised = scratch.capitalised;
  lower_hashes.resize(sentence.size());
  capitalised.resize(sentence.size());
  scratch.bits.resize(sentence.size());
  std::size_t words = 0, all_caps_words = 0;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    TokenFacts& token = facts.tokens[i];
    const std::string& text = sentence[i].text;
    analyse_token(text, token, scratch);
    token.clause_initial = i == 0 || opens_clause(sentence[i - 1].text);
    words += token.casing != Casing::none;
    all_caps_words += token.casing == Casing::all_caps;
    lower_hashes[i] = scratch.lower_hash;
    capitalised[i] = token.casing == Casing::capitalised || token.casing == Casing::all_caps ||
                     token.casing == Casing::mixed || (text[0] >= '0' && text[0] <= '9');
  }
  facts.headline = words > 0 && all_caps_words == words && (words > 1 || sentence.size() > 1);
  gazetteer_.match(lower_hashes, capitalised, scratch.bits);
  for (std::size_t i = 0; i < sentence.size(); ++i) facts.tokens[i].gazetteer = scratch.bits[i];
  return facts;
}

std::vector<SentenceFacts> FeatureExtractor::analyse(std::span<const Sentence> sentences) const {
  std::vector<SentenceFacts> facts;
  facts.reserve(sentences.size());
  Scratch scratch;
  for (const Sentence& sentence : sentences) facts.push_back(analyse_sentence(sentence, scratch));
  return facts;
}

void FeatureExtractor::count_casing(const SentenceFacts& sentence, DocumentCasing& casing) {
  if (sentence.headline) return;
  for (const TokenFacts& token : sentence.tokens) {
    if (token.casing == Casing::lower) {
      ++casing[token.lower].lower;
    } else if (!token.clause_initial && is_name_like(token.casing)) {
      ++casing[token.lower].capitalised_inside;
    }
  }
}

namespace {

// Reads the facts of neighbouring tokens, with stand-ins beyond the sentence edges.
struct Window {
  const std::vector<TokenFacts>& tokens;
  bool inside(std::ptrdiff_t i) const { return i >= 0 && i < static_cast<std::ptrdiff_t>(tokens.size()); }
  std::uint64_t lower(std::ptrdiff_t i) const {
    return inside(i) ? tokens[static_cast<std::size_t>(i)].lower : (i < 0 ? kSentenceStart : kSentenceEnd);
  }
  std::uint64_t shape(std::ptrdiff_t i) const {
    return inside(i) ? tokens[static_cast<std::size_t>(i)].shape : (i < 0 ? kSentenceStart : kSentenceEnd);
  }
  std::uint64_t short_shape(std::ptrdiff_t i) const {
    return inside(i) ? tokens[static_cast<std::size_t>(i)].short_shape : (i < 0 ? kSentenceStart : kSentenceEnd);
  }
  MatchBits gazetteer(std::ptrdiff_t i) const { return inside(i) ? tokens[static_cast<std::size_t>(i)].gazetteer : 0; }
};

void push_context_features(const Window& w, std::ptrdiff_t i, std::vector<std::uint64_t>& f) {
  const TokenFacts& token = w.tokens[static_cast<std::size_t>(i)];
  f.push_back(combine(kLowerPrev, w.lower(i - 1)));
  f.push_back(combine(kLowerNext, w.lower(i + 1)));
  f.push_back(combine(kLowerPrev2, w.lower(i - 2)));
  f.push_back(combine(kLowerNext2, w.lower(i + 2)));
  f.push_back(combine(kBigramPrev, combine(w.lower(i - 1), token.lower)));
  f.push_back(combine(kBigramNext, combine(token.lower, w.lower(i + 1))));
  f.push_back(combine(kShapePrev, w.shape(i - 1)));
  f.push_back(combine(kShapeNext, w.shape(i + 1)));
  f.push_back(combine(kShortShapeTriple, combine(combine(w.short_shape(i - 1), token.short_shape), w.short_shape(i + 1))));
  f.push_back(combine(kShortShapePrev2, combine(w.short_shape(i - 2), w.short_shape(i - 1))));
  f.push_back(combine(kPrevWordShape, combine(w.lower(i - 1), token.short_shape)));
  f.push_back(combine(kShapeNextWord, combine(token.short_shape, w.lower(i + 1))));
}

void push_gazetteer_features(const Window& w, std::ptrdiff_t i, std::uint64_t casing_and_mode,
                             std::vector<std::uint64_t>& f) {
  for (MatchBits bits = w.gazetteer(i); bits != 0; bits &= bits - 1) {
    const auto bit = static_cast<std::uint64_t>(__builtin_ctzll(bits));
    f.push_back(combine(kGazetteer, bit));
    f.push_back(combine(kGazetteerCasing, combine(bit, casing_and_mode)));
  }
  const auto list_features = [&](std::uint64_t templ, MatchBits bits) {
    for (std::uint64_t list = 0; list < kGazetteerLists; ++list) {
      if ((bits >> (4 * list)) & 0xF) f.push_back(combine(templ, list));
    }
  };
  list_features(kGazetteerPrev, w.gazetteer(i - 1));
  list_features(kGazetteerNext, w.gazetteer(i + 1));
  list_features(kGazetteerPrev2, w.gazetteer(i - 2));
}

// How the document writes this word where its own casing says little, and what earlier sentences made of it.
void push_document_features(const DocumentCasing& document_casing, const LabelHistory& history, const TokenFacts& token,
                            std::uint64_t position, std::vector<std::uint64_t>& f) {
  const auto casing = static_cast<std::uint64_t>(token.casing);
  std::uint64_t evidence = 0;
  if (const auto* counts = document_casing.find(token.lower)) {
    evidence = (counts->capitalised_inside > 0 ? 1 : 0) + (counts->lower > 0 ? 2 : 0);
  }
  f.push_back(combine(kDocumentCase, combine(evidence, position * 8 + casing)));
  if (const auto* counts = history.find(token.lower)) {
    const auto best = std::max_element(counts->begin(), counts->end()) - counts->begin();
    const int total = (*counts)[0] + (*counts)[1] + (*counts)[2] + (*counts)[3];
    const bool unanimous = total == (*counts)[static_cast<std::size_t>(best)];
    f.push_back(combine(kHistory, static_cast<std::uint64_t>(best)));
    f.push_back(combine(kHistoryCasing, combine(static_cast<std::uint64_t>(best) * 2 + unanimous, position)));
  }
}

}  // namespace

void FeatureExtractor::extract(const SentenceFacts& sentence, const DocumentCasing& document_casing,
                               const LabelHistory& history, SentenceFeatures& out) const {
  const Window window{sentence.tokens};
  out.features.clear();
  out.offsets.assign(1, 0);
  out.word_ends.clear();
  out.word_keys.clear();
  auto& f = out.features;
  const std::uint64_t mode = sentence.headline ? 1 : 0;
  for (std::size_t t = 0; t < sentence.tokens.size(); ++t) {
    const TokenFacts& token = sentence.tokens[t];
    const auto casing = static_cast<std::uint64_t>(token.casing);
    push_word_features(token, f);
    out.word_ends.push_back(static_cast<std::uint32_t>(f.size()));
    out.word_keys.push_back(token.text);
    push_context_features(window, static_cast<std::ptrdiff_t>(t), f);
    f.push_back(combine(kInitialCasing, combine(t == 0 ? 1 : token.clause_initial ? 2 : 0, casing)));
    f.push_back(combine(kHeadlineShape, combine(mode, token.short_shape)));
    push_gazetteer_features(window, static_cast<std::ptrdiff_t>(t), casing * 2 + mode, f);
    if (token.casing != Casing::none && token.casing != Casing::lower) {
      const std::uint64_t position = sentence.headline ? 2 : (token.clause_initial ? 1 : 0);
      push_document_features(document_casing, history, token, position, f);
    }
    out.offsets.push_back(static_cast<std::uint32_t>(f.size()));
  }
}

}  // namespace newsdex::ner
