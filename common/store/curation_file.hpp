// A curation file (docs/entities.md, "Curation"): the rules a user writes, one a line, to correct the
// collection's entities without reading the articles again (aliases, merges, splits, types, a stop
// list). Parsing is pure: text in, rules out, or a UsageError naming the file and the line.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/store/schema.hpp"

namespace newsdex {

enum class CurationVerb { alias, merge, split, type, stop };

struct CurationRule {
  CurationVerb verb = CurationVerb::alias;
  std::size_t line = 0;  // in its file, from 1
  std::string text;      // the rule as written (trimmed, without its comment), for reports
  // alias, merge, split, stop: the type of the entities it applies to (none: any type);
  // type: the type the entity becomes.
  std::optional<schema::EntityType> type;
  // The names it applies to: one, or for merge every name merged (the first is the one kept).
  std::vector<std::string> names;
  std::string target;  // alias, merge, split: the name they become
  // split: the article must also name this entity (of this type; none: any type).
  std::optional<schema::EntityType> context_type;
  std::string context;
};

// Every rule of `text`, in order; blank lines and `#` comments are skipped. Throws UsageError
// "<file_name>:<line>: <what is wrong>" for an unknown verb or type, bad quoting, a missing or empty
// name, text that is not UTF-8, and rules that contradict each other (a name renamed twice, renamed
// to a name that is itself renamed, given two types).
std::vector<CurationRule> parse_curation(std::string_view text, std::string_view file_name);

std::string_view curation_verb_name(CurationVerb verb);
// "person", "org", "place": the query's field names, which the file uses too.
std::string_view entity_type_name(schema::EntityType type);
// The type a name says (also "organisation", "organization"); throws UsageError listing the three.
schema::EntityType parse_entity_type(std::string_view name);

}  // namespace newsdex
