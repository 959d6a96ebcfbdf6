// What a database holds, read directly (not through newsdex-search), its integrity check, and the
// "index intact" check of a run that must not have lost what was indexed before.
#pragma once
#include <cstddef>
#include <cstdint>
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

// What keeps `db` from being intact after a run that must not have lost the articles `kept`
// (indexed before): xapian-check's findings, an id of `kept` not held exactly once, a file record
// naming a missing article. Empty when the database is valid and lost nothing.
std::string intact_problems(const std::filesystem::path& db, const std::set<std::string>& kept);

// How many articles the real newsdex-search finds in `db` for the one word `word` (the lower bound
// of its --json "matches"). Throws, with its stderr, when the search fails or writes to stderr.
std::uint64_t count_matches(const std::filesystem::path& db, const std::string& word);

}  // namespace newsdex::test
