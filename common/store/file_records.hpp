// What the index remembers about each input file, so a re-run touches only what changed.
// Records live in the database's metadata ("file:<path hash>") and are committed together with the
// file's documents, so after a crash a file is either fully indexed with its record or not at all.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct FileRecord {
  std::string path;  // path_text() of the file's path (common/base/path_text.hpp): valid UTF-8, reversible
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;                      // content hash of the file's bytes
  std::vector<std::string> article_ids;  // every article location the file holds (primary or duplicate)
};

std::string file_record_key(const std::string& path);
std::optional<FileRecord> load_file_record(const Xapian::Database& db, const std::string& path);
void store_file_record(Xapian::WritableDatabase& db, const FileRecord& record);
void erase_file_record(Xapian::WritableDatabase& db, const std::string& path);
std::vector<FileRecord> load_all_file_records(const Xapian::Database& db);

}  // namespace newsdex
