#include "common/query/syntax.hpp"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "common/base/errors.hpp"
#include "common/base/text.hpp"
#include "common/query/stopwords.hpp"

namespace newsdex {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_operator(std::string_view word) { return word == "AND" || word == "OR" || word == "NOT" || word == "XOR"; }

// A query with letters but none in lower case was typed with caps lock or pasted from all-capitals
// text (old wire copy, the TIME test collection): its AND, OR, NOT are words of a sentence, not
// operators ("WHEAT DEALS WITH RUSSIA AND CANADA").
bool all_capitals(std::string_view text) {
  bool letters = false;
  for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it) {
    auto category = Xapian::Unicode::get_category(*it);
    if (category == Xapian::Unicode::LOWERCASE_LETTER) return false;
    letters = letters || category == Xapian::Unicode::UPPERCASE_LETTER;
  }
  return letters;
}

// Letters and digits only (any script): what Xapian's parser takes as one word in a field value.
bool is_one_word(std::string_view text) {
  for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it)
    if (!Xapian::Unicode::is_wordchar(*it) || *it == '_') return false;
  return !text.empty();
}

// Some letter or digit: a word without one ("-", "&") gives the parser no term at all.
bool has_word_character(std::string_view text) {
  for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it)
    if (Xapian::Unicode::is_wordchar(*it)) return true;
  return false;
}

// "U.N." or "U.S" -> "un", "us": capital letters each followed by a full stop (the last one may be
// missing) are one word, as Xapian's TermGenerator indexes them. Empty when `word` is not one:
// lower-cased as it stands, "u.n" would reach the parser as the phrase "u n", which never matches.
std::string acronym(std::string_view word) {
  if (word.size() < 3) return {};
  std::string letters;
  for (std::size_t i = 0; i < word.size(); i += 2) {
    if (!std::isupper(static_cast<unsigned char>(word[i]))) return {};
    if (i + 1 < word.size() && word[i + 1] != '.') return {};
    letters += static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
  }
  return letters.size() >= 2 ? letters : std::string();
}

// NEAR, NEAR/n, ADJ, ADJ/n: Xapian's proximity operators (docs/query.md, Proximity).
bool is_proximity_operator(std::string_view word) {
  for (std::string_view name : {"NEAR", "ADJ"})
    if (word.starts_with(name) && (word.size() == name.size() || word[name.size()] == '/')) return true;
  return false;
}

// What one proximity operator asks: "NEAR/5" -> {"NEAR", 5}; without a distance, Xapian's 10.
struct Proximity {
  std::string name;
  unsigned distance = 10;
  bool operator==(const Proximity&) const = default;
};

constexpr unsigned max_proximity_distance = 1000;

Proximity parse_proximity(std::string_view word, std::size_t at) {
  auto slash = word.find('/');
  Proximity proximity{std::string(word.substr(0, slash))};
  if (slash == std::string_view::npos) return proximity;
  auto digits = word.substr(slash + 1);
  unsigned distance = 0;
  bool number = !digits.empty() && digits.size() <= 4 &&
                std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (number) distance = static_cast<unsigned>(std::stoul(std::string(digits)));
  if (distance < 1 || distance > max_proximity_distance)
    throw QueryError("'" + std::string(word) + "' at position " + std::to_string(at) +
                         ": the distance after '/' is a number of words from 1 to " +
                         std::to_string(max_proximity_distance) + ", as in " + proximity.name + "/5",
                     at);
  proximity.distance = distance;
  return proximity;
}

// One term for Xapian's parser, which proximity operators take (and nothing else: a phrase, a
// field, a bracket or a compound such as "al-qaeda" makes it silently drop every operator): letters
// and digits, with apostrophes inside ("blair's"), or an abbreviation ("U.N.").
bool is_single_term(std::string_view word) {
  if (!acronym(word).empty()) return true;
  std::vector<unsigned> characters;
  for (Xapian::Utf8Iterator it(word.data(), word.size()), end; it != end; ++it) characters.push_back(*it);
  for (std::size_t i = 0; i < characters.size(); ++i) {
    bool apostrophe = characters[i] == '\'' || characters[i] == 0x2019;
    bool inside = i > 0 && i + 1 < characters.size();
    if (apostrophe ? !inside : !Xapian::Unicode::is_wordchar(characters[i])) return false;
  }
  return !characters.empty();
}

