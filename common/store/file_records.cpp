#include "common/store/file_records.hpp"

#include <nlohmann/json.hpp>

#include "common/base/hashing.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

std::string to_json(const FileRecord& record) {
  return nlohmann::json{{"path", record.path},
                        {"size", record.size},
                        {"mtime_ns", record.mtime_ns},
                        {"hash", record.hash},
                        {"ids", record.article_ids}}
      .dump();
}

std::optional<FileRecord> from_json(const std::string& text) {
  auto data = nlohmann::json::parse(text, nullptr, false);
  if (data.is_discarded() || !data.is_object()) return std::nullopt;
  FileRecord record;
  record.path = data.value("path", "");
  record.size = data.value("size", std::uint64_t{0});
  record.mtime_ns = data.value("mtime_ns", std::int64_t{0});
  record.hash = data.value("hash", "");
  if (auto it = data.find("ids"); it != data.end() && it->is_array())
    for (const auto& id : *it)
      if (id.is_string()) record.article_ids.push_back(id.get<std::string>());
  return record;
}

}  // namespace

std::string file_record_key(const std::string& path) {
  return std::string(schema::file_record_key_prefix) + content_hash(path);
}

std::optional<FileRecord> load_file_record(const Xapian::Database& db, const std::string& path) {
  auto text = db.get_metadata(file_record_key(path));
  if (text.empty()) return std::nullopt;
  auto record = from_json(text);
  if (record && record->path != path) return std::nullopt;  // a hash collision: treat as unknown
  return record;
}

void store_file_record(Xapian::WritableDatabase& db, const FileRecord& record) {
  db.set_metadata(file_record_key(record.path), to_json(record));
}

void erase_file_record(Xapian::WritableDatabase& db, const std::string& path) {
  db.set_metadata(file_record_key(path), "");
}

std::vector<FileRecord> load_all_file_records(const Xapian::Database& db) {
  std::vector<FileRecord> records;
  std::string prefix(schema::file_record_key_prefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
    if (auto record = from_json(db.get_metadata(*it))) records.push_back(std::move(*record));
  return records;
}

}  // namespace newsdex
