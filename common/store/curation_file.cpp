#include "common/store/curation_file.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>

#include "common/base/errors.hpp"
#include "common/base/option_choices.hpp"
#include "common/base/text.hpp"

namespace newsdex {
namespace {

using schema::EntityType;

constexpr OptionChoice<CurationVerb> verb_choices[] = {{"alias", CurationVerb::alias},
                                                       {"merge", CurationVerb::merge},
                                                       {"split", CurationVerb::split},
                                                       {"type", CurationVerb::type},
                                                       {"stop", CurationVerb::stop}};
// The query's field names first (the names listed in a refusal), then the spellings a user may try.
constexpr OptionChoice<EntityType> type_choices[] = {{"person", EntityType::person},
                                                     {"org", EntityType::organisation},
                                                     {"place", EntityType::place},
                                                     {"organisation", EntityType::organisation},
                                                     {"organization", EntityType::organisation}};

struct Token {
  enum class Kind { word, name, arrow } kind;
  std::string text;  // a word as written; a name without its quotes, escapes undone
};

// Thrown inside one line; parse_curation adds the file and line.
struct LineError {
  std::string message;
};

// Splits a line into bare words, "quoted names" (\" and \\ inside) and =>; # starts a comment.
std::vector<Token> tokenize(std::string_view line) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (at < line.size()) {
    char c = line[at];
    if (c == ' ' || c == '\t') {
      ++at;
    } else if (c == '#') {
      break;
    } else if (c == '"') {
      std::string name;
      for (++at;; ++at) {
        if (at >= line.size()) throw LineError{"a quoted name is not closed (a name is written \"Tony Blair\")"};
        if (line[at] == '"') break;
        if (line[at] == '\\') {
          if (++at >= line.size() || (line[at] != '"' && line[at] != '\\'))
            throw LineError{"a backslash in a name must be followed by \" or \\"};
        }
        name += line[at];
      }
      ++at;
      tokens.push_back({Token::Kind::name, std::move(name)});
    } else if (line.substr(at, 2) == "=>") {
      tokens.push_back({Token::Kind::arrow, "=>"});
      at += 2;
    } else {
      auto end = line.find_first_of(" \t\"#", at);
      if (end == std::string_view::npos) end = line.size();
      tokens.push_back({Token::Kind::word, std::string(line.substr(at, end - at))});
      at = end;
    }
  }
  return tokens;
}

// The tokens of one rule, read left to right.
class RuleReader {
 public:
  explicit RuleReader(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  CurationVerb verb() {
    auto& token = next("a verb (alias, merge, split, type or stop)");
    if (token.kind != Token::Kind::word)
      throw LineError{"a rule starts with a verb: alias, merge, split, type or stop"};
    return choose<CurationVerb>("verb", token.text, verb_choices);
  }

  // A type word when the next token is a word other than `by`; none when a name comes next. A word
  // that is not a type where the name should be is a name written without its quotes.
  std::optional<EntityType> optional_type() {
    if (at_ >= tokens_.size() || tokens_[at_].kind != Token::Kind::word || tokens_[at_].text == "by") return {};
    bool name_follows = at_ + 1 < tokens_.size() && tokens_[at_ + 1].kind == Token::Kind::name;
    if (!name_follows && !known_type(tokens_[at_].text)) return {};  // name() says what is wrong
    return choose<EntityType>("type", tokens_[at_++].text, type_choices);
  }

  EntityType type() {
    auto type = optional_type();
    if (!type) throw LineError{"expected a type (person, org or place)" + found()};
    return *type;
  }

  std::string name() {
    if (at_ >= tokens_.size() || tokens_[at_].kind != Token::Kind::name)
      throw LineError{"expected a name in double quotes" + found()};
    auto name = std::move(tokens_[at_++].text);
    if (fold_key(name).empty()) throw LineError{"a name is empty"};
    return name;
  }

  bool at_name() const { return at_ < tokens_.size() && tokens_[at_].kind == Token::Kind::name; }

  void expect(Token::Kind kind, std::string_view text) {
    if (at_ >= tokens_.size() || tokens_[at_].kind != kind || tokens_[at_].text != text)
      throw LineError{"expected " + std::string(text) + found()};
    ++at_;
  }

  void end() {
    if (at_ < tokens_.size()) throw LineError{"unexpected " + describe(tokens_[at_]) + " after the rule"};
  }

 private:
  const Token& next(std::string_view what) {
    if (at_ >= tokens_.size()) throw LineError{"expected " + std::string(what)};
    return tokens_[at_++];
  }

  template <typename Value>
  Value choose(std::string_view what, std::string_view text, std::span<const OptionChoice<Value>> choices) {
    try {
      return parse_choice<Value>(what, text, choices);
    } catch (const UsageError& e) {
      throw LineError{e.what()};
    }
  }

  static bool known_type(std::string_view word) {
    return std::any_of(std::begin(type_choices), std::end(type_choices),
                       [&](const OptionChoice<EntityType>& choice) { return choice.name == word; });
  }
  static std::string describe(const Token& token) {
    return token.kind == Token::Kind::name ? "name \"" + token.text + "\"" : "'" + token.text + "'";
  }
  std::string found() const { return at_ < tokens_.size() ? ", found " + describe(tokens_[at_]) : " at the end"; }

  std::vector<Token> tokens_;
  std::size_t at_ = 0;
};

// alias [TYPE] "NAME" => "NAME" | merge [TYPE] "NAME" "NAME"... | split [TYPE] "NAME" by [TYPE] "NAME" => "NAME"
// | type TYPE "NAME" | stop [TYPE] "NAME"
CurationRule read_rule(RuleReader& reader) {
  CurationRule rule;
  rule.verb = reader.verb();
  switch (rule.verb) {
    case CurationVerb::alias:
      rule.type = reader.optional_type();
      rule.names.push_back(reader.name());
      reader.expect(Token::Kind::arrow, "=>");
      rule.target = reader.name();
      break;
    case CurationVerb::merge:
      rule.type = reader.optional_type();
      rule.names.push_back(reader.name());
      do rule.names.push_back(reader.name());
      while (reader.at_name());
      rule.target = rule.names.front();
      break;
    case CurationVerb::split:
      rule.type = reader.optional_type();
      rule.names.push_back(reader.name());
      reader.expect(Token::Kind::word, "by");
      rule.context_type = reader.optional_type();
      rule.context = reader.name();
      reader.expect(Token::Kind::arrow, "=>");
      rule.target = reader.name();
      break;
    case CurationVerb::type:
      rule.type = reader.type();
      rule.names.push_back(reader.name());
      break;
    case CurationVerb::stop:
      rule.type = reader.optional_type();
      rule.names.push_back(reader.name());
      break;
  }
  reader.end();
  return rule;
}

bool types_overlap(const std::optional<EntityType>& a, const std::optional<EntityType>& b) {
  return !a || !b || *a == *b;
}

bool renames(const CurationRule& rule) { return rule.verb == CurationVerb::alias || rule.verb == CurationVerb::merge; }

// The names a rename rule renames: every name but a merge's first (the one kept); none for other rules.
std::span<const std::string> renamed_names(const CurationRule& rule) {
  if (!renames(rule)) return {};
  return std::span(rule.names).subspan(rule.verb == CurationVerb::merge ? 1 : 0);
}

// The rules read so far, by the keys that can make a later rule contradict them; a file of
// thousands of aliases is checked in one pass, not rule against rule.
class RuleKeys {
 public:
  // Why `rule` (read after every rule added so far) would make the result depend on the order of
  // the rules: a name renamed by two rules, a rule's new name renamed by another, a name given two
  // types. Empty when it is consistent with them.
  std::string contradiction(const CurationRule& rule) const {
    for (const auto& name : renamed_names(rule))
      if (const auto* earlier = find(renamed_, fold_key(name), rule.type))
        return "\"" + name + "\" is already renamed on line " + std::to_string(earlier->line);
    if (!rule.target.empty())
      if (const auto* earlier = find(renamed_, fold_key(rule.target), rule.type))
        return "\"" + rule.target + "\" is renamed on line " + std::to_string(earlier->line) + ": give the final name";
    for (const auto& name : renamed_names(rule))
      if (const auto* earlier = find(targets_, fold_key(name), rule.type))
        return "\"" + earlier->target + "\" is the new name line " + std::to_string(earlier->line) +
               " gives: give that line the final name";
    if (rule.verb == CurationVerb::type)
      if (const auto* earlier = find(typed_, fold_key(rule.names[0]), std::nullopt))
        return "\"" + rule.names[0] + "\" is already given a type on line " + std::to_string(earlier->line);
    return {};
  }

