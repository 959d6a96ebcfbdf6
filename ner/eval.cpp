// newsdex-ner-eval: tags a CoNLL-2003 file with the shipped model and prints per-type and overall
// precision, recall and F1 (exact span and type, as conlleval), plus the tagging speed.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "common/base/data_files.hpp"
#include "common/base/errors.hpp"
#include "common/entities/tagger.hpp"
#include "ner/conll.hpp"
#include "ner/cpu_time.hpp"
#include "ner/evaluation.hpp"

namespace {

using namespace newsdex::ner;

void print_row(const char* name, const MentionCounts& counts) {
  std::printf("%-8s %9.2f %9.2f %9.2f %7zu %7zu\n", name, 100 * counts.precision(), 100 * counts.recall(),
              100 * counts.f1(), counts.gold, counts.predicted);
}

// "word gold predicted" lines in IOB1, the input conlleval expects.
void write_predictions(std::ostream& out, const LabelledSentence& sentence, const std::vector<Span>& predicted) {
  const auto tags = [&](const std::vector<Span>& spans) {
    std::vector<std::string> tags(sentence.tokens.size(), "O");
    for (std::size_t k = 0; k < spans.size(); ++k) {
      const Span& span = spans[k];
      const bool touches = k > 0 && spans[k - 1].last == span.first && spans[k - 1].type == span.type;
      for (std::size_t i = span.first; i < span.last; ++i) {
        tags[i] = std::string(i == span.first && touches ? "B-" : "I-") + std::string(type_code(span.type));
      }
    }
    return tags;
  };
  const auto gold = tags(sentence.gold), guess = tags(predicted);
  for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
    out << sentence.tokens[i].text << ' ' << gold[i] << ' ' << guess[i] << '\n';
  }
  out << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Evaluate the newsdex entity tagger on a CoNLL-2003 file (IOB1)."};
  std::string conll_path, data_dir, predictions_path;
  app.add_option("FILE.conll", conll_path, "CoNLL-2003 file with gold NER tags")->required();
  app.add_option("--data", data_dir, "folder holding model.bin and lists/ (default: the shipped data/ner)");
  app.add_option("--predictions", predictions_path, "also write 'word gold predicted' lines for conlleval");
  CLI11_PARSE(app, argc, argv);
  try {
    const Tagger tagger(data_dir.empty() ? newsdex::find_data_file("ner/model.bin").parent_path()
                                         : std::filesystem::path(data_dir));
    const auto documents = read_conll(conll_path);
    std::vector<std::vector<Sentence>> inputs;
    std::size_t tokens = 0, bytes = 0;
    for (const auto& document : documents) {
      auto& sentences = inputs.emplace_back();
      for (const auto& sentence : document.sentences) {
        sentences.push_back(sentence.tokens);
        tokens += sentence.tokens.size();
        bytes += sentence.tokens.empty() ? 0 : sentence.tokens.back().end + 1;  // the sentence joined by spaces
      }
    }
    const double started = thread_cpu_seconds();
    std::vector<std::vector<std::vector<Span>>> predictions;
    predictions.reserve(inputs.size());
    for (const auto& sentences : inputs) predictions.push_back(tagger.tag(sentences));
    const double seconds = thread_cpu_seconds() - started;

    Evaluation evaluation;
    std::ofstream predictions_out;
    if (!predictions_path.empty()) predictions_out.open(predictions_path);
    for (std::size_t d = 0; d < documents.size(); ++d) {
      for (std::size_t s = 0; s < documents[d].sentences.size(); ++s) {
        evaluation.add(documents[d].sentences[s].gold, predictions[d][s]);
        if (predictions_out.is_open()) write_predictions(predictions_out, documents[d].sentences[s], predictions[d][s]);
      }
    }
    std::printf("%-8s %9s %9s %9s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "found");
    for (int type = 0; type < kEntityTypes; ++type) {
      print_row(std::string(type_code(static_cast<EntityType>(type))).c_str(), evaluation.by_type[type]);
    }
    print_row("overall", evaluation.overall);
    std::printf("speed: %zu tokens in %.3f s CPU = %.0f tokens/s, %.2f MB/s of text (one core, features + Viterbi)\n",
                tokens, seconds, tokens / seconds, bytes / seconds / 1e6);
    return 0;
  } catch (const newsdex::Error& error) {
    std::cerr << "newsdex-ner-eval: " << error.what() << "\n";
    return static_cast<int>(error.code());
  }
}
