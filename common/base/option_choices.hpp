// Every option that names one of a fixed set of values (--sort, --match, --facet, --format,
// --entities, and the same fields of a batch JSON request) is read here from a table of
// {name, value}: the table is the one list of choices, so the parser and the refusal message that
// lists them can never disagree.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/errors.hpp"

namespace newsdex {

template <typename Value>
struct OptionChoice {
  std::string_view name;
  Value value;
};

// The refusal of `text` for an option called `what`, listing `names` in order:
//   unknown sort order 'random': choose relevance, newest or oldest
std::string unknown_choice_message(std::string_view what, std::string_view text,
                                   const std::vector<std::string_view>& names);

// The value `text` names in `choices`. Throws UsageError listing the choices; a name that spells
// a value an earlier entry already named ("txt" after "text") is an alias and is not listed.
template <typename Value>
Value parse_choice(std::string_view what, std::string_view text, std::span<const OptionChoice<Value>> choices) {
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (choices[i].name == text) return choices[i].value;
    bool alias = false;
    for (std::size_t j = 0; j < i; ++j) alias = alias || choices[j].value == choices[i].value;
    if (!alias) names.push_back(choices[i].name);
  }
  throw UsageError(unknown_choice_message(what, text, names));
}

// The name `choices` gives `value` first (its alias-free name).
template <typename Value>
std::string_view choice_name(Value value, std::span<const OptionChoice<Value>> choices) {
  for (const auto& choice : choices)
    if (choice.value == value) return choice.name;
  return {};
}

}  // namespace newsdex
