// The writer: applies prepared articles and file changes to the database or to the shards of a
// collection, recognising duplicates across the collection (identical normalised bodies are indexed
// once, other locations recorded) and keeping the file records that make re-runs incremental. It
// decides on the run's thread; each shard's own thread does the writing (store/shard_writers.hpp).
// An article goes to the shard of its id (store/shard_routing.hpp); the file records live in the
// first shard; the dictionary, display names and other collection metadata are written to every
// shard alike.
#pragma once
#include <xapian.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/entities/collection_keys.hpp"
#include "common/index/article_preparation.hpp"
#include "common/store/curation.hpp"
#include "common/store/file_records.hpp"
#include "common/store/shard_writers.hpp"
#include "common/store/stored_data.hpp"

namespace newsdex {

struct WriteCounts {
  std::size_t added = 0;       // articles new to the index
  std::size_t updated = 0;     // articles re-indexed because their file changed
  std::size_t duplicates = 0;  // articles recorded as another location of an indexed one
  std::size_t deleted = 0;     // articles removed (file gone with --prune, or gone from a changed file)
};

class IndexWriter {
 public:
  // `fresh`: the database was empty when the run began, so every id and body hash it will meet is
  // one this writer wrote, and lookups can be answered from memory instead of the database.
  IndexWriter(ShardWriters& shards, std::string language, bool fresh = false);
  // One database, written through a ShardWriters of its own.
  IndexWriter(Xapian::WritableDatabase& db, std::string language, bool fresh = false);
  ~IndexWriter();

  // Removes what a file held before it is re-indexed or pruned; ids in `keep` are about to be
  // written again and are counted as updated rather than deleted (an article of theirs that has
  // duplicates stays in place until it is written again, or until finish_file).
  void remove_file_articles(const FileRecord& record, const std::unordered_set<std::string>& keep);
  // After a re-indexed file's articles are written: what it no longer held (of `keep`) is removed.
  void finish_file();

  // Adds or replaces one article; returns true when it was indexed as a document of its own and
  // false when it was recorded as a duplicate location.
  bool write(PreparedArticle&& prepared, bool existed_before);

  // Gives the document's own entities the names `resolution` says (filter terms, facet slots, data
  // and display names); false when they already had them. `docid`: of the collection opened as one.
  bool rekey(Xapian::docid docid, const ner::KeyResolution& resolution);

  void write_record(const FileRecord& record);
  void erase_record(const std::string& path);
  // Metadata of the collection: written to every shard.
  void set_metadata(const std::string& key, const std::string& value);

  // Commits when at least `every` changes are pending (every = 0 commits whatever is pending).
  void commit_if_due(std::size_t every);
  // Writes the buffered spelling words; call before the final commit.
  void flush_spelling();
  std::size_t pending() const { return pending_; }

  const WriteCounts& counts() const { return counts_; }

 private:
  void start(const std::string& language);  // the collection's curation and dictionary
  void remove_article(const std::string& id, const std::string& path, bool written_again);
  void promote_first_duplicate(Xapian::docid docid, Article&& article);
  // The first document holding `term` in any shard (collection numbering), or 0.
  Xapian::docid find_anywhere(const std::string& term);
  Xapian::docid find_in(std::size_t shard, const std::string& term);
  std::string stored_bytes(Xapian::docid docid);
  void replace(Xapian::docid docid, Xapian::Document&& document);
  std::size_t shard_for(const std::string& key) const;
  void take_back_kept(PreparedArticle& prepared, const std::string& hash_term);
  Article load_article(Xapian::docid docid);
  // Document data as stored: compressed once a dictionary exists; until then plain, and kept as a
  // sample to train the dictionary from.
  std::string stored_data(const Article& article);
  std::string stored_data(std::string json);
  void set_stored_data(Xapian::Document& document);
  void use_dictionary(const DataDictionary& dictionary);
  void record_display_names(const Entities& entities, const std::string& source);
  // The database's curation applied to the document's entity terms and slots: the entities indexed,
  // or nullopt when there is no curation (the extracted ones are).
  std::optional<Entities> curate(Xapian::Document& document, const Entities& extracted) const;

  std::unique_ptr<ShardWriters> own_shards_;  // the one-database constructor's
  ShardWriters& shards_;
  Xapian::TermGenerator rebuilder_;  // for promoting a duplicate to a document of its own
  Xapian::docid find_by_hash(const std::string& hash_term);

  bool fresh_;
  std::unordered_map<std::string, std::string> written_hashes_;    // fresh runs: body hash term -> article id
  std::unordered_set<std::string> written_ids_;                    // fresh runs: ids written
  std::unordered_map<std::string, Xapian::docid> kept_in_place_;   // see remove_file_articles
  // Spelling words are summed here and written to Xapian rarely: updating the spelling table at
  // every commit cost a quarter of the indexing time. A crash loses only these suggestions. Each
  // word goes to the shard of its hash, so the shards' tables summed (as Xapian does) are the
  // collection's.
  std::unordered_map<std::string, Xapian::termcount> spelling_;
  std::unordered_map<std::string, std::string> display_names_;  // metadata key -> name written
  Curation curation_;  // the database's (newsdex-index --curate), applied to every article written
  std::optional<DataPacker> packer_;
  DataUnpacker unpacker_;
  std::vector<std::string> dictionary_samples_;
  std::size_t pending_ = 0;
  WriteCounts counts_;
};

}  // namespace newsdex
