// The stemming language of an index (--language): a Snowball name Xapian knows, or "none".
#pragma once
#include <string>

namespace newsdex {

// Throws UsageError naming `language` and listing the languages there are. Checked with the options:
// an unknown language would otherwise fail only once indexing starts, after the database was opened
// and stamped with it.
void check_language(const std::string& language);

}  // namespace newsdex