  void add(const CurationRule& rule) {
    for (const auto& name : renamed_names(rule)) renamed_.emplace(fold_key(name), &rule);
    if (!rule.target.empty()) targets_.emplace(fold_key(rule.target), &rule);
    if (rule.verb == CurationVerb::type) typed_.emplace(fold_key(rule.names[0]), &rule);
  }

 private:
  using ByKey = std::unordered_multimap<std::string, const CurationRule*>;

  // The first rule under `key` whose type overlaps `type` (a type rule's own type says nothing of
  // what it applies to: any type).
  static const CurationRule* find(const ByKey& rules, const std::string& key, const std::optional<EntityType>& type) {
    const CurationRule* found = nullptr;
    auto [begin, end] = rules.equal_range(key);
    for (auto it = begin; it != end; ++it)
      if ((it->second->verb == CurationVerb::type || types_overlap(type, it->second->type)) &&
          (!found || it->second->line < found->line))
        found = it->second;
    return found;
  }

  ByKey renamed_, targets_, typed_;
};

std::string trimmed(std::string_view text) {
  auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  auto end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

// The rule's own text: the line without its comment (a # outside quotes).
std::string rule_text(std::string_view line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && quoted)
      ++i;
    else if (line[i] == '"')
      quoted = !quoted;
    else if (line[i] == '#' && !quoted)
      return trimmed(line.substr(0, i));
  }
  return trimmed(line);
}

}  // namespace

