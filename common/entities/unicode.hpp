// Character classes and lower-casing for the NER tokenizer and features, with an ASCII fast path
// (most news text is ASCII) and utf8proc for the rest.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex::ner {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;  // bytes it occupies; an ill-formed byte decodes as U+FFFD of length 1
};

CodePoint decode_utf8(std::string_view text, std::size_t pos);

bool is_space(char32_t cp);
bool is_upper(char32_t cp);  // upper- or title-case letter
bool is_lower(char32_t cp);
bool is_letter(char32_t cp);

// Simple (one-to-one) lower-casing of every code point; ill-formed bytes are copied.
std::string to_lower(std::string_view text);
void to_lower(std::string_view text, std::string& out);  // into `out`, reusing its buffer

bool starts_upper(std::string_view text);  // the first code point is an upper-case letter
bool is_all_caps(std::string_view text);   // at least one letter and no lower-case letter
bool has_letter(std::string_view text);

}  // namespace newsdex::ner
