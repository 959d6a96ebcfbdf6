// Turns the tagger's mentions in one article into its people, organisations and places: titles and
// possessives stripped, nationality adjectives kept out of people, aliases mapped ("UN" -> "United
// Nations"), surnames merged into the full name used elsewhere in the article ("the Strip" likewise into
// "Gaza Strip"), one type per name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/base/article.hpp"
#include "common/entities/gazetteer.hpp"
#include "common/entities/labels.hpp"
#include "common/entities/tokenizer.hpp"

namespace newsdex::ner {

struct Mention {
  EntityType type = EntityType::misc;
  std::string_view source;    // the text the tokens' offsets point into
  std::vector<Token> tokens;  // the tagged span
  bool needs_confirmation = false;  // counts only if the name also occurs where confirmation is not needed
};

class Canonicaliser {
 public:
  // Reads <data_dir>/aliases.tsv and <data_dir>/demonyms.tsv; titles come from the gazetteer.
  Canonicaliser(const std::filesystem::path& data_dir, const Gazetteer& gazetteer);

  // Mentions in reading order; MISC mentions are ignored.
  Entities canonicalise(const std::vector<Mention>& mentions) const;

 private:
  struct Cleaned;
  bool clean(const Mention& mention, Cleaned& out) const;

  const Gazetteer& gazetteer_;
  std::unordered_map<std::string, std::string> aliases_;    // fold_key(alias) -> canonical name
  std::unordered_map<std::string, std::string> countries_;  // fold_key(demonym) -> country name
};

}  // namespace newsdex::ner
