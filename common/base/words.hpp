// Splitting text into words as Xapian's TermGenerator does (word characters, inner apostrophes
// kept), with their lower-case forms. Used to find the words a query matches in a snippet, and to
// collect the words of an article for the spelling dictionary. Pure functions: no database needed.
#pragma once
#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The words of a text and their lower-case forms, all in one buffer; a Highlighter reuses one from
// text to text: snippets read every word of every hit, and a string per word was most of their cost.
struct Tokens {
  struct Token {
    std::size_t begin, end;              // in the text
    std::size_t lower_begin, lower_end;  // in `lower`
  };
  std::vector<Token> list;
  std::string lower;
  std::vector<bool> in_phrase;  // scratch for phrase matching

  std::string_view word(std::size_t i) const {
    return std::string_view(lower).substr(list[i].lower_begin, list[i].lower_end - list[i].lower_begin);
  }
};

// Fills `tokens` with the words of `text`. Only words whose lower-case form starts with a byte in
// `initials` are lower-cased: the others cannot match (most words of a text, with a short query),
// and a run of them is one token with an empty form, a gap that keeps phrases from matching across
// it. With every initial set, each word is a token of its own.
void tokenize(std::string_view text, const std::bitset<256>& initials, Tokens& tokens);

}  // namespace newsdex
