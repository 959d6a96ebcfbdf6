#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "common/base/errors.hpp"
#include "common/entities/labels.hpp"
#include "common/entities/model.hpp"
#include "common/entities/viterbi.hpp"
#include "ner/evaluation.hpp"
#include "tests/support.hpp"

using namespace newsdex::ner;

namespace {

Span span(EntityType type, std::size_t first, std::size_t last) { return Span{type, first, last}; }

}  // namespace

TEST_CASE("IOB1 tags are read into spans as conlleval reads them", "[ner][labels]") {
  struct Case {
    std::vector<std::string_view> tags;
    std::vector<Span> spans;
  };
  const auto per = EntityType::person, loc = EntityType::location, org = EntityType::organisation;
  const Case cases[] = {
      {{"I-PER", "I-PER", "O", "I-LOC"}, {span(per, 0, 2), span(loc, 3, 4)}},
      {{"I-LOC", "B-LOC", "I-LOC"}, {span(loc, 0, 1), span(loc, 1, 3)}},  // B- splits touching names
      {{"I-ORG", "I-LOC"}, {span(org, 0, 1), span(loc, 1, 2)}},           // a new type starts a new span
      {{"O", "O"}, {}},
      {{"B-PER"}, {span(per, 0, 1)}},
  };
  for (const auto& c : cases) CHECK(spans_from_iob(c.tags) == c.spans);
}

TEST_CASE("BILOU labels and spans convert both ways", "[ner][labels]") {
  const std::vector<Span> spans = {span(EntityType::person, 0, 3), span(EntityType::location, 3, 4),
                                   span(EntityType::misc, 5, 7)};
  const auto labels = bilou_from_spans(spans, 8);
  CHECK(labels[0] == make_label(EntityType::person, Position::begin));
  CHECK(labels[1] == make_label(EntityType::person, Position::inside));
  CHECK(labels[2] == make_label(EntityType::person, Position::last));
  CHECK(labels[3] == make_label(EntityType::location, Position::unit));
  CHECK(labels[4] == kOutside);
  CHECK(spans_from_bilou(labels) == spans);
}

TEST_CASE("Viterbi returns only well-formed BILOU sequences", "[ner][viterbi]") {
  // Emissions that favour an ill-formed sequence (I-PER at the start, B-LOC at the end).
  const std::size_t n = 3;
  std::vector<float> emissions(n * kLabels, 0.0f);
  emissions[0 * kLabels + make_label(EntityType::person, Position::inside)] = 10;
  emissions[1 * kLabels + make_label(EntityType::organisation, Position::last)] = 10;
  emissions[2 * kLabels + make_label(EntityType::location, Position::begin)] = 10;
  const auto labels = viterbi(emissions, n, Transitions{});
  REQUIRE(labels.size() == n);
  Label previous = kOutside;
  for (const Label label : labels) {
    CHECK(allowed_transition(previous, label));
    previous = label;
  }
  CHECK((previous == kOutside || label_position(previous) == Position::last ||
         label_position(previous) == Position::unit));
  CHECK(viterbi({}, 0, Transitions{}).empty());
}

TEST_CASE("Evaluation counts exact span and type matches only", "[ner][evaluation]") {
  Evaluation evaluation;
  evaluation.add({span(EntityType::person, 0, 2), span(EntityType::location, 3, 4)},
                 {span(EntityType::person, 0, 2), span(EntityType::location, 3, 5), span(EntityType::misc, 6, 7)});
  CHECK(evaluation.overall.gold == 2);
  CHECK(evaluation.overall.predicted == 3);
  CHECK(evaluation.overall.correct == 1);
  CHECK(evaluation.overall.precision() == Approx(1.0 / 3));
  CHECK(evaluation.overall.recall() == Approx(0.5));
  CHECK(evaluation.by_type[static_cast<int>(EntityType::person)].f1() == Approx(1.0));
  CHECK(MentionCounts{}.f1() == 0.0);
}

TEST_CASE("a model survives a save and load round trip", "[ner][model]") {
  FeatureWeights a{0x1234, {}}, b{0x9876543210ULL, {}};
  a.weights[kOutside] = 1.5f;
  a.weights[make_label(EntityType::person, Position::unit)] = -0.25f;
  b.weights[make_label(EntityType::location, Position::begin)] = 3.0f;
  Transitions transitions;
  transitions.next[kOutside][kOutside] = 0.5f;
  const Model model = Model::build({a, b}, transitions, 42, {"Reuters"});

  newsdex::test::TempDir dir("ner-model");
  model.save(dir.path() / "model.bin");
  const Model loaded = Model::load(dir.path() / "model.bin");
  CHECK(loaded.feature_count() == 2);
  CHECK(loaded.gazetteer_digest() == 42);
  CHECK(loaded.vocabulary_size() == 1);

  SentenceFeatures features;
  features.features = {0x1234, 0x9876543210ULL, 0x5555};
  features.offsets = {0, 3};
  features.word_ends = {0};
  features.word_keys = {0};
  std::vector<float> original, reloaded;
  model.score(features, original);
  loaded.score(features, reloaded);
  CHECK(original == reloaded);
  CHECK(reloaded[make_label(EntityType::location, Position::begin)] > reloaded[kOutside]);
  CHECK(loaded.transitions().next[kOutside][kOutside] == model.transitions().next[kOutside][kOutside]);
}

TEST_CASE("a missing or damaged model file is a clear error", "[ner][model]") {
  newsdex::test::TempDir dir("ner-model-bad");
  CHECK_THROWS_WITH(Model::load(dir.path() / "absent.bin"), Catch::Contains("cannot read NER model"));
  std::ofstream(dir.path() / "bad.bin") << "not a model";
  CHECK_THROWS_AS(Model::load(dir.path() / "bad.bin"), newsdex::Error);
  CHECK_THROWS_WITH(Model::load(dir.path() / "bad.bin"), Catch::Contains("scripts/train-ner.sh"));
}
