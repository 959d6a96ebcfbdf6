// Turns the tagger's mentions in one article into its people, organisations and places: titles and
// possessives stripped, nationality adjectives kept out of people, names that are none of the three left
// out (awards, products, events, a wire's sign-off), aliases mapped ("UN" -> "United Nations"), every way
// of writing a name given one canonical form (name_forms.hpp), acronyms merged into the expansion the
// article gives, surnames merged into the full name used elsewhere in the article ("the Strip" likewise into
// "Gaza Strip"), one type per name, decided by the lists where they know it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/base/article.hpp"
#include "common/entities/gazetteer.hpp"
#include "common/entities/labels.hpp"
#include "common/entities/name_lists.hpp"
#include "common/entities/tokenizer.hpp"

namespace newsdex::ner {

struct Mention {
  EntityType type = EntityType::misc;
  std::string_view source;          // the text the tokens' offsets point into
  std::vector<Token> tokens;        // the tagged span
  bool needs_confirmation = false;  // counts only if the name also occurs where confirmation is not needed
};

class Canonicaliser {
 public:
  // Reads the lists of <data_dir> (NameLists::load); titles, countries and names come from the gazetteer.
  Canonicaliser(const std::filesystem::path& data_dir, const Gazetteer& gazetteer);
  Canonicaliser(NameLists lists, const Gazetteer& gazetteer);

  // Mentions in reading order; MISC mentions are ignored.
  Entities canonicalise(const std::vector<Mention>& mentions) const;
  // Whether a capitalised word ends organisation names ("Forum", "Union": type_cues.tsv, `last`).
  bool ends_organisation_name(std::string_view word) const {
    return lists_.cue(word, CueWhere::last) == EntityType::organisation;
  }

 private:
  struct Cleaned;
  bool clean(const Mention& mention, bool last_mention, std::vector<Cleaned>& out) const;
  void canonical_form(Cleaned& cleaned, std::vector<Cleaned>& out) const;
  bool decide_type(Cleaned& cleaned, EntityType tagged) const;
  bool in_list(GazetteerList list, const std::string& name) const;
  bool modifies_something_else(const Cleaned& cleaned, const Mention& mention) const;

  const Gazetteer& gazetteer_;
  NameLists lists_;
};

}  // namespace newsdex::ner
