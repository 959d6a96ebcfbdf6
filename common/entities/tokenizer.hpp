// Raw text -> tokens and sentences, split the way CoNLL-2003 (Penn Treebank style) splits newswire:
// punctuation, possessive 's and clitics (n't, 're ...) become tokens of their own; abbreviations
// (U.S., Inc., Calif.), numbers (1,000.5), hyphenated words and names like O'Brien stay whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::ner {

struct Token {
  std::string text;       // normalised: curly quotes and apostrophes straight, dashes ASCII
  std::size_t begin = 0;  // byte range of the token in the text that was tokenised
  std::size_t end = 0;
};

using Sentence = std::vector<Token>;

std::vector<Token> tokenize(std::string_view text);

// Splits a paragraph's tokens into sentences (a paragraph never continues a sentence).
std::vector<Sentence> split_sentences(std::vector<Token> tokens);

inline std::vector<Sentence> tokenize_sentences(std::string_view paragraph) {
  return split_sentences(tokenize(paragraph));
}

// A paragraph's sentences a piece at a time, so that no paragraph, however long, is tokenised whole (its
// tokens take about ten times its text): pieces of about `piece_bytes` end at white space, and the sentence
// a piece leaves open goes on in the next. A sentence is at most `max_sentence_tokens` long (a longer one
// is cut there: real prose has none; a paragraph with no sentence end, or a table, may). Token offsets are
// into the whole paragraph. Unless a sentence was cut, the sentences are those of tokenize_sentences.
class SentenceReader {
 public:
  static constexpr std::size_t default_piece_bytes = 64 * 1024;
  static constexpr std::size_t default_max_sentence_tokens = 1000;

  explicit SentenceReader(std::string_view paragraph, std::size_t piece_bytes = default_piece_bytes,
                          std::size_t max_sentence_tokens = default_max_sentence_tokens);

  // The next sentences of the paragraph (at least one), or none at its end.
  std::vector<Sentence> next();

 private:
  std::size_t piece_end() const;

  std::string_view text_;
  std::size_t piece_bytes_, max_tokens_;
  std::size_t position_ = 0;
  Sentence open_;  // the sentence the last piece left open
};

}  // namespace newsdex::ner
