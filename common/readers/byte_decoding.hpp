// Turning a file's bytes into UTF-8 text, whatever its encoding: byte-order marks, UTF-16 (with or
// without a mark), Windows-1252/Latin-1, damaged UTF-8 repaired; binary files recognised; Windows and
// old Mac line ends made LF. docs/readers.md ("Bad input") lists what is reported.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/readers/read_types.hpp"

namespace newsdex {

// The kind of binary file the bytes are ("PDF", "gzip", "zip", ... or "binary"), from their first
// bytes; empty for text, UTF-16 included.
std::string binary_kind(std::string_view bytes);

// True for bytes that are UTF-8 text as they stand: no byte-order mark, not UTF-16, not binary, valid
// UTF-8. decode_to_utf8() hands them back unchanged.
bool is_plain_utf8(std::string_view bytes);

// Decodes text bytes (not binary_kind()) to UTF-8, noting in `problems` (with `path`) what it had to
// guess or repair. Plain UTF-8 (nearly every file) is handed back without a copy: a JSON Lines
// export can be gigabytes.
std::string decode_to_utf8(std::string&& bytes, const std::string& path, std::vector<ReadProblem>& problems);

// Windows (CR LF) and old Mac (CR alone) line ends become LF, in place (the text only gets shorter).
void normalise_line_ends(std::string& text);

}  // namespace newsdex
