#include "common/entities/model.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "common/base/errors.hpp"
#include "common/entities/hash.hpp"

namespace newsdex::ner {
namespace {

constexpr char kMagic[8] = {'N', 'D', 'X', 'N', 'E', 'R', '0', '1'};
constexpr std::uint32_t kMaxCount = 31;
constexpr std::uint32_t kMaxStart = (1u << 27) - 1;

std::uint32_t fingerprint_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32) | 1u; }

class Writer {
 public:
  explicit Writer(const std::filesystem::path& path) : path_(path), out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) throw Error(ExitCode::io_error, "cannot write NER model " + path.string());
  }
  template <class T>
  void put(T value) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) std::reverse(bytes, bytes + sizeof(T));
    out_.write(reinterpret_cast<const char*>(bytes), sizeof(T));
  }
  void finish() {
    out_.flush();
    if (!out_) throw Error(ExitCode::io_error, "error while writing NER model " + path_.string());
  }

 private:
  std::filesystem::path path_;
  std::ofstream out_;
};

class Reader {
 public:
  explicit Reader(const std::filesystem::path& path) : path_(path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::io_error, "cannot read NER model " + path.string());
    bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  template <class T>
  T get() {
    if (pos_ + sizeof(T) > bytes_.size()) fail("it is truncated");
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, bytes_.data() + pos_, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) std::reverse(bytes, bytes + sizeof(T));
    pos_ += sizeof(T);
    T value;
    std::memcpy(&value, bytes, sizeof(T));
    return value;
  }
  bool at_end() const { return pos_ == bytes_.size(); }
  [[noreturn]] void fail(const std::string& why) const {
    throw Error(ExitCode::io_error, "NER model " + path_.string() + " is not usable: " + why +
                                        " (rebuild it with scripts/train-ner.sh)");
  }

 private:
  std::filesystem::path path_;
  std::vector<char> bytes_;
  std::size_t pos_ = 0;
};

}  // namespace

Model Model::build(const std::vector<FeatureWeights>& features, const Transitions& transitions,
                   std::uint64_t gazetteer_digest, std::vector<std::string> vocabulary) {
  float largest = 0;
  for (const auto& feature : features) {
    for (const float w : feature.weights) largest = std::max(largest, std::abs(w));
  }
  Model model;
  model.scale_ = largest > 0 ? largest / 32767.0f : 1.0f;
  model.gazetteer_digest_ = gazetteer_digest;
  // Transitions stay in floating point but in the same units as the quantised weights.
  model.transitions_ = transitions;
  const auto rescale = [&](float& w) { w /= model.scale_; };
  for (auto& w : model.transitions_.start) rescale(w);
  for (auto& w : model.transitions_.end) rescale(w);
  for (auto& row : model.transitions_.next) for (auto& w : row) rescale(w);

  std::vector<const FeatureWeights*> sorted;
  for (const auto& feature : features) sorted.push_back(&feature);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->feature < b->feature; });
  for (const FeatureWeights* feature : sorted) {
    const auto start = static_cast<std::uint32_t>(model.weights_.size());
    for (int label = 0; label < kLabels; ++label) {
      const long q = std::lround(feature->weights[label] / model.scale_);
      if (q != 0) model.weights_.push_back({static_cast<std::int16_t>(q), static_cast<std::uint8_t>(label)});
    }
    if (model.weights_.size() == start) continue;
    if (!model.hashes_.empty() && model.hashes_.back() == feature->feature) {
      throw std::logic_error("Model::build: duplicate feature");
    }
    model.hashes_.push_back(feature->feature);
    model.starts_.push_back(start);
  }
  model.starts_.push_back(static_cast<std::uint32_t>(model.weights_.size()));
  model.vocabulary_ = std::move(vocabulary);
  model.index();
  return model;
}

void Model::index() {
  std::size_t capacity = 16;
  while (capacity < hashes_.size() * 2) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (std::size_t i = 0; i < hashes_.size(); ++i) {
    const std::uint32_t start = starts_[i], count = starts_[i + 1] - starts_[i];
    if (count > kMaxCount || start > kMaxStart) throw std::logic_error("Model::index: weights do not fit a slot");
    std::uint64_t at = home(hashes_[i]);
    while (slots_[at].fingerprint != 0) at = (at + 1) & mask_;
    slots_[at] = Slot{fingerprint_of(hashes_[i]), start << 5 | count};
  }
}

const Model::Slot* Model::find(std::uint64_t hash) const {
  const std::uint32_t fingerprint = fingerprint_of(hash);
  for (std::uint64_t at = home(hash);; at = (at + 1) & mask_) {
    const Slot& slot = slots_[at];
    if (slot.fingerprint == fingerprint) return &slot;
    if (slot.fingerprint == 0) return nullptr;
  }
}

void Model::add_weights(std::uint64_t feature, std::array<std::int32_t, kLabels>& sums) const {
  if (const Slot* slot = find(feature)) {
    const LabelWeight* w = weights_.data() + (slot->weights >> 5);
    for (std::uint32_t k = 0, n = slot->weights & kMaxCount; k < n; ++k) sums[w[k].label] += w[k].weight;
  }
}

void Model::cache_words(const FeatureExtractor& extractor) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows;
  std::vector<std::uint64_t> features;
  word_sums_.clear();
  for (const std::string& word : vocabulary_) {
    features.clear();
    const std::uint64_t key = extractor.word_features(word, features);
    auto& sums = word_sums_.emplace_back();
    sums.fill(0);
    for (const std::uint64_t feature : features) add_weights(feature, sums);
    rows.emplace_back(key, static_cast<std::uint32_t>(word_sums_.size() - 1));
  }
  cached_words_ = FlatIndex(rows);
}

