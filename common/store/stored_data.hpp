// Document data as stored: the article JSON (document.cpp), compressed with zstd against a
// dictionary trained on the collection's own first articles. A news article's JSON is mostly
// words and field names that recur from article to article, which per-record zlib (what Glass
// does to document data) cannot see: with a shared dictionary the data is 40% smaller
// (Reuters-21578: 14.4 → 8.6 MB) and reads three times faster, and reading it was the largest
// single cost of a search. Data written before a dictionary exists stays plain JSON; both kinds
// are read alike.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

struct ZSTD_DDict_s;

namespace newsdex {

// A zstd dictionary; its id (zstd's dictionary id) is written into every frame made with it.
class DataDictionary {
 public:
  // Trains one from sample document data; nullopt when the samples are too few or too alike.
  static std::optional<DataDictionary> train(const std::vector<std::string>& samples);
  // Wraps stored bytes; throws DatabaseError when they are not a zstd dictionary.
  explicit DataDictionary(std::string bytes);

  std::uint32_t id() const { return id_; }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::uint32_t id_ = 0;
};

// The metadata key a dictionary is stored under.
std::string data_dictionary_key(std::uint32_t id);

// Compresses document data with one dictionary. One per thread.
class DataPacker {
 public:
  explicit DataPacker(const DataDictionary& dictionary);
  ~DataPacker();
  DataPacker(DataPacker&&) noexcept;
  DataPacker& operator=(DataPacker&&) noexcept;

  std::string pack(std::string_view json);
  std::uint32_t dictionary_id() const { return id_; }

 private:
  struct Zstd;
  std::unique_ptr<Zstd> zstd_;
  std::uint32_t id_ = 0;
};

// Reads document data back to JSON, whichever way it was stored. Dictionaries are looked up by id in
// the databases' metadata, once each: in `database`, then in each of `shards` (the same databases each
// opened on its own: Xapian's combined database answers metadata from its first shard only, and shards
// indexed apart each trained a dictionary of their own). One per thread.
class DataUnpacker {
 public:
  explicit DataUnpacker(Xapian::Database database, std::vector<Xapian::Database> shards = {});
  ~DataUnpacker();
  DataUnpacker(DataUnpacker&&) noexcept;
  DataUnpacker& operator=(DataUnpacker&&) noexcept;

  // Makes a dictionary known without a metadata lookup (the writer's own).
  void add(const DataDictionary& dictionary);

  // The JSON; "" when compressed data is damaged (the result then shows without its details).
  // Throws DatabaseError when the dictionary it needs is in none of the databases.
  std::string unpack(std::string stored);

 private:
  struct Zstd;
  const ZSTD_DDict_s* dictionary(std::uint32_t id);
  const ZSTD_DDict_s* find_stored(std::uint32_t id);
  Xapian::Database database_;
  std::vector<Xapian::Database> shards_;
  std::unique_ptr<Zstd> zstd_;
};

}  // namespace newsdex
