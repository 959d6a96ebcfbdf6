#include "common/entities/canonical.hpp"

#include <algorithm>
#include <array>
#include <fstream>

#include "common/base/errors.hpp"
#include "common/base/text.hpp"
#include "common/entities/hash.hpp"
#include "common/entities/unicode.hpp"

namespace newsdex::ner {

struct Canonicaliser::Cleaned {
  EntityType type = EntityType::misc;
  std::string display;             // as written, without title or possessive
  std::string key;                 // fold_key(display)
  std::vector<std::string> words;  // folded words, to match a surname against a full name
  bool from_demonym = false;       // "Israeli" standing for Israel
};

namespace {

std::unordered_map<std::string, std::string> read_pairs(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw Error(ExitCode::io_error, "cannot read " + path.string() + " (rebuild data/ner with scripts/train-ner.sh)");
  }
  std::unordered_map<std::string, std::string> pairs;
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
    pairs.emplace(fold_key(line.substr(0, tab)), line.substr(tab + 1));
  }
  return pairs;
}

bool is_punctuation(std::string_view text) {
  return !has_letter(text) && std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_possessive(std::string_view text) { return text == "'s" || text == "'S" || text == "'"; }

std::string display_text(const Mention& mention, std::size_t first, std::size_t last) {
  const std::size_t begin = mention.tokens[first].begin, end = mention.tokens[last - 1].end;
  std::string text = collapse_whitespace(mention.source.substr(begin, end - begin));
  for (const std::string_view curly : {"\u2019", "\u2018"}) {
    for (auto at = text.find(curly); at != std::string::npos; at = text.find(curly, at)) text.replace(at, curly.size(), "'");
  }
  return text;
}

std::uint64_t lower_hash(const Token& token) { return hash_text(to_lower(token.text)); }

// Index of the type in Entities order (people, organisations, places); MISC has none.
std::size_t slot_of(EntityType type) { return static_cast<std::size_t>(type); }

struct Group {
  std::string key;
  std::array<int, 3> type_counts{};
  EntityType first_type = EntityType::person;
  std::vector<std::pair<std::string, int>> forms;  // surface forms in order of first appearance
  std::vector<std::string> words;
  int mentions = 0, demonym_mentions = 0, confirmed_mentions = 0;
  std::size_t first = 0;
  std::ptrdiff_t merged_into = -1;

  EntityType type() const {
    EntityType best = first_type;
    for (std::size_t t = 0; t < type_counts.size(); ++t) {
      if (type_counts[t] > type_counts[slot_of(best)]) best = static_cast<EntityType>(t);
    }
    return best;
  }
  const std::string& display() const {
    return std::max_element(forms.begin(), forms.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  }
};

bool is_suffix(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  return part.size() < whole.size() && std::equal(part.rbegin(), part.rend(), whole.rbegin());
}

// Companies and bodies are also shortened to their first word ("Altria" for "Altria Group").
bool is_short_form(EntityType type, const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  if (is_suffix(part, whole)) return true;
  return type == EntityType::organisation && part.size() == 1 && whole.size() > 1 && part[0] == whole[0];
}

// A short mention becomes the longest name of the same type in the article that ends with it: a surname
// ("Netanyahu" -> "Benjamin Netanyahu"); for organisations and places only one word ("the Strip" -> "Gaza
// Strip"), since longer ones are usually names of their own ("New Jersey" beside "Jersey" is rare), and for
// organisations also a first word ("Altria" -> "Altria Group").
//
// A one-word organisation or place that is the surname of a person named in full in the article is that
// person ("Jarre" beside "Jean-Michel Jarre"), unless the word names a place (`is_place`): Jordan stays a
// country next to Michael Jordan.
template <class IsPlace>
void merge_short_forms(std::vector<Group>& groups, IsPlace&& is_place) {
  const auto surname_of = [&](const Group& part, const Group& whole) {
    const EntityType type = part.type();
    return whole.type() == EntityType::person && type != EntityType::person && part.words.size() == 1 &&
           whole.words.size() >= 2 && part.words[0] == whole.words.back() &&
           (type == EntityType::organisation || !is_place(part.words[0]));
  };
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const EntityType type = groups[g].type();
    if (type != EntityType::person && groups[g].words.size() != 1) continue;
    std::ptrdiff_t best = -1;
    for (std::size_t h = 0; h < groups.size(); ++h) {
      if (h == g) continue;
      const bool same_type_short_form =
          groups[h].type() == type && is_short_form(type, groups[g].words, groups[h].words);
      if (!same_type_short_form && !surname_of(groups[g], groups[h])) continue;
      if (best < 0 || groups[h].words.size() > groups[best].words.size() ||
          (groups[h].words.size() == groups[best].words.size() && groups[h].mentions > groups[best].mentions)) {
        best = static_cast<std::ptrdiff_t>(h);
      }
    }
    groups[g].merged_into = best;
  }
  for (auto& group : groups) {
    if (group.merged_into < 0) continue;
    std::ptrdiff_t target = group.merged_into;
    while (groups[target].merged_into >= 0) target = groups[target].merged_into;
    groups[target].mentions += group.mentions;
    groups[target].confirmed_mentions += group.confirmed_mentions;
  }
}

}  // namespace

