// File paths as text: a path is any string of bytes, but the index (JSON document data, file records,
// article ids) and the terminal need text. One reversible escaping turns the one into the other
// (docs/indexing.md, "File names"); every place that stores or shows a path uses it.
#pragma once
#include <string>
#include <string_view>

namespace newsdex {

// The path's bytes as valid UTF-8 without control characters. Valid UTF-8 characters stay as they
// are; a byte that is not part of a valid UTF-8 character (invalid, overlong, a surrogate, beyond
// U+10FFFF), and each byte of a control character (U+0000-U+001F, U+007F, U+0080-U+009F), becomes
// `\xHH` (upper-case hex). A backslash is doubled when what follows it would otherwise read as an
// escape (`x` or another backslash, which includes the start of an escape); elsewhere it stays single.
// Different byte strings never give the same text, and path_bytes() gives the bytes back exactly.
std::string path_text(std::string_view bytes);

// The inverse of path_text(). Any other text is read leniently: a backslash that starts neither
// `\\` nor `\xHH` stands for itself.
std::string path_bytes(std::string_view text);

// A path typed by a user (text, as results show paths) in the form the index stores paths in: a
// relative one taken from the current folder (as the indexer takes the paths it is given), made
// lexically normal, without a trailing '/'. "" for a blank one. For path: and --show.
std::string stored_path_form(std::string_view typed);

}  // namespace newsdex
