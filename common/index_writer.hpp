// The single writer: applies prepared articles and file changes to the database, recognising
// duplicates (identical normalised bodies are indexed once, other locations recorded) and keeping
// the file records that make re-runs incremental.
#pragma once
#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "common/article_preparation.hpp"
#include "common/file_records.hpp"

namespace newsdex {

struct WriteCounts {
  std::size_t added = 0;       // articles new to the index
  std::size_t updated = 0;     // articles re-indexed because their file changed
  std::size_t duplicates = 0;  // articles recorded as another location of an indexed one
  std::size_t deleted = 0;     // articles removed (file gone with --prune, or gone from a changed file)
};

class IndexWriter {
 public:
  IndexWriter(Xapian::WritableDatabase& db, std::string language);

  // Removes what a file held before it is re-indexed or pruned; ids in `keep` are about to be
  // written again and are counted as updated rather than deleted.
  void remove_file_articles(const FileRecord& record, const std::unordered_set<std::string>& keep);

  // Adds or replaces one article; returns true when it was indexed as a document of its own and
  // false when it was recorded as a duplicate location.
  bool write(PreparedArticle&& prepared, bool existed_before);

  void write_record(const FileRecord& record) { store_file_record(db_, record); }
  void erase_record(const std::string& path) { erase_file_record(db_, path); }

  // Commits when at least `every` changes are pending (every = 0 commits whatever is pending).
  void commit_if_due(std::size_t every);
  std::size_t pending() const { return pending_; }

  const WriteCounts& counts() const { return counts_; }

 private:
  void remove_article(const std::string& id, const std::string& path);
  void record_display_names(const Article& article);

  Xapian::WritableDatabase& db_;
  Xapian::TermGenerator rebuilder_;  // for promoting a duplicate to a document of its own
  std::unordered_set<std::string> named_keys_;
  std::size_t pending_ = 0;
  WriteCounts counts_;
};

}  // namespace newsdex
