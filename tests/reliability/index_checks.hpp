// What a database holds, read directly (not through newsdex-search), and its integrity check.
#pragma once
#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace newsdex::test {

struct IndexContents {
  std::size_t doc_count = 0;
  std::map<std::string, std::size_t> ids;             // article id (document data) -> documents holding it
  std::size_t id_terms = 0;                           // Q terms
  std::vector<std::string> id_terms_not_unique;       // Q terms indexing more than one document
  std::vector<std::string> records_without_articles;  // committed file records whose articles are missing
  std::size_t file_records = 0;
  std::size_t unfinished_records = 0;  // files whose re-indexing a crash cut short (redone by the next run)
};

IndexContents read_index(const std::filesystem::path& db);

// Runs xapian-check on the database (its stub, for a versioned folder); returns its output when it finds a problem,
// empty when clean.
std::string integrity_problems(const std::filesystem::path& db);

// Compares the database with the ids it should hold exactly; returns the differences, one per
// line (missing, unexpected, twice), empty when it holds each expected article once and nothing else.
std::string differences(const IndexContents& contents, const std::set<std::string>& expected);

}  // namespace newsdex::test
