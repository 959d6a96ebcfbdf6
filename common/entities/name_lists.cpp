#include "common/entities/name_lists.hpp"

#include <fstream>
#include <vector>

#include "common/base/errors.hpp"
#include "common/base/text.hpp"

namespace newsdex::ner {
namespace {

// The tab-separated fields of every line that is neither empty nor a '#' comment.
std::vector<std::vector<std::string>> read_rows(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw Error(ExitCode::io_error, "cannot read " + path.string() + " (rebuild data/ner with ner/build_lists.py)");
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.find('\t') == std::string::npos) continue;
    auto& row = rows.emplace_back();
    std::size_t start = 0;
    while (start <= line.size()) {
      const std::size_t tab = std::min(line.find('\t', start), line.size());
      row.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
  }
  return rows;
}

std::optional<EntityType> type_named(std::string_view name) {
  if (name == "place") return EntityType::location;
  if (name == "organisation") return EntityType::organisation;
  if (name == "person") return EntityType::person;
  if (name == "none") return EntityType::misc;
  return std::nullopt;
}

}  // namespace

NameLists NameLists::load(const std::filesystem::path& data_dir) {
  NameLists lists;
  for (const auto& row : read_rows(data_dir / "aliases.tsv")) {
    const auto type = row.size() > 2 ? type_named(row[2]) : std::nullopt;
    lists.add_alias(row[0], {row[1], type.value_or(EntityType::organisation)});
  }
  for (const auto& row : read_rows(data_dir / "demonyms.tsv")) lists.countries_.emplace(fold_key(row[0]), row[1]);
  for (const auto& row : read_rows(data_dir / "non_entities.tsv")) lists.add_non_entity(row[0], row[1]);
  for (const auto& row : read_rows(data_dir / "type_cues.tsv")) {
    const auto type = row.size() > 2 ? type_named(row[2]) : std::nullopt;
    if (!type) continue;
    const CueWhere where = row[1] == "first"    ? CueWhere::first
                           : row[1] == "suffix" ? CueWhere::suffix
                           : row[1] == "named"  ? CueWhere::named
                                                : CueWhere::last;
    lists.add_cue(row[0], where, *type);
  }
  return lists;
}

void NameLists::add_alias(const std::string& alias, Alias target) {
  if (target.type == EntityType::location) place_names_.insert(fold_key(target.name));
  aliases_.emplace(fold_key(alias), std::move(target));
}

void NameLists::add_non_entity(const std::string& name, std::string category) {
  non_entities_.emplace(fold_key(name), std::move(category));
}

void NameLists::add_cue(std::string word, CueWhere where, EntityType type) {
  cues_[static_cast<std::size_t>(where)].emplace(fold_key(word), type);
}

const Alias* NameLists::alias(const std::string& key) const {
  const auto found = aliases_.find(key);
  return found == aliases_.end() ? nullptr : &found->second;
}

const std::string* NameLists::country_of_demonym(const std::string& key) const {
  const auto found = countries_.find(key);
  return found == countries_.end() ? nullptr : &found->second;
}

bool NameLists::is_place_name(const std::string& key) const { return place_names_.contains(key); }

std::string_view NameLists::non_entity(const std::string& key) const {
  const auto found = non_entities_.find(key);
  return found == non_entities_.end() ? std::string_view{} : std::string_view(found->second);
}

std::optional<EntityType> NameLists::cue(std::string_view word, CueWhere where) const {
  const auto& cues = cues_[static_cast<std::size_t>(where)];
  if (where == CueWhere::suffix) {
    const std::string key = fold_key(word);
    for (const auto& [suffix, type] : cues) {
      if (key.size() > suffix.size() + 2 && key.ends_with(suffix)) return type;
    }
    return std::nullopt;
  }
  const auto found = cues.find(fold_key(word));
  return found == cues.end() ? std::nullopt : std::optional<EntityType>(found->second);
}

}  // namespace newsdex::ner
