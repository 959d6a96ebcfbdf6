// Reading a file into articles: refuses binary and oversized files, decodes the bytes
// (byte_decoding.hpp), picks the reader by --format, extension and content (formats.hpp) and keeps
// the articles that have a body. The types it takes and gives are in read_types.hpp.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/readers/formats.hpp"
#include "common/readers/read_types.hpp"

namespace newsdex {

// Reads one file. Never throws for bad content: problems are returned with the path and line.
ReadResult read_articles(const std::filesystem::path& path, const ReadOptions& options);

// The same for a file whose bytes the caller has already read (the indexer hashes them): the
// file's modification time still serves --date-from-mtime.
ReadResult read_file_bytes(std::string bytes, const std::filesystem::path& path, const ReadOptions& options);

// The same from bytes already in memory (tests and fuzzing); `path` names the source in messages.
ReadResult read_articles_from_bytes(std::string_view bytes, const std::string& path, const ReadOptions& options);

struct HashedRead {
  ReadResult result;
  std::string hash;  // content_hash() of the file's bytes
};

// A JSON Lines export read a segment of about `options.segment_bytes` at a time, hashing its bytes
// as they come: the file's text and its articles are never all in memory together (a 1.79 GB
// export's text was as large again as its articles). The same articles, positions and messages as
// read_file_bytes() on the whole file. Empty when the file is not plain UTF-8 JSON Lines (a
// byte-order mark, another encoding, invalid UTF-8, a line longer than a segment, one JSON document
// over many lines) or cannot be opened: read the file whole then.
std::optional<HashedRead> read_json_lines_in_segments(const std::filesystem::path& path, const ReadOptions& options);

}  // namespace newsdex
