#include "common/readers/language_id.hpp"

#include <algorithm>
#include <cstdio>  // before CLD2's header, which uses FILE without including it

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "common/base/languages.hpp"

namespace newsdex {
namespace {

// Under this many letters CLD2 falls back to English rather than saying it cannot tell
// (compact_lang_det.h: "very short indeterminate text defaults to ENGLISH"): say nothing instead.
constexpr int minimum_letter_bytes = 24;

}  // namespace

LanguageGuess identify_language(std::string_view text) {
  LanguageGuess guess;
  auto length = static_cast<int>(std::min(text.size(), identify_language_bytes));
  if (length == 0) return guess;
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  double scores3[3] = {0, 0, 0};
  int letter_bytes = 0;
  int valid_prefix = 0;
  bool reliable = false;
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  auto language = CLD2::ExtDetectLanguageSummaryCheckUTF8(text.data(), length, /*is_plain_text=*/true, &hints,
                                                          /*flags=*/0, top3, percent3, scores3, nullptr,
                                                          &letter_bytes, &reliable, &valid_prefix);
  if (valid_prefix < length && valid_prefix > 0) {
    // The cut at identify_language_bytes may split a character; anything else is broken input:
    // judge what came before it.
    return identify_language(text.substr(0, static_cast<std::size_t>(valid_prefix)));
  }
  if (language == CLD2::UNKNOWN_LANGUAGE || letter_bytes < minimum_letter_bytes) return guess;
  std::string code = CLD2::LanguageCode(language);
  const auto* known = find_language(code);
  // A language the table lacks (Galician, Welsh...) keeps CLD2's primary tag: indexed unstemmed.
  guess.code = known ? std::string(known->code) : code.substr(0, code.find('-'));
  guess.percent = percent3[0];
  guess.reliable = reliable;
  return guess;
}

}  // namespace newsdex
