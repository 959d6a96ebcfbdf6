// Unicode helpers shared by readers, cleaner, entity extraction and query building.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// Replaces every ill-formed UTF-8 sequence with U+FFFD; returns how many were replaced via `repaired`.
std::string repair_utf8(std::string_view text, std::size_t* repaired = nullptr);

// Unicode NFC of well-formed UTF-8 text (ill-formed input is repaired first).
std::string to_nfc(std::string_view text);

// The normalised key of a name: NFC, case-folded, accents stripped, curly quotes and apostrophes made
// straight, runs of white space collapsed to one space, trimmed. "Zoë  Marchetti" -> "zoe marchetti".
std::string fold_key(std::string_view text);

// Collapses runs of white space (including NBSP and other Unicode spaces) to one space and trims.
std::string collapse_whitespace(std::string_view text);

// The items of `text` between each `separator`, empty ones included: split("a,,b", ',') gives three
// items, split("", ',') one. For comma lists of options and for the words of a query.
std::vector<std::string_view> split(std::string_view text, char separator);

// Appends the UTF-8 bytes of one code point; a surrogate or a value past U+10FFFF (not characters)
// becomes U+FFFD. The one encoder the decoders and the entity tagger's lower-casing share.
void append_utf8(std::string& out, char32_t code_point);

// `text` with its ASCII letters lower-cased and every other byte as it is (UTF-8 stays valid): for
// what is ASCII by definition (keys, tag and attribute values, extensions, field names).
std::string ascii_lower(std::string_view text);

}  // namespace newsdex