// A field name as a user would write one: ASCII letters only ("colour", "writer"). "10:30" and
// "U.S.:" are not; "http" is, but "http://..." is no field clause (its value does not start a word).
bool looks_like_field_name(std::string_view name) {
  return !name.empty() &&
         std::all_of(name.begin(), name.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

class Scanner {
 public:
  Scanner(std::string_view text, const std::vector<std::string_view>& fields,
          const std::vector<std::string_view>& group_fields, StopwordList stopwords)
      : text_(text),
        fields_(fields),
        group_fields_(group_fields),
        stopwords_(stopwords),
        operators_are_words_(all_capitals(text)) {}

  QueryScan run() {
    while (at_ < text_.size()) {
      char c = text_[at_];
      if (is_space(c)) {
        out(c), ++at_;
      } else if (c == '"') {
        refuse_after_proximity();
        phrase();
      } else if (c == '(') {
        refuse_after_proximity();
        open_group(field_bracket_next_);  // title:( ) is one item, counted by field()
        field_bracket_next_ = false;
        open_brackets_.push_back(at_), out(c), ++at_;
      } else if (c == ')') {
        refuse_after_proximity();
        if (open_brackets_.empty()) throw QueryError("unmatched ')' at position " + std::to_string(at_), at_);
        finish_group();
        open_brackets_.pop_back(), out(c), ++at_;
        if (open_brackets_.size() < title_group_depth_) title_group_depth_ = 0;
      } else {
        word();
      }
    }
    refuse_after_proximity();
    if (!open_brackets_.empty())
      throw QueryError("unmatched '(' at position " + std::to_string(open_brackets_.back()), open_brackets_.back());
    check_operators();
    scan_.only_exclusions = finish_group();
    return std::move(scan_);
  }

 private:
  void out(char c) { scan_.rewritten += c; }
  void out(std::string_view text) { scan_.rewritten += text; }

  // Exclusions. Xapian's parser reads a run of items between AND, OR and XOR as one expression, in
  // which '-' items are taken out of the others: a run of '-' items alone fails to parse, and the
  // parser then silently reads the text again without operators (`-a -b` became `a AND b`). So a run
  // whose items are all excluded (by '-' or NOT; common words, which the parser drops, do not count)
  // is rewritten with NOT for each '-' (`NOT a NOT b`, Xapian's pure NOT: every article except
  // those), and its common words are left out. A '-' after NOT in a run is rewritten too, since NOT
  // takes the rest of the run as its operand: `NOT a -b` would have meant "not (a without b)".
  struct Sign {
    std::size_t at;  // where the '-' is in the rewritten text
    bool after_not;
  };
  struct Run {
    bool included = false, excluded = false, seen_not = false;
    std::vector<Sign> signs;
    std::vector<std::size_t> double_negations;  // a '-' right after NOT: the parser cannot read "NOT -x"
    std::vector<std::pair<std::size_t, std::size_t>> common_words;  // [begin, end) in the rewritten text
    std::vector<std::pair<std::size_t, std::size_t>> no_terms;      // punctuation alone, the same
  };
  // One level of brackets, or the whole query.
  struct Group {
    Run run;                         // the current run
    bool next_excluded = false;      // after NOT, or a lone '-' before '"' or '('
    bool excluded = false;           // some item is excluded
    bool positive = false;           // some item matches articles by itself (a word, a filter, ...)
    bool counts_for_parent = false;  // an unexcluded bracket: the parent is positive if this is
  };

  // An item of the current run (a word, phrase, field clause or bracket) starts here; `sign_at`:
  // where its '-' is in the rewritten text, if it has one.
  void item(std::size_t sign_at = std::string::npos, bool positive = true) {
    auto& group = groups_.back();
    auto& run = group.run;
    if (sign_at != std::string::npos && group.next_excluded)
      run.double_negations.push_back(sign_at);
    else if (sign_at != std::string::npos)
      run.signs.push_back({sign_at, run.seen_not});
    if (sign_at != std::string::npos || group.next_excluded) {
      run.excluded = group.excluded = true;
    } else {
      run.included = true;
      group.positive = group.positive || positive;
    }
    group.next_excluded = false;
  }

  void finish_run() {
    auto run = std::move(groups_.back().run);
    groups_.back().run = {};
    bool only_excluded = run.excluded && !run.included;
    std::vector<std::pair<std::size_t, std::size_t>> edits;  // [begin, end): a sign, or a common word
    for (auto sign : run.signs)
      if (only_excluded || sign.after_not) edits.emplace_back(sign.at, sign.at + 1);
    if (only_excluded)
      for (auto range : run.common_words) edits.push_back(range);
    for (auto sign : run.double_negations) scan_.rewritten[sign] = ' ';  // NOT -x: NOT x
    if (only_excluded)
      for (auto [begin, end] : run.no_terms) scan_.rewritten.replace(begin, end - begin, end - begin, ' ');
    std::sort(edits.rbegin(), edits.rend());  // from the end, so that earlier offsets stay valid
    for (auto [begin, end] : edits) {
      if (end - begin == 1 && scan_.rewritten[begin] == '-') {
        scan_.rewritten.replace(begin, 1, "NOT ");
      } else {
        scan_.dropped_stopwords.insert(scan_.dropped_stopwords.begin(), scan_.rewritten.substr(begin, end - begin));
        scan_.rewritten.replace(begin, end - begin, end - begin, ' ');
      }
    }
  }

  // Closes the innermost group; true when it has exclusions and nothing that matches by itself.
  bool finish_group() {
    finish_run();
    auto group = std::move(groups_.back());
    groups_.pop_back();
    if (!groups_.empty() && group.counts_for_parent && group.positive) groups_.back().positive = true;
    return group.excluded && !group.positive;
  }

  void open_group(bool counted_by_field) {
    bool excluded = groups_.back().next_excluded;
    if (!counted_by_field) item(std::string::npos, false);  // positive or not: known when it closes
    groups_.emplace_back();
    groups_.back().counts_for_parent = !counted_by_field && !excluded;
  }

  // The closing quote of the phrase opened at `open`, or an error.
  std::size_t closing_quote(std::size_t open) const {
    auto close = text_.find('"', open + 1);
    if (close == std::string_view::npos)
      throw QueryError("unbalanced quote: the phrase opened at position " + std::to_string(open) + " is not closed", open);
    return close;
  }

  void phrase() {
    auto close = closing_quote(at_);
    item();
    scan_.has_phrase = true;
    ++scan_.phrases;
    operators_.push_back({"", at_});
    out(text_.substr(at_, close + 1 - at_));
    at_ = close + 1;
  }

  void word() {
    std::size_t start = at_;
    while (at_ < text_.size() && !is_space(text_[at_]) && text_[at_] != '(' && text_[at_] != ')' && text_[at_] != '"')
      ++at_;
    auto word = text_.substr(start, at_ - start);
    // "--x" is "-x" to the parser (it skips a '-' that is not before a word, a phrase or a bracket).
    while (word.size() > 2 && word[0] == '-' && word[1] == '-') word.remove_prefix(1), ++start, out(' ');
    // A lone '-' right before a phrase or a bracket excludes it, as Xapian's parser reads it.
    if (word == "-" && at_ < text_.size() && (text_[at_] == '"' || text_[at_] == '(')) {
      refuse_after_proximity();
      auto& group = groups_.back();
      if (group.next_excluded)
        group.run.double_negations.push_back(scan_.rewritten.size());
      else
        group.run.signs.push_back({scan_.rewritten.size(), group.run.seen_not});
      group.next_excluded = true;
      out(word);
      return;
    }
    // A field clause may also start right after + or -.
    std::size_t sign = (word.size() > 1 && (word[0] == '+' || word[0] == '-')) ? 1 : 0;
    auto colon = word.find(':');
    if (colon != std::string_view::npos && colon > sign) {
      auto name = ascii_lower(word.substr(sign, colon - sign));
      if (contains(fields_, name)) {
        refuse_after_proximity();
        at_ = start;
        field(start + sign, name, sign ? word[0] : '\0');
        return;
      }
      if (looks_like_field_name(name) && starts_field_value(start + colon + 1)) unknown_field(name, start + sign);
    }
    if (!operators_are_words_ && is_proximity_operator(word)) {
      proximity_operator(word, start);
      return;
    }
    auto chained = chain_word(word);
    operators_.push_back({operators_are_words_ ? std::string() : std::string(word), start});
    if (is_operator(word) && !operators_are_words_) {
      if (word == "NOT")
        groups_.back().next_excluded = groups_.back().run.seen_not = true;
      else
        finish_run();  // AND, OR, XOR
      out(word);
      return;
    }
    bool minus = sign && word[0] == '-';
    if (chained == ChainWord::next) {
      // One item with the chain's first word, which counted it.
    } else if (!has_word_character(word.substr(sign))) {
      // Punctuation alone ("-", "&"): no term, so it neither includes nor excludes anything.
      groups_.back().run.no_terms.emplace_back(scan_.rewritten.size(), scan_.rewritten.size() + word.size());
    } else if (minus) {
      item(scan_.rewritten.size());
    } else if (!sign && !groups_.back().next_excluded && chained == ChainWord::none &&
               is_stopword(stopwords_, ascii_lower(word))) {
      // A bare common word: the parser drops it, so it neither includes nor excludes anything.
      groups_.back().run.common_words.emplace_back(scan_.rewritten.size(), scan_.rewritten.size() + word.size());
    } else {
      item();
    }
    if (sign && word[0] == '+') scan_.has_required_word = true;
    auto bare = word.substr(sign);
    if (sign && word[0] == '-') scan_.excluded_words.push_back(ascii_lower(bare));
    if (!bare.empty() && bare.back() == '*') {
      auto stem = bare.substr(0, bare.size() - 1);
      if (stem.empty()) throw QueryError("a wildcard needs at least one letter before '*'", start);
      scan_.wildcards.push_back(ascii_lower(stem));
      // A wildcard on one word is expanded over stems by the query builder; on a compound
      // ("al-qa*") the parser reads the parts as a phrase and drops the '*', as it always did.
      if (is_one_word(stem)) {
        scan_.free_words.push_back(ascii_lower(bare));
        out(word.substr(0, sign));
        auto field = title_group_depth_ ? title_wildcard_field : wildcard_field;  // inside title:( )
        out(std::string(field) + ":" + Xapian::Unicode::tolower(std::string(stem)));
        return;
      }
    }
    if (auto letters = acronym(bare); !letters.empty()) {
      scan_.free_words.push_back(letters);
      out(word.substr(0, sign));
      out(letters);
    } else {
      if (!bare.empty()) scan_.free_words.push_back(ascii_lower(bare));
      // Lower-cased, as the index's stems are (an all-capitals query's AND, OR, NOT are words too).
      out(Xapian::Unicode::tolower(std::string(word)));
    }
    if (chained != ChainWord::none && !next_is_proximity_operator()) out(')'), chain_ = {};
  }

  // Proximity: `blair NEAR/5 iraq`. Xapian's parser reads a chain of single words joined by NEAR or
  // ADJ only on its own or between boolean operators: beside another word (`war blair NEAR iraq`),
  // or with a phrase, a field or a bracket as an operand, it fails and silently parses the text again
  // with every operator taken as a word. So each chain is put in brackets, and any other operand is
  // an error here.
  enum class ChainWord { none, first, next };
  struct Chain {
    bool open = false;        // its first word is written, with the '(' before it
    bool needs_word = false;  // right after an operator
    std::optional<Proximity> proximity;
    std::string written;  // the last operator as typed, and where
    std::size_t at = 0;
  };

  bool next_is_proximity_operator() const {
    if (operators_are_words_) return false;
    auto begin = at_;
    while (begin < text_.size() && is_space(text_[begin])) ++begin;
    auto end = begin;
    while (end < text_.size() && !is_space(text_[end]) && text_[end] != '(' && text_[end] != ')' && text_[end] != '"')
      ++end;
    return is_proximity_operator(text_.substr(begin, end - begin));
  }

  // Whether `word` belongs to a chain: the word after an operator, or one before an operator (which
  // opens the chain's bracket).
  ChainWord chain_word(std::string_view word) {
    bool single = (operators_are_words_ || !is_operator(word)) && is_single_term(word);
    if (chain_.needs_word) {
      if (!single) refuse_after_proximity();
      chain_.needs_word = false;
      return ChainWord::next;
    }
    if (!single || !next_is_proximity_operator()) return ChainWord::none;
    out('(');
    chain_.open = true;
    return ChainWord::first;
  }

  std::string proximity_error(std::string_view what) const {
    return "'" + chain_.written + "' at position " + std::to_string(chain_.at) + " needs a single word " +
           std::string(what) + ", as in blair NEAR/5 iraq (not a phrase, field, bracket, wildcard or +/- word)";
  }

  void refuse_after_proximity() const {
    if (chain_.needs_word) throw QueryError(proximity_error("after it"), chain_.at);
  }

  void proximity_operator(std::string_view word, std::size_t at) {
    refuse_after_proximity();  // NEAR NEAR
    auto proximity = parse_proximity(word, at);
    if (!chain_.open) {
      chain_.written = std::string(word), chain_.at = at;
      throw QueryError(proximity_error("before it"), at);
    }
    if (chain_.proximity && *chain_.proximity != proximity)
      throw QueryError("'" + std::string(word) + "' at position " + std::to_string(at) + " joins a chain begun with '" +
                           chain_.written +
                           "': one chain of NEAR or ADJ takes one operator and one distance (join "
                           "two chains with AND)",
                       at);
    chain_.proximity = proximity;
    chain_.needs_word = true;
    chain_.written = std::string(word), chain_.at = at;
    operators_.push_back({"", at});
    out(word);
  }

  // The text at `at` (just after a colon) starts a field value: a word, a phrase or a bracket.
  bool starts_field_value(std::size_t at) const {
    if (at >= text_.size()) return false;
    if (text_[at] == '"' || text_[at] == '(') return true;
    Xapian::Utf8Iterator next(text_.data() + at, text_.size() - at);
    return Xapian::Unicode::is_wordchar(*next);
  }

  [[noreturn]] void unknown_field(const std::string& name, std::size_t at) const {
    std::string known;
    for (auto field : fields_) known += (known.empty() ? "" : ", ") + std::string(field) + ":";
    throw QueryError("unknown field '" + name + ":' at position " + std::to_string(at) + "; the fields are " + known +
                         " (to search for the words, put them in quotes)",
                     at);
  }

  void field(std::size_t name_at, std::string name, char sign) {
    std::size_t value_at = name_at + name.size() + 1;
    operators_.push_back({"", name_at});
    auto no_value = [&] {
      std::string example = name == "date" ? "2024-11" : "gaza";  // "date:gaza" would be an error too
      throw QueryError("'" + name + ":' needs a value, as in " + name + ":" + example, name_at);
    };
    if (value_at >= text_.size() || is_space(text_[value_at]) || text_[value_at] == ')') no_value();
    item(sign == '-' ? scan_.rewritten.size() : std::string::npos);
    if (sign) out(sign);
    if (text_[value_at] == '"') {
      auto close = closing_quote(value_at);
      auto value = text_.substr(value_at + 1, close - value_at - 1);
      if (value.find_first_not_of(" \t") == std::string_view::npos) no_value();
      scan_.clauses.push_back({name, std::string(value), name_at});
      out(name + ":" + std::string(text_.substr(value_at, close + 1 - value_at)));
      at_ = close + 1;
    } else if (text_[value_at] == '(' && contains(group_fields_, name)) {
      group(name_at, name, value_at);
    } else if (text_[value_at] == '(') {
      out(name + ":");  // title:(a b) is Xapian's own syntax
      field_bracket_next_ = true;
      if (!title_group_depth_) title_group_depth_ = open_brackets_.size() + 1;  // the bracket run() opens next
      at_ = value_at;
    } else {
      std::size_t end = value_at;
      while (end < text_.size() && !is_space(text_[end]) && text_[end] != ')') ++end;
      std::string value(text_.substr(value_at, end - value_at));
      scan_.clauses.push_back({name, value, name_at});
      // Free-text fields (title:) are lower-cased like free words, so that they are stemmed.
      if (!contains(group_fields_, name) && value.size() > 1 && value.back() == '*' &&
          is_one_word(std::string_view(value).substr(0, value.size() - 1))) {
        value.pop_back();
        out(std::string(title_wildcard_field) + ":" + Xapian::Unicode::tolower(value));
      } else {
        out(name + ":" + (contains(group_fields_, name) ? value : Xapian::Unicode::tolower(value)));
      }
      at_ = end;
    }
  }

  // person:(a OR "b c" d) -> (person:a OR person:"b c" person:d); values with no operator between
  // them are all required, as repeated filters are.
  void group(std::size_t name_at, const std::string& name, std::size_t open) {
    std::size_t at = open + 1;
    std::string rewritten = "(";
    bool any_value = false;
    while (true) {
      while (at < text_.size() && is_space(text_[at])) ++at;
      if (at >= text_.size()) throw QueryError("unmatched '(' at position " + std::to_string(open), open);
      if (text_[at] == ')') break;
      if (text_[at] == '(') throw QueryError("brackets cannot be nested inside " + name + ":( )", at);
      std::string value;
      std::size_t value_at = at;
      if (text_[at] == '"') {
        auto close = closing_quote(at);
        value = std::string(text_.substr(at + 1, close - at - 1));
        at = close + 1;
      } else {
        std::size_t end = at;
        while (end < text_.size() && !is_space(text_[end]) && text_[end] != ')' && text_[end] != '(') ++end;
        value = std::string(text_.substr(at, end - at));
        at = end;
        if (value == "OR" || value == "AND") {
          if (!any_value) throw QueryError("'" + value + "' needs a value on each side", value_at);
          rewritten += " " + value + " ";
          continue;
        }
      }
      if (value.find_first_not_of(" \t") == std::string::npos) throw QueryError("'" + name + ":' needs a value", value_at);
      if (any_value && rewritten.back() != ' ') rewritten += ' ';
      rewritten += name + ":\"" + value + "\"";
      scan_.clauses.push_back({name, value, name_at});
      any_value = true;
    }
    if (!any_value) throw QueryError("'" + name + ":()' needs a value", name_at);
    if (rewritten.back() == ' ') throw QueryError("an operator at the end of " + name + ":( ) needs a value after it", at);
    out(rewritten + ")");
    at_ = at + 1;
  }

  // AND and OR need something on both sides, NOT something after it.
  void check_operators() const {
    if (operators_.empty()) return;
    const auto& [first, first_at] = operators_.front();
    if (first == "AND" || first == "OR" || first == "XOR")
      throw QueryError("'" + first + "' at position " + std::to_string(first_at) + " needs something before it", first_at);
    const auto& [last, last_at] = operators_.back();
    if (is_operator(last))
      throw QueryError("'" + last + "' at position " + std::to_string(last_at) + " needs something after it", last_at);
  }

  std::string_view text_;
  const std::vector<std::string_view>& fields_;
  const std::vector<std::string_view>& group_fields_;
  StopwordList stopwords_;
  bool operators_are_words_;
  std::size_t at_ = 0;
  std::vector<std::size_t> open_brackets_;  // where each open bracket is
  std::vector<Group> groups_{1};            // the query, then each open bracket
  bool field_bracket_next_ = false;         // the next '(' is title:( )'s, an item already counted
  std::size_t title_group_depth_ = 0;       // inside title:( ... ) when open_brackets_ is this deep (0: not)
  QueryScan scan_;
  Chain chain_;                                                 // the NEAR/ADJ chain being read
  std::vector<std::pair<std::string, std::size_t>> operators_;  // every item with its position ("" = not a word)
};

}  // namespace

std::string restore_wildcards(std::string text) {
  for (auto [field, written] : {std::pair{title_wildcard_field, std::string_view("title:")},
                                std::pair{wildcard_field, std::string_view()}}) {
    auto marker = std::string(field) + ":";
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
      text.replace(at, marker.size(), written);
      at += written.size();
      auto end = at;
      while (end < text.size() && !is_space(text[end]) && text[end] != ')') ++end;
      text.insert(end, 1, '*');
    }
  }
  return text;
}

QueryScan scan_query(std::string_view text, const std::vector<std::string_view>& fields,
                     const std::vector<std::string_view>& group_fields, StopwordList stopwords) {
  if (text.size() > max_query_bytes)
    throw QueryError("the query is too long (" + std::to_string(text.size()) + " bytes; the limit is " +
                         std::to_string(max_query_bytes) + ")",
                     max_query_bytes);
  return Scanner(text, fields, group_fields, stopwords).run();
}

}  // namespace newsdex
