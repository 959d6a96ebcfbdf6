// What is in an index: counts, date range, top entities, size on disk.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

struct IndexStats {
  std::uint64_t articles = 0, files = 0, duplicates = 0;
  std::string first_date, last_date;  // ISO dates, empty when no article has one
  std::vector<std::pair<std::string, std::uint64_t>> top_people, top_organisations, top_places, top_sources;
  std::uint64_t bytes_on_disk = 0;
  std::string language;
};

IndexStats compute_index_stats(const std::string& db_path, std::size_t top);

// The bytes of the regular files under `path` (what "size on disk" means in stats and compact).
std::uint64_t directory_bytes(const std::string& path);

}  // namespace newsdex