void Model::score(const SentenceFeatures& features, std::vector<float>& emissions) const {
  const std::size_t tokens = features.size();
  emissions.assign(tokens * kLabels, 0.0f);
  if (slots_.empty()) return;
  std::vector<const std::array<std::int32_t, kLabels>*> cached(tokens);
  for (std::size_t t = 0; t < tokens; ++t) {
    const std::uint32_t* row = cached_words_.find(features.word_keys[t]);
    cached[t] = row ? &word_sums_[*row] : nullptr;
  }
  // Most time goes into cache misses on the slot table and the weights, so both are prefetched a few
  // features ahead: first every feature's slot is resolved, then the weights are summed per token.
  constexpr std::size_t kAhead = 32;
  const auto& hashes = features.features;
  const std::size_t count = hashes.size();
  std::vector<std::uint32_t> found(count);
  for (std::size_t i = 0, t = 0; i < count; ++i) {
    while (i >= features.offsets[t + 1]) ++t;
    if (i + kAhead < count) __builtin_prefetch(&slots_[home(hashes[i + kAhead])]);
    if (cached[t] && i < features.word_ends[t]) continue;
    const Slot* slot = find(hashes[i]);
    found[i] = slot ? slot->weights : 0;
    if (slot) __builtin_prefetch(&weights_[slot->weights >> 5]);
  }
  for (std::size_t t = 0; t < tokens; ++t) {
    std::array<std::int32_t, kLabels> sums{};
    std::size_t first = features.offsets[t];
    if (cached[t]) {
      sums = *cached[t];
      first = features.word_ends[t];
    }
    for (std::size_t i = first; i < features.offsets[t + 1]; ++i) {
      const LabelWeight* w = weights_.data() + (found[i] >> 5);
      for (std::uint32_t k = 0, n = found[i] & kMaxCount; k < n; ++k) sums[w[k].label] += w[k].weight;
    }
    float* row = &emissions[t * kLabels];
    for (int label = 0; label < kLabels; ++label) row[label] = static_cast<float>(sums[label]);
  }
}

void Model::save(const std::filesystem::path& path) const {
  Writer out(path);
  for (const char c : kMagic) out.put(c);
  out.put(kFeatureHashVersion);
  out.put(static_cast<std::uint32_t>(kLabels));
  out.put(gazetteer_digest_);
  out.put(scale_);
  for (const float w : transitions_.start) out.put(w);
  for (const float w : transitions_.end) out.put(w);
  for (const auto& row : transitions_.next) for (const float w : row) out.put(w);
  out.put(static_cast<std::uint64_t>(hashes_.size()));
  for (std::size_t i = 0; i < hashes_.size(); ++i) {
    out.put(hashes_[i]);
    out.put(static_cast<std::uint8_t>(starts_[i + 1] - starts_[i]));
    for (std::uint32_t k = starts_[i]; k < starts_[i + 1]; ++k) {
      out.put(weights_[k].label);
      out.put(weights_[k].weight);
    }
  }
  out.put(static_cast<std::uint32_t>(vocabulary_.size()));
  for (const std::string& word : vocabulary_) {
    out.put(static_cast<std::uint16_t>(word.size()));
    for (const char c : word) out.put(c);
  }
  out.finish();
}

Model Model::load(const std::filesystem::path& path) {
  Reader in(path);
  for (const char c : kMagic) {
    if (in.get<char>() != c) in.fail("it is not a newsdex NER model (bad magic)");
  }
  if (in.get<std::uint32_t>() != kFeatureHashVersion) in.fail("it was trained with another feature hash version");
  if (in.get<std::uint32_t>() != static_cast<std::uint32_t>(kLabels)) in.fail("it has another label set");
  Model model;
  model.gazetteer_digest_ = in.get<std::uint64_t>();
  model.scale_ = in.get<float>();
  for (auto& w : model.transitions_.start) w = in.get<float>();
  for (auto& w : model.transitions_.end) w = in.get<float>();
  for (auto& row : model.transitions_.next) for (auto& w : row) w = in.get<float>();
  const auto count = in.get<std::uint64_t>();
  if (count > (1u << 26)) in.fail("its feature count is implausible");
  model.hashes_.reserve(count);
  model.starts_.reserve(count + 1);
  for (std::uint64_t i = 0; i < count; ++i) {
    model.hashes_.push_back(in.get<std::uint64_t>());
    model.starts_.push_back(static_cast<std::uint32_t>(model.weights_.size()));
    const auto weights = in.get<std::uint8_t>();
    for (std::uint8_t k = 0; k < weights; ++k) {
      const auto label = in.get<std::uint8_t>();
      const auto weight = in.get<std::int16_t>();
      if (label >= kLabels) in.fail("a weight has an unknown label");
      model.weights_.push_back({weight, label});
    }
  }
  model.starts_.push_back(static_cast<std::uint32_t>(model.weights_.size()));
  const auto words = in.get<std::uint32_t>();
  if (words > (1u << 22)) in.fail("its vocabulary size is implausible");
  model.vocabulary_.resize(words);
  for (std::string& word : model.vocabulary_) {
    word.resize(in.get<std::uint16_t>());
    for (char& c : word) c = in.get<char>();
  }
  if (!in.at_end()) in.fail("it has trailing bytes");
  model.index();
  return model;
}

}  // namespace newsdex::ner
