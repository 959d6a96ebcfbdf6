// Applying a curation file to a database without reading the articles again (newsdex-index --curate,
// docs/entities.md "Curation"): each article's extracted entities, kept in its document data, are
// curated and the entity terms, facet slots and display names of the articles that change are
// rewritten, in one transaction. The file is stored as the database's curation, which later index
// runs apply to new articles.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "common/store/curation_file.hpp"

namespace newsdex {

struct CurationRuleCount {
  CurationRule rule;
  std::size_t articles = 0;  // articles whose entities the rule changes (0: a warning)
};

struct CurationReport {
  std::string file;  // the curation file, as path_text
  std::vector<CurationRuleCount> rules;
  std::size_t articles = 0;     // articles read
  std::size_t rewritten = 0;    // articles whose entity terms or facet slots changed now
  bool stored_changed = false;  // the curation kept in the database was another
  bool wrote_anything = false;  // false: the database already had this curation, nothing was written
  double seconds = 0;
};

// Reads and checks the file first: a bad one (UsageError "<file>:<line>: ...", exit 2) or a missing
// database (exit 3) leaves the database as it was; so does any failure while applying (nothing is
// committed). The file replaces the database's previous curation: rules left out of it are undone.
CurationReport curate_database(const std::string& db_path, const std::string& curation_path, bool wait_for_lock);

}  // namespace newsdex
