#include "ner/trainer.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "common/entities/decode.hpp"
#include "common/entities/hash.hpp"

namespace newsdex::ner {
namespace {

// Weights being learnt, with the running sums for averaging: the averaged weight is w - u / c, where
// every update of w by d at example c adds c * d to u (Daume III's trick: no per-example averaging pass).
class AveragedPerceptron {
 public:
  void score(const SentenceFeatures& features, std::vector<float>& emissions) const {
    emissions.assign(features.size() * kLabels, 0.0f);
    for (std::size_t t = 0; t < features.size(); ++t) {
      for (const std::uint64_t feature : features.of(t)) {
        const auto it = index_.find(feature);
        if (it == index_.end()) continue;
        const Row& row = rows_[it->second];
        for (int l = 0; l < kLabels; ++l) emissions[t * kLabels + l] += row.weights[l];
      }
    }
  }
  const Transitions& transitions() const { return transitions_; }

  void update(const SentenceFeatures& features, const std::vector<Label>& gold, const std::vector<Label>& predicted) {
    for (std::size_t t = 0; t < gold.size(); ++t) {
      if (gold[t] != predicted[t]) {
        for (const std::uint64_t feature : features.of(t)) {
          Row& row = row_of(feature);
          add(row.weights[gold[t]], row.sums[gold[t]], 1);
          add(row.weights[predicted[t]], row.sums[predicted[t]], -1);
        }
      }
      const Label gold_previous = t > 0 ? gold[t - 1] : kOutside, predicted_previous = t > 0 ? predicted[t - 1] : kOutside;
      if (gold[t] == predicted[t] && gold_previous == predicted_previous) continue;
      if (t == 0) {
        add(transitions_.start[gold[t]], sums_.start[gold[t]], 1);
        add(transitions_.start[predicted[t]], sums_.start[predicted[t]], -1);
      } else {
        add(transitions_.next[gold_previous][gold[t]], sums_.next[gold_previous][gold[t]], 1);
        add(transitions_.next[predicted_previous][predicted[t]], sums_.next[predicted_previous][predicted[t]], -1);
      }
    }
    if (!gold.empty() && gold.back() != predicted.back()) {
      add(transitions_.end[gold.back()], sums_.end[gold.back()], 1);
      add(transitions_.end[predicted.back()], sums_.end[predicted.back()], -1);
    }
  }
  void next_example() { ++examples_; }

  Model averaged(std::uint64_t gazetteer_digest, const std::vector<std::string>& vocabulary) const {
    const auto average = [&](float w, double sum) { return static_cast<float>(w - sum / examples_); };
    std::vector<FeatureWeights> features;
    features.reserve(index_.size());
    for (const auto& [feature, row_index] : index_) {
      const Row& row = rows_[row_index];
      FeatureWeights averaged_row{feature, {}};
      for (int l = 0; l < kLabels; ++l) averaged_row.weights[l] = average(row.weights[l], row.sums[l]);
      features.push_back(averaged_row);
    }
    Transitions transitions;
    for (int l = 0; l < kLabels; ++l) {
      transitions.start[l] = average(transitions_.start[l], sums_.start[l]);
      transitions.end[l] = average(transitions_.end[l], sums_.end[l]);
      for (int m = 0; m < kLabels; ++m) transitions.next[l][m] = average(transitions_.next[l][m], sums_.next[l][m]);
    }
    return Model::build(features, transitions, gazetteer_digest, vocabulary);
  }
  std::size_t feature_count() const { return rows_.size(); }

 private:
  struct Row {
    std::array<float, kLabels> weights{};
    std::array<double, kLabels> sums{};
  };
  struct TransitionSums {
    std::array<double, kLabels> start{}, end{};
    std::array<std::array<double, kLabels>, kLabels> next{};
  };

