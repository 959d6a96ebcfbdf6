// The collection-wide resolution of common/entities/collection_keys.hpp: evidence in, names out, no
// database. One table of cases, each a small collection and what its names must become.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/entities/collection_keys.hpp"
#include "common/entities/entities.hpp"

using namespace newsdex;
using namespace newsdex::ner;

namespace {

constexpr auto P = EntityType::person;
constexpr auto O = EntityType::organisation;
constexpr auto L = EntityType::location;

struct Expectation {
  TypedKey from;
  TypedKey to;  // equal to `from`: the name stays as it is
};

struct Case {
  const char* what;
  CollectionEvidence evidence;
  std::vector<Expectation> expected;
};

// Built entry by entry: GCC 12 warns (wrongly) about a nested initializer list of this map.
ResolvedName goes_to(EntityType type, std::string key, std::string display) {
  ResolvedName name;
  name.name.type = type;
  name.name.key = std::move(key);
  name.display = std::move(display);
  return name;
}

KeyResolution sample_resolution() {
  KeyResolution resolution;
  resolution[{P, "marchetti"}] = goes_to(P, "zoe marchetti", "Zoë Marchetti");
  resolution[{P, "tarnwick"}] = goes_to(L, "tarnwick", "");
  resolution[{O, "hwu"}] = goes_to(O, "harbour workers union", "Harbour Workers Union");
  return resolution;
}

TypedKey resolved(const KeyResolution& resolution, const TypedKey& name) {
  auto it = resolution.find(name);
  return it == resolution.end() ? name : it->second.name;
}

}  // namespace

TEST_CASE("collection evidence decides each raw name's canonical name", "[entities][collection_keys]") {
  const std::vector<Case> cases = {
      {"a surname goes to the one full name the collection knows",
       {{{{P, "marchetti"}, 1}, {{P, "zoe marchetti"}, 1}}, {}},
       {{{P, "marchetti"}, {P, "zoe marchetti"}}, {{P, "zoe marchetti"}, {P, "zoe marchetti"}}}},
      {"a surname goes to the full name with a clear majority of the surname's full-name articles",
       {{{{P, "baker"}, 20}, {{P, "james baker"}, 219}, {{P, "howard baker"}, 29}}, {}},
       {{{P, "baker"}, {P, "james baker"}}, {{P, "howard baker"}, {P, "howard baker"}}}},
      {"two people with one surname and no clear majority: the surname stays",
       {{{{P, "baker"}, 20}, {{P, "james baker"}, 30}, {{P, "howard baker"}, 29}}, {}},
       {{{P, "baker"}, {P, "baker"}}}},
      {"longer full names first: both shorter endings go to the longest name",
       {{{{P, "poehl"}, 5}, {{P, "otto poehl"}, 3}, {{P, "karl otto poehl"}, 30}}, {}},
       {{{P, "poehl"}, {P, "karl otto poehl"}}, {{P, "otto poehl"}, {P, "karl otto poehl"}}}},
      {"a full name in far fewer articles than the bare name does not claim it",
       {{{{P, "mark"}, 11}, {{P, "reuben mark"}, 1}}, {}},
       {{{P, "mark"}, {P, "mark"}}}},
      {"... unless the full name is established in a few articles",
       {{{{P, "reagan"}, 446}, {{P, "ronald reagan"}, 23}}, {}},
       {{{P, "reagan"}, {P, "ronald reagan"}}}},
      {"a first name is no surname", {{{{P, "zoe"}, 3}, {{P, "zoe marchetti"}, 4}}, {}}, {{{P, "zoe"}, {P, "zoe"}}}},
      {"one type per key: the type of a clear majority of its articles",
       {{{{L, "tarnwick"}, 6}, {{P, "tarnwick"}, 1}, {{O, "chrysler"}, 98}, {{P, "chrysler"}, 5}}, {}},
       {{{P, "tarnwick"}, {L, "tarnwick"}}, {{P, "chrysler"}, {O, "chrysler"}}, {{L, "tarnwick"}, {L, "tarnwick"}}}},
      {"no clear majority of types: every type stays",
       {{{{L, "washington"}, 5}, {{O, "washington"}, 4}}, {}},
       {{{L, "washington"}, {L, "washington"}}, {{O, "washington"}, {O, "washington"}}}},
      {"a one-word person never written with a given name, often a place, is not a person",
       {{{{P, "kestrelby"}, 5}, {{L, "kestrelby"}, 4}, {{O, "kestrelby"}, 1}, {{O, "kestrelby athletic"}, 7}}, {}},
       {{{P, "kestrelby"}, {L, "kestrelby"}}, {{O, "kestrelby"}, {L, "kestrelby"}}}},
      {"a person with a full name in the collection keeps the majority vote",
       {{{{P, "subroto"}, 21}, {{O, "subroto"}, 1}}, {}},
       {{{O, "subroto"}, {P, "subroto"}}, {{P, "subroto"}, {P, "subroto"}}}},
      {"a one-word person with no given name, the last word of one place, is that place",
       {{{{P, "tembrel"}, 2}, {{L, "river tembrel"}, 9}, {{L, "tembrel vale"}, 10}}, {}},
       {{{P, "tembrel"}, {L, "river tembrel"}}}},
      {"... but not when it is a surname the collection writes after a given name",
       {{{{P, "york"}, 3}, {{P, "sarah york"}, 2}, {{L, "new york"}, 90}}, {}},
       {{{P, "york"}, {P, "sarah york"}}, {{L, "new york"}, {L, "new york"}}}},
      {"an acronym goes to the name articles pair it with, under that name's type",
       {{{{O, "hwu"}, 3}, {{P, "hwu"}, 1}, {{O, "harbour workers union"}, 11}}, {{"hwu", "harbour workers union", 4}}},
       {{{O, "hwu"}, {O, "harbour workers union"}}, {{P, "hwu"}, {O, "harbour workers union"}}}},
      {"an acronym paired with two names and no clear majority stays",
       {{{{O, "cra"}, 3}, {{O, "coastal rail authority"}, 5}, {{O, "canada revenue agency"}, 5}},
        {{"cra", "coastal rail authority", 2}, {"cra", "canada revenue agency", 2}}},
       {{{O, "cra"}, {O, "cra"}}}},
      {"an acronym never paired stays",
       {{{{O, "wto"}, 3}, {{O, "world trade organisation"}, 5}}, {}},
       {{{O, "wto"}, {O, "wto"}}}},
      {"the target's own resolution is followed: a type decided by the collection",
       {{{{O, "ccc"}, 3}, {{O, "commodity credit"}, 20}, {{L, "commodity credit"}, 1}},
        {{"ccc", "commodity credit", 10}}},
       {{{O, "ccc"}, {O, "commodity credit"}}, {{L, "commodity credit"}, {O, "commodity credit"}}}},
      {"nothing to decide: no entries",
       {{{{P, "elena castellan"}, 14}, {{L, "valdermoor"}, 25}}, {}},
       {{{P, "elena castellan"}, {P, "elena castellan"}}, {{L, "valdermoor"}, {L, "valdermoor"}}}},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    const auto resolution = resolve_collection_keys(c.evidence);
    for (const auto& [from, to] : c.expected) {
      INFO(from.key);
      CHECK(resolved(resolution, from) == to);
    }
    for (const auto& [from, to] : resolution) CHECK(from != to.name);  // only names that change have entries
  }
}