Canonicaliser::Canonicaliser(const std::filesystem::path& data_dir, const Gazetteer& gazetteer)
    : gazetteer_(gazetteer),
      aliases_(read_pairs(data_dir / "aliases.tsv")),
      countries_(read_pairs(data_dir / "demonyms.tsv")) {}

bool Canonicaliser::clean(const Mention& mention, Cleaned& out) const {
  std::size_t first = 0, last = mention.tokens.size();
  while (last > first && (is_possessive(mention.tokens[last - 1].text) || is_punctuation(mention.tokens[last - 1].text))) {
    --last;
  }
  while (first < last && is_punctuation(mention.tokens[first].text)) ++first;
  if (mention.type == EntityType::person) {
    // Titles and roles are not part of names: "Prime Minister", "Sheikh", "director".
    std::vector<std::uint64_t> hashes;
    for (const Token& token : mention.tokens) hashes.push_back(lower_hash(token));
    const std::span<const std::uint64_t> all(hashes);
    for (std::size_t title = 1; title > 0 && first < last;) {
      title = gazetteer_.prefix_length(GazetteerList::title, all.subspan(first, last - first));
      if (first + title >= last) break;
      first += title;
    }
    // A role written in lower case after the name ("Netanyahu aide") goes too; capitalised words stay
    // ("Martin Luther King").
    while (last - first > 1 && !starts_upper(mention.tokens[last - 1].text) &&
           gazetteer_.prefix_length(GazetteerList::title, all.subspan(last - 1, 1)) == 1) {
      --last;
    }
  }
  if (first >= last) return false;
  out.type = mention.type;
  out.display = display_text(mention, first, last);
  out.key = fold_key(out.display);
  if (const auto country = countries_.find(out.key); country != countries_.end()) {
    if (mention.type != EntityType::location) return false;  // "Israeli" is never a person or an organisation
    out.display = country->second;
    out.key = fold_key(out.display);
    out.from_demonym = true;
  } else if (const auto alias = aliases_.find(out.key); alias != aliases_.end() && mention.type != EntityType::person) {
    out.display = alias->second;
    out.key = fold_key(out.display);
  }
  out.words.clear();
  for (std::size_t i = first; i < last; ++i) {
    if (!is_punctuation(mention.tokens[i].text)) out.words.push_back(fold_key(mention.tokens[i].text));
  }
  return true;
}

Entities Canonicaliser::canonicalise(const std::vector<Mention>& mentions) const {
  std::vector<Group> groups;
  std::unordered_map<std::string, std::size_t> by_key;
  Cleaned cleaned;
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].type == EntityType::misc || !clean(mentions[m], cleaned)) continue;
    auto [it, inserted] = by_key.try_emplace(cleaned.key, groups.size());
    if (inserted) {
      Group& group = groups.emplace_back();
      group.key = cleaned.key;
      group.first_type = cleaned.type;
      group.words = cleaned.words;
      group.first = m;
    }
    Group& group = groups[it->second];
    ++group.type_counts[slot_of(cleaned.type)];
    ++group.mentions;
    group.demonym_mentions += cleaned.from_demonym;
    group.confirmed_mentions += !mentions[m].needs_confirmation;
    auto form = std::find_if(group.forms.begin(), group.forms.end(), [&](auto& f) { return f.first == cleaned.display; });
    if (form == group.forms.end()) group.forms.emplace_back(cleaned.display, 1);
    else ++form->second;
  }
  merge_short_forms(groups, [&](const std::string& word) {
    const std::uint64_t hash = hash_text(to_lower(word));
    return gazetteer_.prefix_length(GazetteerList::country, {&hash, 1}) == 1 ||
           gazetteer_.prefix_length(GazetteerList::city, {&hash, 1}) == 1 ||
           gazetteer_.prefix_length(GazetteerList::region, {&hash, 1}) == 1;
  });

  std::vector<const Group*> kept;
  for (const Group& group : groups) {
    // A nationality adjective names a place only when the article names that country too.
    if (group.merged_into < 0 && group.demonym_mentions < group.mentions && group.confirmed_mentions > 0) {
      kept.push_back(&group);
    }
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Group* a, const Group* b) { return a->mentions > b->mentions; });
  Entities entities;
  for (const Group* group : kept) {
    const std::string& name = group->display();
    Entity entity{name, fold_key(name), group->mentions};
    switch (group->type()) {
      case EntityType::person: entities.people.push_back(std::move(entity)); break;
      case EntityType::organisation: entities.organisations.push_back(std::move(entity)); break;
      case EntityType::location: entities.places.push_back(std::move(entity)); break;
      case EntityType::misc: break;
    }
  }
  return entities;
}

}  // namespace newsdex::ner
