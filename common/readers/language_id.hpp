// Which language an article is written in, from its cleaned text: Chrome's Compact Language
// Detector 2 (Debian's libcld2; README.md says why this one). A pure function: text in, a guess out.
#pragma once
#include <string>
#include <string_view>

namespace newsdex {

struct LanguageGuess {
  // ISO 639-1 ("fr") for the languages of base/languages.hpp; CLD2's tag for others ("gl", "haw");
  // empty when the text does not say.
  std::string code;
  int percent = 0;       // the share of the text's letters in that language, 0..100
  bool reliable = false; // CLD2's own judgement: clearly ahead of the second-best language
};

// Looks at (at most) the first `identify_language_bytes` bytes. Invalid UTF-8 is judged on its
// valid prefix. Empty text, or text with too few letters to tell, gives an empty code.
LanguageGuess identify_language(std::string_view text);

inline constexpr std::size_t identify_language_bytes = 16 * 1024;

}  // namespace newsdex