TEST_CASE("evidence read in any order gives the same resolution", "[entities][collection_keys]") {
  CollectionEvidence evidence{{{{P, "baker"}, 20},
                               {{P, "james baker"}, 219},
                               {{P, "howard baker"}, 29},
                               {{L, "tarnwick"}, 6},
                               {{P, "tarnwick"}, 1}},
                              {{"hwu", "harbour workers union", 4}}};
  const auto first = resolve_collection_keys(evidence);
  std::reverse(evidence.keys.begin(), evidence.keys.end());
  CHECK(resolve_collection_keys(evidence) == first);
}

TEST_CASE("an article's entities take the resolution's names, merged when they become one",
          "[entities][collection_keys]") {
  const KeyResolution resolution = sample_resolution();
  Entities own;
  own.people = {{"Marchetti", "marchetti", 2}, {"Tarnwick", "tarnwick", 1}, {"Owen Trask", "owen trask", 1}};
  own.organisations = {{"HWU", "hwu", 3}, {"Harbour Workers Union", "harbour workers union", 1}};
  own.places = {{"Tarnwick", "tarnwick", 1}};
  own.acronyms = {{"hwu", "harbour workers union"}};
  const auto resolved = apply_resolution(own, resolution);
  CHECK(resolved.people == std::vector<Entity>{{"Zoë Marchetti", "zoe marchetti", 2}, {"Owen Trask", "owen trask", 1}});
  CHECK(resolved.organisations == std::vector<Entity>{{"Harbour Workers Union", "harbour workers union", 4}});
  CHECK(resolved.places == std::vector<Entity>{{"Tarnwick", "tarnwick", 2}});
  CHECK(resolved.acronyms == own.acronyms);
  CHECK(apply_resolution(own, {}) == own);  // no resolution: the article's own entities
}

TEST_CASE("the resolution survives the metadata text", "[entities][collection_keys]") {
  const KeyResolution resolution = sample_resolution();
  CHECK(parse_resolution(serialise_resolution(resolution)) == resolution);
  CHECK(parse_resolution("").empty());
  CHECK(parse_resolution("X\tkey\tP\tother\tName\nP\t\tP\tx\t\nP\tonly three\tfields\n").empty());
}

TEST_CASE("an article records the acronyms it spells out, as evidence for the collection",
          "[entities][collection_keys]") {
  const auto entities = newsdex::extract_entities(
      "Dockers vote", "The Harbour Workers Union (HWU) said on Monday that its members would strike.",
      {"The HWU has 4,000 members in Port Essling, the Coastal Rail Authority (CRA) said."});
  // An acronym the alias list knows ("WTO") is its name already: no pairing to record.
  CHECK(entities.acronyms ==
        std::vector<AcronymUse>{{"hwu", "harbour workers union"}, {"cra", "coastal rail authority"}});
  CHECK(newsdex::extract_entities("Talks", "Ministers met in Geneva.", {"Nothing more was said."}).acronyms.empty());
}
