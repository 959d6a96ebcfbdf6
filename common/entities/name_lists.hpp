// The shipped lists the canonicaliser reads besides the tagger's gazetteer (data/ner/README.md): aliases
// with the type of what they name, nationality adjectives, names that are not entities, and the words
// that give a name its type. Lookups take fold_key forms.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "common/entities/labels.hpp"

namespace newsdex::ner {

struct Alias {
  std::string name;  // the canonical name
  EntityType type = EntityType::organisation;
};

// first/last: a word of the name; suffix: the end of its only word; named: the lower-case noun before
// "named", "called" or "known as" in front of the name ("a machine named Marigold").
enum class CueWhere : std::uint8_t { first, last, suffix, named };

class NameLists {
 public:
  NameLists() = default;
  // Reads aliases.tsv, demonyms.tsv, non_entities.tsv and type_cues.tsv from `data_dir`; throws
  // newsdex::Error naming a file that cannot be read.
  static NameLists load(const std::filesystem::path& data_dir);

  const Alias* alias(const std::string& key) const;
  const std::string* country_of_demonym(const std::string& key) const;
  bool is_place_name(const std::string& key) const;  // a canonical name of a place alias ("united states")
  // The category of a name that is not an entity ("award", "sign-off" ...), or empty.
  std::string_view non_entity(const std::string& key) const;
  // The type a name's first or last word (or the end of its only word) gives it; misc for "none of the
  // three" (an event: "Festival", "Cup"), nothing when the word is no cue.
  std::optional<EntityType> cue(std::string_view word, CueWhere where) const;

  // For tests: entries added by hand.
  void add_alias(const std::string& alias, Alias target);
  void add_non_entity(const std::string& name, std::string category);
  void add_cue(std::string word, CueWhere where, EntityType type);

 private:
  std::unordered_map<std::string, Alias> aliases_;
  std::unordered_set<std::string> place_names_;
  std::unordered_map<std::string, std::string> countries_;
  std::unordered_map<std::string, std::string> non_entities_;
  std::unordered_map<std::string, EntityType> cues_[4];
};

}  // namespace newsdex::ner