  void add(float& weight, double& sum, float delta) {
    weight += delta;
    sum += examples_ * delta;
  }
  Row& row_of(std::uint64_t feature) {
    const auto [it, inserted] = index_.try_emplace(feature, static_cast<std::uint32_t>(rows_.size()));
    if (inserted) rows_.emplace_back();
    return rows_[it->second];
  }

  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<Row> rows_;
  Transitions transitions_;
  TransitionSums sums_;
  double examples_ = 1;
};

struct PreparedDocument {
  std::vector<Sentence> sentences;
  std::vector<std::vector<Label>> gold;
};

std::vector<PreparedDocument> prepare(const std::vector<LabelledDocument>& documents) {
  std::vector<PreparedDocument> prepared;
  prepared.reserve(documents.size());
  for (const auto& document : documents) {
    PreparedDocument& p = prepared.emplace_back();
    for (const auto& sentence : document.sentences) {
      p.sentences.push_back(sentence.tokens);
      p.gold.push_back(bilou_from_spans(sentence.gold, sentence.tokens.size()));
    }
  }
  return prepared;
}

// The most frequent token texts of the training data (ties in byte order, for reproducible models).
std::vector<std::string> frequent_words(const std::vector<PreparedDocument>& documents, std::size_t limit) {
  std::unordered_map<std::string, std::size_t> counts;
  for (const auto& document : documents) {
    for (const auto& sentence : document.sentences) {
      for (const auto& token : sentence) ++counts[token.text];
    }
  }
  std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<std::string> words;
  for (std::size_t i = 0; i < sorted.size() && i < limit; ++i) words.push_back(sorted[i].first);
  return words;
}

// Fisher-Yates with splitmix64, so that the order does not depend on the standard library.
void shuffle(std::vector<std::size_t>& order, std::uint64_t& state) {
  for (std::size_t i = order.size(); i > 1; --i) {
    state += 0x9e3779b97f4a7c15ULL;
    const std::size_t j = mix64(state) % i;
    std::swap(order[i - 1], order[j]);
  }
}

}  // namespace

Evaluation evaluate_model(const Model& model, const Gazetteer& gazetteer,
                          const std::vector<LabelledDocument>& documents) {
  const FeatureExtractor extractor(gazetteer);
  Evaluation evaluation;
  std::vector<Sentence> sentences;
  for (const auto& document : documents) {
    sentences.clear();
    for (const auto& sentence : document.sentences) sentences.push_back(sentence.tokens);
    decode_document(extractor, model, sentences, [&](std::size_t s, const SentenceFeatures&, const std::vector<Label>& labels) {
      evaluation.add(document.sentences[s].gold, spans_from_bilou(labels));
    });
  }
  return evaluation;
}

Model train_model(const std::vector<LabelledDocument>& training, const std::vector<LabelledDocument>& development,
                  const Gazetteer& gazetteer, const TrainingOptions& options,
                  const std::function<void(const EpochReport&)>& on_epoch) {
  const FeatureExtractor extractor(gazetteer);
  const std::vector<PreparedDocument> documents = prepare(training);
  const std::vector<std::string> vocabulary = frequent_words(documents, options.cached_words);
  std::vector<std::size_t> order(documents.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::uint64_t rng = options.seed;

  AveragedPerceptron perceptron;
  Model best;
  double best_f1 = -1;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto started = std::chrono::steady_clock::now();
    shuffle(order, rng);
    for (const std::size_t d : order) {
      const PreparedDocument& document = documents[d];
      decode_document(extractor, perceptron, document.sentences,
                      [&](std::size_t s, const SentenceFeatures& features, const std::vector<Label>& predicted) {
                        perceptron.update(features, document.gold[s], predicted);
                        perceptron.next_example();
                      });
    }
    EpochReport report;
    report.epoch = epoch;
    report.train_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.features = perceptron.feature_count();
    Model model = perceptron.averaged(gazetteer.digest(), vocabulary);
    report.development = evaluate_model(model, gazetteer, development);
    if (report.development.overall.f1() > best_f1) {
      best_f1 = report.development.overall.f1();
      best = std::move(model);
    }
    on_epoch(report);
  }
  return best;
}

}  // namespace newsdex::ner
