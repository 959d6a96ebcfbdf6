#include "common/entities/canonical.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "common/base/text.hpp"
#include "common/entities/hash.hpp"
#include "common/entities/name_forms.hpp"
#include "common/entities/unicode.hpp"

namespace newsdex::ner {

struct Canonicaliser::Cleaned {
  EntityType type = EntityType::misc;
  std::optional<EntityType> known_type;  // from the lists (aliases, countries, cue words): beats the tagger
  std::string display;                   // the canonical form of what was written, without title or possessive
  std::string key;                       // fold_key(display)
  std::vector<std::string> words;        // folded words, to match a surname against a full name
  bool from_demonym = false;             // "Israeli" standing for Israel
  bool had_designator = false;           // written with "Corp", "Inc" ... (a company's full name)
  std::size_t mention = 0;               // index of the mention it comes from
};

namespace {

bool is_punctuation(std::string_view text) {
  return !has_letter(text) && std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_possessive(std::string_view text) { return text == "'s" || text == "'S" || text == "'"; }

std::string display_text(const Mention& mention, std::size_t first, std::size_t last) {
  const std::size_t begin = mention.tokens[first].begin, end = mention.tokens[last - 1].end;
  std::string text = collapse_whitespace(mention.source.substr(begin, end - begin));
  for (const std::string_view curly : {"\u2019", "\u2018"}) {
    for (auto at = text.find(curly); at != std::string::npos; at = text.find(curly, at))
      text.replace(at, curly.size(), "'");
  }
  return text;
}

std::uint64_t lower_hash(const Token& token) { return hash_text(to_lower(token.text)); }

// Index of the type in Entities order (people, organisations, places); MISC has none.
std::size_t slot_of(EntityType type) { return static_cast<std::size_t>(type); }

struct Group {
  std::string key;
  std::array<int, 3> type_counts{};
  std::array<int, 3> known_type_counts{};  // votes of the lists, which win over the tagger's
  EntityType first_type = EntityType::person;
  std::vector<std::pair<std::string, int>> forms;  // surface forms in order of first appearance
  std::vector<std::string> words;
  int mentions = 0, demonym_mentions = 0, confirmed_mentions = 0;
  bool full_company_name = false;  // written with a designator ("Chrysler Corp"): a name of its own
  std::size_t first = 0;
  std::ptrdiff_t merged_into = -1;

  EntityType type() const {
    const bool known = known_type_counts != std::array<int, 3>{};
    const auto& counts = known ? known_type_counts : type_counts;
    EntityType best = first_type;
    if (known) best = static_cast<EntityType>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    for (std::size_t t = 0; t < counts.size(); ++t) {
      if (counts[t] > counts[slot_of(best)]) best = static_cast<EntityType>(t);
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
    // "Chrysler Corp" beside "Chrysler Motors" is the parent company, not a short form of the subsidiary.
    if (groups[g].full_company_name) continue;
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

// Nothing but white space, punctuation and a stray code of at most three letters or digits after the
// mention in its block: "... said. REUTER", "REUTER...^M", "REUTER E" (wire transmission codes), but not
// "Reuters said" or "Reuter in London".
bool ends_block(const Mention& mention) {
  const std::string_view rest = mention.source.substr(std::min(mention.source.size(), mention.tokens.back().end));
  return std::count_if(rest.begin(), rest.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         }) <= 3;
}

// The word right after the mention, after one space ("Louvre accord" -> "accord", "Class A" -> "A"); empty
// when punctuation or a line end comes first.
std::string_view next_word(const Mention& mention) {
  std::string_view after = mention.source.substr(std::min(mention.source.size(), mention.tokens.back().end));
  if (!after.starts_with(" ")) return {};
  after.remove_prefix(1);
  std::size_t end = 0;
  while (end < after.size() && std::isalnum(static_cast<unsigned char>(after[end])) != 0) ++end;
  return after.substr(0, end);
}

// "Coast Patients' Forum", "the Farmers' Union": the tokenizer splits a plural possessive off ("Patients" "'"),
// and the tagger's span often ends there. The capitalised word after it, when it ends organisation names
// (type_cues.tsv, `last`), belongs to the name; returns it, or nothing.
std::string possessive_name_word(const Mention& mention, std::size_t last, const NameLists& lists) {
  const std::string_view before = mention.tokens[last - 1].text;
  if (before.size() < 3 || before.back() != 's' || !starts_upper(before)) return {};
  std::string_view after = mention.source.substr(std::min(mention.source.size(), mention.tokens[last - 1].end));
  if (after.starts_with("'")) {
    after.remove_prefix(1);
  } else if (after.starts_with("\u2019")) {
    after.remove_prefix(std::string_view("\u2019").size());
  } else {
    return {};
  }
  if (!after.starts_with(" ")) return {};
  after.remove_prefix(1);
  std::size_t end = 0;
  while (end < after.size() &&
         ((after[end] >= 'a' && after[end] <= 'z') || (end == 0 && after[end] >= 'A' && after[end] <= 'Z')))
    ++end;
  if (end < 2 || !(after[0] >= 'A' && after[0] <= 'Z')) return {};
  const std::string word(after.substr(0, end));
  return lists.cue(word, CueWhere::last) == EntityType::organisation ? word : std::string();
}

// "a tunnel boring machine named Marigold", "woodland known locally as the Coppice", "a man called Ross":
// the lower-case noun before "named", "called", "dubbed" or "known (...ly) as" in front of the mention,
// which says what the name is a name of; empty when the mention is not introduced so.
std::string introducing_noun(const Mention& mention) {
  const std::size_t begin = mention.tokens.front().begin;
  const std::size_t from = begin > 80 ? begin - 80 : 0;
  std::vector<std::string> words;  // the words before the mention, nearest first
  for (const auto& word : split_words(collapse_whitespace(mention.source.substr(from, begin - from))))
    words.insert(words.begin(), word);
  std::size_t at = 0;
  const auto is = [&](std::string_view word) { return at < words.size() && words[at] == word; };
  if (is("the")) ++at;
  if (is("named") || is("called") || is("dubbed") || is("nicknamed")) {
    ++at;
  } else if (is("as")) {
    ++at;
    if (at < words.size() && words[at].size() > 2 && words[at].ends_with("ly")) ++at;  // "known locally as"
    if (!is("known")) return {};
    ++at;
  } else {
    return {};
  }
  if (at >= words.size()) return {};
  const std::string& noun = words[at];
  const bool lower_word = std::all_of(noun.begin(), noun.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return lower_word ? noun : std::string();
}

// "World Trade Organisation (WTO)": the second mention is the first's acronym, given in parentheses.
bool in_parentheses_after(const Mention& name, const Mention& acronym) {
  if (name.source.data() != acronym.source.data() || name.tokens.empty() || acronym.tokens.empty()) return false;
  const std::size_t end = name.tokens.back().end, begin = acronym.tokens.front().begin;
  if (begin <= end) return false;
  const std::string between = collapse_whitespace(name.source.substr(end, begin - end));
  const std::string_view after = acronym.source.substr(std::min(acronym.source.size(), acronym.tokens.back().end));
  const std::size_t close = after.find_first_not_of(" ");
  return between == "(" && close != std::string_view::npos && after[close] == ')';
}

// Heads of the government bodies a country's name is put before ("U.S. Agriculture Department").
bool is_government_head(std::string_view word, bool alone) {
  static constexpr std::array<std::string_view, 7> alone_heads = {"Treasury", "Congress", "Senate", "Parliament",
                                                                  "Army",     "Navy",     "Embassy"};
  static constexpr std::array<std::string_view, 14> heads = {
      "Department", "Ministry", "Commission", "Agency", "Office",  "Administration", "Bureau",
      "Board",      "Reserve",  "Service",    "Court",  "Council", "Authority",      "Trade Representative"};
  if (std::find(alone_heads.begin(), alone_heads.end(), word) != alone_heads.end()) return true;
  return !alone && std::find(heads.begin(), heads.end(), word) != heads.end();
}

std::vector<std::string> folded_words(std::string_view display) {
  std::vector<std::string> words;
  for (const Token& token : tokenize(display)) {
    if (!is_punctuation(token.text)) words.push_back(fold_key(token.text));
  }
  return words;
}

}  // namespace

Canonicaliser::Canonicaliser(const std::filesystem::path& data_dir, const Gazetteer& gazetteer)
    : Canonicaliser(NameLists::load(data_dir), gazetteer) {}

Canonicaliser::Canonicaliser(NameLists lists, const Gazetteer& gazetteer)
    : gazetteer_(gazetteer), lists_(std::move(lists)) {}

// Whether the whole of `name` is an entry of the gazetteer list.
bool Canonicaliser::in_list(GazetteerList list, const std::string& name) const {
  std::vector<std::uint64_t> hashes;
  for (const Token& token : tokenize(name)) hashes.push_back(lower_hash(token));
  return !hashes.empty() && gazetteer_.prefix_length(list, hashes) == hashes.size();
}

// The word after a one-word name can show that the name only qualifies something that is none of the
// three: a nationality ("Latin American": no place "Latin"), an agreement named after where it was made
// ("the Louvre accord", "the Plaza agreement"; a known place stays: "the Geneva agreement"), a label
// ("Class A shares").
bool Canonicaliser::modifies_something_else(const Cleaned& cleaned, const Mention& mention) const {
  const std::string_view word = next_word(mention);
  if (word.empty() || cleaned.key.find(' ') != std::string::npos) return false;
  if (word.size() == 1) return word[0] >= 'A' && word[0] <= 'Z';
  const bool known_place = lists_.is_place_name(cleaned.key) || in_list(GazetteerList::country, cleaned.display) ||
                           in_list(GazetteerList::city, cleaned.display) ||
                           in_list(GazetteerList::region, cleaned.display);
  if (known_place) return false;
  if (lists_.country_of_demonym(fold_key(word)) != nullptr && starts_upper(word)) return true;
  static constexpr std::array<std::string_view, 4> agreements = {"accord", "accords", "agreement", "pact"};
  const std::string lower = fold_key(word);
  return std::find(agreements.begin(), agreements.end(), lower) != agreements.end();
}

bool Canonicaliser::clean(const Mention& mention, bool last_mention, std::vector<Cleaned>& out) const {
  std::size_t first = 0, last = mention.tokens.size();
  while (last > first &&
         (is_possessive(mention.tokens[last - 1].text) || is_punctuation(mention.tokens[last - 1].text))) {
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
  Cleaned cleaned;
  cleaned.type = mention.type;
  cleaned.display = without_leading_article(display_text(mention, first, last));
  if (const auto word = possessive_name_word(mention, last, lists_); !word.empty()) {
    cleaned.display += "' " + word;
    cleaned.type = EntityType::organisation;
  }
  while (cleaned.display.size() > 1 && cleaned.display.back() == '-') cleaned.display.pop_back();  // "U.S.-Japan"
  // "The Fed" at the start of a sentence: the alias has no article ("The Hague" is no alias and keeps it).
  if (cleaned.display.starts_with("The ") && lists_.alias(fold_key(cleaned.display.substr(4)))) {
    cleaned.display.erase(0, 4);
  }
  cleaned.key = fold_key(cleaned.display);
  const std::string_view category = lists_.non_entity(cleaned.key);
  // A wire's name as the last word of the story is its sign-off ("... said. REUTER"), not a mention;
  // elsewhere it is the agency ("a Reuter survey"), never a person.
  if (category == "sign-off" && last_mention && last == mention.tokens.size() && ends_block(mention)) return false;
  if (category == "sign-off") cleaned.type = EntityType::organisation;
  if (last == mention.tokens.size() && modifies_something_else(cleaned, mention)) return false;
  if ((!category.empty() && category != "sign-off") || is_date_like(split_words(cleaned.key))) return false;
  // An amount's currency ("N.Z. dlrs", "Hong Kong dollars"): its last word is a currency.
  if (const auto last_space = cleaned.key.rfind(' ');
      last_space != std::string::npos && lists_.non_entity(cleaned.key.substr(last_space + 1)) == "currency") {
    return false;
  }
  if (const auto* country = lists_.country_of_demonym(cleaned.key)) {
    if (mention.type != EntityType::location) return false;  // "Israeli" is never a person or an organisation
    cleaned.display = *country;
    cleaned.key = fold_key(cleaned.display);
    cleaned.from_demonym = true;
    cleaned.known_type = EntityType::location;
    cleaned.words = folded_words(cleaned.display);
    out.push_back(std::move(cleaned));
    return true;
  }
  for (const std::string_view plural : {"s", "es"}) {  // "Americans", "Britons" are people, not one entity
    if (cleaned.key.ends_with(plural) &&
        lists_.country_of_demonym(cleaned.key.substr(0, cleaned.key.size() - plural.size()))) {
      return false;
    }
  }
  canonical_form(cleaned, out);
  if (out.size() == 1) {
    if (const auto noun = introducing_noun(mention); !noun.empty()) {
      if (const auto named = lists_.cue(noun, CueWhere::named)) {
        if (*named == EntityType::misc) return false;  // a machine, a ship, a storm: none of the three
        out.back().known_type = *named;
        out.back().type = *named;
      }
    }
  }
  if (out.empty() || !decide_type(out.back(), mention.type)) return false;
  for (auto& item : out) item.words = folded_words(item.display);
  return true;
}

// Aliases, spellings, designators and word order give every way of writing the name one form; a country
// put before a government body becomes a place of its own ("U.S. Agriculture Department" -> United States,
// Agriculture Department), and a product after its company's name goes ("Sony PSP" -> Sony).
void Canonicaliser::canonical_form(Cleaned& cleaned, std::vector<Cleaned>& out) const {
  const bool capitals_only = is_all_caps(cleaned.display);
  const auto apply_alias = [&] {
    const Alias* alias = lists_.alias(cleaned.key);
    if (alias == nullptr) return;
    // A person's name is an alias only when written as an acronym ("GM") or when it is a country's other
    // name and no given name ("America"; not "Georgia" the given name, which is no alias anyway).
    const bool country_name = alias->type == EntityType::location && cleaned.key.find(' ') == std::string::npos &&
                              !in_list(GazetteerList::first_name, cleaned.display);
    if (cleaned.type == EntityType::person && !capitals_only && !country_name) return;
    cleaned.display = alias->name;
    cleaned.key = fold_key(cleaned.display);
    cleaned.type = alias->type;
    cleaned.known_type = alias->type;
  };
  apply_alias();
  // "E.C." and "EC" are one acronym.
  if (const std::string letters = acronym_letters(cleaned.display);
      !letters.empty() && letters.size() != cleaned.display.size()) {
    cleaned.display = letters;
    cleaned.key = fold_key(letters);
    apply_alias();
  }
  if (cleaned.type == EntityType::person) {
    out.push_back(std::move(cleaned));
    return;
  }
  auto words = split_words(cleaned.display);
  if (cleaned.type == EntityType::organisation && words.size() >= 2) {
    for (std::size_t k = 1; k <= 2 && k < words.size(); ++k) {
      const std::string prefix_key = fold_key(join_words(words, 0, k));
      const Alias* alias = lists_.alias(prefix_key);
      std::string country;
      if (alias != nullptr && alias->type == EntityType::location)
        country = alias->name;
      else if (in_list(GazetteerList::country, join_words(words, 0, k)))
        country = join_words(words, 0, k);
      if (country.empty()) continue;
      const bool alone = words.size() == k + 1;
      if (alone && (words[k] == "Government" || words[k] == "Cabinet" || words[k] == "Administration")) {
        cleaned = Cleaned{EntityType::location, EntityType::location, country, fold_key(country), {}, false, false, 0};
        out.push_back(std::move(cleaned));
        return;
      }
      const bool office_of = words[k] == "Department" || words[k] == "Ministry";  // "U.S. Department of Agriculture"
      if (!office_of && !is_government_head(words.back(), alone)) continue;
      out.push_back({EntityType::location, EntityType::location, country, fold_key(country), {}, false, false, 0});
      words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k));
      cleaned.display = join_words(words, 0, words.size());
      break;
    }
    const std::string bare = without_company_designator(cleaned.display);
    if (bare != cleaned.display && !lists_.is_place_name(fold_key(bare)) && !in_list(GazetteerList::country, bare) &&
        !in_list(GazetteerList::city, bare)) {
      cleaned.display = bare;
      cleaned.had_designator = true;
    }
    cleaned.display = office_word_order(cleaned.display);
  }
  words = split_words(cleaned.display);
  for (std::size_t k = words.size() - 1; k >= 1 && words.size() >= 2; --k) {
    const std::string tail = join_words(words, k, words.size());
    const bool product = lists_.non_entity(fold_key(tail)) == "product" ||
                         std::all_of(words.begin() + static_cast<std::ptrdiff_t>(k), words.end(),
                                     [](const std::string& w) { return is_model_code(w); });
    const std::string head = join_words(words, 0, k);
    if (product && (in_list(GazetteerList::company, head) || in_list(GazetteerList::organisation, head))) {
      cleaned.display = head;
      cleaned.type = EntityType::organisation;
      break;
    }
  }
  cleaned.display = british_spelling(cleaned.display);
  cleaned.key = fold_key(cleaned.display);
  apply_alias();  // the canonical form may be an alias itself ("Federal Reserve Board")
  cleaned.display = british_spelling(cleaned.display);
  cleaned.key = fold_key(cleaned.display);
  out.push_back(std::move(cleaned));
}

// The lists' type when they know it: countries and place aliases are places, people in the gazetteer are
// people, and a name's first or last word may say ("Kestrelby Athletic", "River Tembrel", "Calvenshire").
// False when the name is none of the three (an event or award: "Lantern Festival").
bool Canonicaliser::decide_type(Cleaned& cleaned, EntityType tagged) const {
  if (const auto category = lists_.non_entity(cleaned.key); !category.empty() && category != "sign-off") return false;
  if (cleaned.known_type) return true;
  if (lists_.is_place_name(cleaned.key) || in_list(GazetteerList::country, cleaned.display)) {
    cleaned.known_type = EntityType::location;
    return true;
  }
  const auto words = split_words(cleaned.display);
  // People are not written as acronyms: "GATT" tagged as a person is a body (a short word in capitals that
  // is no name: "REAGAN" in a headline is the person).
  if (tagged == EntityType::person && words.size() == 1 && !acronym_letters(cleaned.display).empty() &&
      cleaned.display.size() <= 4 && !in_list(GazetteerList::surname, cleaned.display) &&
      !in_list(GazetteerList::first_name, cleaned.display)) {
    cleaned.type = EntityType::organisation;
  }
  if (words.size() >= 2 && in_list(GazetteerList::person_full, cleaned.display)) {
    cleaned.known_type = EntityType::person;
    return true;
  }
  std::optional<EntityType> cue;
  if (words.size() >= 2) {
    cue = lists_.cue(words.back(), CueWhere::last);
    if (!cue) cue = lists_.cue(words.front(), CueWhere::first);
  } else if (words.size() == 1) {
    cue = lists_.cue(words.front(), CueWhere::suffix);
  }
  if (!cue) return true;
  // "Jane Park", "Doris Day": a tagged person whose first word is a given name keeps the type a last word
  // would change ("River Tembrel" has no given name: River is a cue there).
  if (tagged == EntityType::person && words.size() >= 2 && lists_.cue(words.back(), CueWhere::last) &&
      in_list(GazetteerList::first_name, words.front())) {
    return true;
  }
  if (*cue == EntityType::misc) return false;
  cleaned.known_type = cue;
  cleaned.type = *cue;
  return true;
}

Entities Canonicaliser::canonicalise(const std::vector<Mention>& mentions) const {
  std::vector<Cleaned> cleaned;
  std::ptrdiff_t last_mention = static_cast<std::ptrdiff_t>(mentions.size()) - 1;
  while (last_mention >= 0 && mentions[static_cast<std::size_t>(last_mention)].type == EntityType::misc) --last_mention;
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].type == EntityType::misc) continue;
    std::vector<Cleaned> out;
    if (!clean(mentions[m], static_cast<std::ptrdiff_t>(m) == last_mention, out)) continue;
    for (auto& item : out) {
      item.mention = m;
      cleaned.push_back(std::move(item));
    }
  }
  // An acronym stands for the name the article gives it, in parentheses ("World Trade Organisation (WTO)")
  // or as its initials ("HWU" beside "Harbour Workers Union"), whatever the tagger's type for the acronym.
  // Each pairing is kept (acronym key -> the name's key) as evidence for articles that use the acronym alone.
  std::vector<AcronymUse> pairings;
  const auto stands_for = [&](Cleaned& acronym, const Cleaned& full) {
    if (acronym.key != full.key) pairings.push_back({acronym.key, full.key});
    const std::size_t mention = acronym.mention;
    acronym = full;
    acronym.mention = mention;
  };
  for (std::size_t i = 0; i + 1 < cleaned.size(); ++i) {
    const std::size_t m = cleaned[i].mention, n = cleaned[i + 1].mention;
    if (n == m + 1 && cleaned[i].type != EntityType::person && !acronym_letters(cleaned[i + 1].display).empty() &&
        in_parentheses_after(mentions[m], mentions[n])) {
      stands_for(cleaned[i + 1], cleaned[i]);
    }
  }
  for (auto& acronym : cleaned) {
    if (acronym_letters(acronym.display).empty()) continue;
    const auto full = std::find_if(cleaned.begin(), cleaned.end(), [&](const Cleaned& c) {
      return c.type != EntityType::person && abbreviates(acronym.display, c.display);
    });
    if (full == cleaned.end()) continue;
    stands_for(acronym, *full);
  }
  // "Labour" and "Labor" in one article are one name: the more frequent spelling.
  std::unordered_map<std::string, std::unordered_map<std::string, int>> spellings;
  for (const auto& c : cleaned) ++spellings[labour_folded(c.key)][c.key];
  for (auto& c : cleaned) {
    const auto& keys = spellings[labour_folded(c.key)];
    if (keys.size() < 2) continue;
    const auto best = std::max_element(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
      return a.second < b.second || (a.second == b.second && a.first > b.first);
    });
    if (best->first == c.key) continue;
    const auto model =
        std::find_if(cleaned.begin(), cleaned.end(), [&](const Cleaned& o) { return o.key == best->first; });
    const std::size_t mention = c.mention;
    c = *model;
    c.mention = mention;
  }

