#include "ner/conll.hpp"

#include <fstream>
#include <string>
#include <string_view>

#include "common/base/errors.hpp"

namespace newsdex::ner {
namespace {

class ConllBuilder {
 public:
  void add_token(std::string word, std::string tag) {
    Token token;
    token.begin = sentence_bytes_;
    token.end = sentence_bytes_ + word.size();
    sentence_bytes_ = token.end + 1;
    token.text = std::move(word);
    sentence_.tokens.push_back(std::move(token));
    tags_.push_back(std::move(tag));
  }

  void end_sentence() {
    if (sentence_.tokens.empty()) return;
    std::vector<std::string_view> tags(tags_.begin(), tags_.end());
    sentence_.gold = spans_from_iob(tags);
    if (documents_.empty()) documents_.emplace_back();
    documents_.back().sentences.push_back(std::move(sentence_));
    sentence_ = {};
    tags_.clear();
    sentence_bytes_ = 0;
  }

  void start_document() {
    end_sentence();
    if (documents_.empty() || !documents_.back().sentences.empty()) documents_.emplace_back();
  }

  std::vector<LabelledDocument> finish() {
    end_sentence();
    if (!documents_.empty() && documents_.back().sentences.empty()) documents_.pop_back();
    return std::move(documents_);
  }

 private:
  std::vector<LabelledDocument> documents_;
  LabelledSentence sentence_;
  std::vector<std::string> tags_;
  std::size_t sentence_bytes_ = 0;
};

}  // namespace

std::vector<LabelledDocument> read_conll(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(ExitCode::io_error, "cannot read CoNLL file " + path.string());
  ConllBuilder builder;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      builder.end_sentence();
      continue;
    }
    if (line.starts_with("-DOCSTART-")) {
      builder.start_document();
      continue;
    }
    const auto first_space = line.find(' ');
    const auto last_space = line.rfind(' ');
    if (first_space == std::string::npos) {
      throw Error(ExitCode::io_error, path.string() + ":" + std::to_string(line_number) +
                                          ": expected 'word ... NER-tag', found '" + line + "'");
    }
    builder.add_token(line.substr(0, first_space), line.substr(last_space + 1));
  }
  if (in.bad()) throw Error(ExitCode::io_error, "error while reading " + path.string());
  return builder.finish();
}

}  // namespace newsdex::ner
