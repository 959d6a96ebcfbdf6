// Collection-wide canonical keys: from what the whole collection says about each raw key (the
// articles that list it under each type, the acronyms articles spell out), one name and one type per
// real entity. Pure functions: the index run reads the evidence from the database and re-keys the
// documents whose names change (common/index/entity_resolution.hpp). docs/entities.md, "Across the
// collection", explains the rules and why they are applied at index time.
#pragma once

#include <compare>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "common/base/article.hpp"
#include "common/entities/labels.hpp"

namespace newsdex::ner {

// A facet value: a type (person, organisation or location) and a key (fold_key of the name).
struct TypedKey {
  EntityType type = EntityType::person;
  std::string key;
  friend auto operator<=>(const TypedKey&, const TypedKey&) = default;
};

struct KeyArticles {
  TypedKey name;
  std::size_t articles = 0;  // articles whose own (per-article) entities list it
};

// Within `articles` articles, the acronym (its key: "wto") stood for the name with this key.
struct AcronymArticles {
  std::string acronym;
  std::string key;
  std::size_t articles = 0;
};

struct CollectionEvidence {
  std::vector<KeyArticles> keys;
  std::vector<AcronymArticles> acronyms;
};

// Where a raw name goes: its canonical type and key, and the display name of that canonical entity
// (empty: keep the article's own).
struct ResolvedName {
  TypedKey name;
  std::string display;
  friend bool operator==(const ResolvedName&, const ResolvedName&) = default;
};

// Raw (per-article) name -> canonical name; names that stay as they are have no entry.
using KeyResolution = std::map<TypedKey, ResolvedName>;

// The share of the evidence one answer must hold to be taken: below it, the collection is ambiguous
// and the names stay apart.
inline constexpr double clear_majority = 2.0 / 3.0;
// A bare surname goes to a full name only when the full name is established (in this many articles) or
// in at least 1/ratio as many articles as the bare name.
inline constexpr std::size_t established_name_articles = 3;
inline constexpr std::size_t surname_evidence_ratio = 5;

// The rules, in order (docs/entities.md): one type per key, by the collection's votes (a one-word
// person the collection never writes with a given name, and lists as a place or organisation in a
// third of its articles, is not a person); a person's surname (or other word-suffix) to the one full
// name that holds a clear majority of that surname's full-name articles; an acronym to the expansion
// articles pair it with in a clear majority of pairings. Chains are followed to their end.
KeyResolution resolve_collection_keys(const CollectionEvidence& evidence);

// An article's own entities under the resolution: each renamed, re-typed, merged with another of
// the article's entities when they become one (mentions added), each list by mentions. Acronym
// pairings are kept as they were.
Entities apply_resolution(const Entities& own, const KeyResolution& resolution);

// The resolution as text for the database metadata, and back (lines that do not parse are skipped).
std::string serialise_resolution(const KeyResolution& resolution);
KeyResolution parse_resolution(std::string_view text);

}  // namespace newsdex::ner
