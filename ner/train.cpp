// newsdex-ner-train: trains the entity tagger on CoNLL-2003 and writes data/ner/model.bin.
// Run through scripts/train-ner.sh, which also rebuilds the gazetteer lists the model depends on.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "common/base/errors.hpp"
#include "common/entities/gazetteer.hpp"
#include "ner/conll.hpp"
#include "ner/trainer.hpp"

namespace {

void print_epoch(const newsdex::ner::EpochReport& report) {
  const auto& dev = report.development.overall;
  std::printf("epoch %2d  %5.1f s  %8zu features  dev P %.4f R %.4f F1 %.4f\n", report.epoch, report.train_seconds,
              report.features, dev.precision(), dev.recall(), dev.f1());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the newsdex entity tagger (averaged perceptron, BILOU, Viterbi) on CoNLL-2003."};
  std::string train_path, dev_path, lists_dir, out_path;
  newsdex::ner::TrainingOptions options;
  app.add_option("--train", train_path, "CoNLL training file (eng.train)")->required();
  app.add_option("--dev", dev_path, "CoNLL development file used to choose the epoch (eng.testa)")->required();
  app.add_option("--lists", lists_dir, "folder of gazetteer lists (data/ner/lists)")->required();
  app.add_option("--out", out_path, "model file to write (data/ner/model.bin)")->required();
  app.add_option("--epochs", options.epochs, "maximum number of epochs")->capture_default_str();
  app.add_option("--seed", options.seed, "seed of the document shuffle")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    const auto started = std::chrono::steady_clock::now();
    const auto gazetteer = newsdex::ner::Gazetteer::load(lists_dir);
    const auto training = newsdex::ner::read_conll(train_path);
    const auto development = newsdex::ner::read_conll(dev_path);
    std::printf("%zu training documents, %zu development documents, %zu gazetteer entries\n", training.size(),
                development.size(), gazetteer.entry_count());
    const auto model = newsdex::ner::train_model(training, development, gazetteer, options, print_epoch);
    model.save(out_path);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("wrote %s: %zu features, %zu weights (%.0f s in all)\n", out_path.c_str(), model.feature_count(),
                model.weight_count(), seconds);
    return 0;
  } catch (const newsdex::Error& error) {
    std::cerr << "newsdex-ner-train: " << error.what() << "\n";
    return static_cast<int>(error.code());
  }
}