std::string_view curation_verb_name(CurationVerb verb) { return choice_name<CurationVerb>(verb, verb_choices); }

std::string_view entity_type_name(EntityType type) { return choice_name<EntityType>(type, type_choices); }

EntityType parse_entity_type(std::string_view name) {
  return parse_choice<EntityType>("entity type", name, type_choices);
}

std::vector<CurationRule> parse_curation(std::string_view text, std::string_view file_name) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark some editors write
  std::vector<CurationRule> rules;
  std::size_t number = 0;
  auto fail = [&](const std::string& message) {
    throw UsageError(std::string(file_name) + ":" + std::to_string(number) + ": " + message);
  };
  for (auto line : split(text, '\n')) {
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!is_valid_utf8(line)) fail("not valid UTF-8 (save the file as UTF-8)");
    try {
      auto tokens = tokenize(line);
      if (tokens.empty()) continue;
      RuleReader reader(std::move(tokens));
      auto rule = read_rule(reader);
      rule.line = number;
      rule.text = rule_text(line);
      rules.push_back(std::move(rule));
    } catch (const LineError& e) {
      fail(e.message);
    }
  }
  // Checked once every rule is read (the keys point into `rules`, which no longer grows).
  RuleKeys keys;
  for (const auto& rule : rules) {
    number = rule.line;
    if (auto message = keys.contradiction(rule); !message.empty()) fail(message);
    keys.add(rule);
  }
  return rules;
}

}  // namespace newsdex
