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
  std::string text;        // normalised: curly quotes and apostrophes straight, dashes ASCII
  std::size_t begin = 0;   // byte range of the token in the text that was tokenised
  std::size_t end = 0;
};

using Sentence = std::vector<Token>;

std::vector<Token> tokenize(std::string_view text);

// Splits a paragraph's tokens into sentences (a paragraph never continues a sentence).
std::vector<Sentence> split_sentences(std::vector<Token> tokens);

inline std::vector<Sentence> tokenize_sentences(std::string_view paragraph) {
  return split_sentences(tokenize(paragraph));
}

}  // namespace newsdex::ner
