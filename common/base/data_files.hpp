// Finds the data files shipped in the repository's data/ folder (NER model, lists).
#pragma once
#include <filesystem>
#include <string_view>

namespace newsdex {

// Looks in $NEWSDEX_DATA_DIR, next to the executable (../share/newsdex), then the source tree's data/.
// Throws newsdex::Error naming every place it looked when the file is in none of them.
std::filesystem::path find_data_file(std::string_view relative);

}  // namespace newsdex
