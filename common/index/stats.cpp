#include "common/index/stats.hpp"

#include <filesystem>
#include <map>

#include "common/store/database.hpp"
#include "common/store/display_names.hpp"
#include "common/store/file_records.hpp"
#include "common/store/schema.hpp"
#include "common/store/xapian_errors.hpp"

namespace newsdex {
namespace {

std::string iso_from_value(const std::string& value) {
  if (value.size() != 8) return {};
  return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

std::string display_name(const Xapian::Database& db, std::string_view prefix, const std::string& key) {
  auto name = stored_display_name({db}, prefix, key);
  return name.empty() ? key : name;
}

std::vector<std::pair<std::string, std::uint64_t>> top_terms(const Xapian::Database& db, std::string_view prefix,
                                                             std::size_t top) {
  std::multimap<std::uint64_t, std::string, std::greater<>> by_count;
  std::string p(prefix);
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it)
    by_count.emplace(it.get_termfreq(), (*it).substr(p.size()));
  std::vector<std::pair<std::string, std::uint64_t>> result;
  for (const auto& [count, key] : by_count) {
    if (result.size() >= top) break;
    result.emplace_back(display_name(db, prefix, key), count);
  }
  return result;
}

IndexStats read_index_stats(const std::string& db_path, std::size_t top) {
  auto db = open_for_reading({db_path});
  IndexStats stats;
  stats.articles = db.get_doccount();
  stats.files = load_all_file_records(db).size();
  stats.first_date = iso_from_value(db.get_value_lower_bound(schema::date_slot));
  stats.last_date = iso_from_value(db.get_value_upper_bound(schema::date_slot));
  std::string dup(schema::duplicate_prefix);
  for (auto it = db.allterms_begin(dup); it != db.allterms_end(dup); ++it) ++stats.duplicates;
  stats.top_people = top_terms(db, schema::person_prefix, top);
  stats.top_organisations = top_terms(db, schema::org_prefix, top);
  stats.top_places = top_terms(db, schema::place_prefix, top);
  stats.top_sources = top_terms(db, schema::source_prefix, top);
  stats.bytes_on_disk = directory_bytes(db_path);
  stats.language = db.get_metadata(std::string(schema::language_key));
  return stats;
}

}  // namespace

std::uint64_t directory_bytes(const std::string& path) {
  std::uint64_t total = 0;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(path, error);
       it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (error) break;
    if (it->is_regular_file(error)) total += it->file_size(error);
  }
  return total;
}

IndexStats compute_index_stats(const std::string& db_path, std::size_t top) {
  return with_newsdex_errors(DatabaseWork::indexing, [&] { return read_index_stats(db_path, top); });
}

}  // namespace newsdex