  std::vector<Group> groups;
  std::unordered_map<std::string, std::size_t> by_key;
  for (const Cleaned& item : cleaned) {
    auto [it, inserted] = by_key.try_emplace(item.key, groups.size());
    if (inserted) {
      Group& group = groups.emplace_back();
      group.key = item.key;
      group.first_type = item.known_type.value_or(item.type);
      group.words = item.words;
      group.first = item.mention;
    }
    Group& group = groups[it->second];
    ++group.type_counts[slot_of(item.type)];
    if (item.known_type) ++group.known_type_counts[slot_of(*item.known_type)];
    ++group.mentions;
    group.full_company_name = group.full_company_name || item.had_designator;
    group.demonym_mentions += item.from_demonym;
    group.confirmed_mentions += !mentions[item.mention].needs_confirmation;
    auto form = std::find_if(group.forms.begin(), group.forms.end(), [&](auto& f) { return f.first == item.display; });
    if (form == group.forms.end())
      group.forms.emplace_back(item.display, 1);
    else
      ++form->second;
  }
  merge_short_forms(groups, [&](const std::string& word) {
    return in_list(GazetteerList::country, word) || in_list(GazetteerList::city, word) ||
           in_list(GazetteerList::region, word);
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
  for (const AcronymUse& pairing : pairings) {
    auto it = by_key.find(pairing.key);
    if (it == by_key.end()) continue;
    std::ptrdiff_t group = static_cast<std::ptrdiff_t>(it->second);
    while (groups[static_cast<std::size_t>(group)].merged_into >= 0)
      group = groups[static_cast<std::size_t>(group)].merged_into;
    const std::string key = fold_key(groups[static_cast<std::size_t>(group)].display());
    const AcronymUse use{pairing.acronym, key};
    if (std::find(entities.acronyms.begin(), entities.acronyms.end(), use) == entities.acronyms.end())
      entities.acronyms.push_back(use);
  }
  for (const Group* group : kept) {
    const std::string& name = group->display();
    Entity entity{name, fold_key(name), group->mentions};
    switch (group->type()) {
      case EntityType::person:
        entities.people.push_back(std::move(entity));
        break;
      case EntityType::organisation:
        entities.organisations.push_back(std::move(entity));
        break;
      case EntityType::location:
        entities.places.push_back(std::move(entity));
        break;
      case EntityType::misc:
        break;
    }
  }
  return entities;
}

}  // namespace newsdex::ner
