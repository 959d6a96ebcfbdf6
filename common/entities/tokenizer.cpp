#include "common/entities/tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/entities/unicode.hpp"

namespace newsdex::ner {
namespace {

// One code point of a white-space separated chunk, with the ASCII it normalises to (if any).
struct Unit {
  std::size_t begin = 0, end = 0;
  char ascii = 0;             // the character as ASCII (curly quote -> '"'), 0 when not ASCII-like
  const char* replacement = nullptr;  // multi-character normalisation ("--", "...")
};

Unit make_unit(std::string_view text, std::size_t pos) {
  const CodePoint cp = decode_utf8(text, pos);
  Unit unit{pos, pos + cp.length, 0, nullptr};
  switch (cp.value) {
    case U'\u2018': case U'\u2019': case U'\u201B': case U'\u2032': case U'`': unit.ascii = '\''; break;
    case U'\u201C': case U'\u201D': case U'\u201E': case U'\u2033': case U'\u00AB': case U'\u00BB':
      unit.ascii = '"';
      break;
    case U'\u2010': case U'\u2011': case U'\u2012': case U'\u2013': case U'\u2212': unit.ascii = '-'; break;
    case U'\u2014': case U'\u2015': unit.replacement = "--"; break;
    case U'\u2026': unit.replacement = "..."; break;
    default:
      if (cp.value < 0x80) unit.ascii = static_cast<char>(cp.value);
  }
  return unit;
}

class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, std::vector<Token>& out) : text_(text), out_(out) {}

  void split(std::size_t begin, std::size_t end) {
    units_.clear();
    for (std::size_t pos = begin; pos < end;) {
      units_.push_back(make_unit(text_, pos));
      pos = units_.back().end;
    }
    split_units(0, units_.size());
  }

 private:
  char at(std::size_t i) const { return units_[i].ascii; }
  bool is_dash_run(std::size_t i) const {
    return units_[i].replacement != nullptr && units_[i].replacement[0] == '-';
  }

  void emit(std::size_t a, std::size_t b) {
    if (a >= b) return;
    Token token;
    token.begin = units_[a].begin;
    token.end = units_[b - 1].end;
    for (std::size_t i = a; i < b; ++i) {
      const Unit& u = units_[i];
      if (u.replacement) token.text += u.replacement;
      else if (u.ascii) token.text += u.ascii;
      else token.text.append(text_.substr(u.begin, u.end - u.begin));
    }
    out_.push_back(std::move(token));
  }

  // Length of a run of the same ASCII punctuation character starting at i ("--", "...").
  std::size_t run_length(std::size_t i, std::size_t end) const {
    std::size_t j = i + 1;
    while (j < end && at(j) == at(i) && at(i) != 0) ++j;
    return j - i;
  }

  void split_units(std::size_t a, std::size_t b);
  std::size_t peel_leading(std::size_t a, std::size_t b);
  std::size_t peel_trailing(std::size_t a, std::size_t b, std::vector<std::pair<std::size_t, std::size_t>>& tail);
  void split_core(std::size_t a, std::size_t b);
  bool is_abbreviation(std::size_t a, std::size_t b) const;  // [a, b) ends with '.'

  std::string_view text_;
  std::vector<Token>& out_;
  std::vector<Unit> units_;
};

bool is_opening(char c) { return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '$' || c == '#'; }
bool is_closing(char c) {
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '}' ||
         c == '"' || c == '\'' || c == '%' || c == '.';
}

std::size_t ChunkSplitter::peel_leading(std::size_t a, std::size_t b) {
  while (a < b) {
    if (units_[a].replacement) {
      emit(a, a + 1);
      ++a;
      continue;
    }
    const char c = at(a);
    if (c == '-' && a + 1 < b && at(a + 1) == '-') {
      const std::size_t n = run_length(a, b);
      emit(a, a + n);
      a += n;
      continue;
    }
    // A leading apostrophe stays on abbreviated years and clitics ('90s, 'em) but not on quotes.
    if (c == '\'' && a + 1 < b && (std::isdigit(static_cast<unsigned char>(at(a + 1))) != 0)) break;
    if (!is_opening(c) || a + 1 == b) break;
    emit(a, a + 1);
    ++a;
  }
  return a;
}

std::size_t ChunkSplitter::peel_trailing(std::size_t a, std::size_t b,
                                         std::vector<std::pair<std::size_t, std::size_t>>& tail) {
  while (b > a + 1) {
    const std::size_t last = b - 1;
    if (units_[last].replacement) {
      tail.emplace_back(last, b);
      b = last;
      continue;
    }
    const char c = at(last);
    if (!is_closing(c)) break;
    if (c == '.') {
      std::size_t first = last;
      while (first > a && at(first - 1) == '.') --first;
      if (b - first >= 2) {  // "..." or ".."
        tail.emplace_back(first, b);
        b = first;
        continue;
      }
      if (is_abbreviation(a, b)) break;
    }
    tail.emplace_back(last, b);
    b = last;
  }
  return b;
}

bool ChunkSplitter::is_abbreviation(std::size_t a, std::size_t b) const {
  // Initials and dotted acronyms: "M.", "U.S.", "a.m.", "F.C.".
  bool dotted = (b - a) % 2 == 0;
  for (std::size_t i = a; dotted && i < b; i += 2) {
    dotted = std::isalpha(static_cast<unsigned char>(at(i))) != 0 && at(i + 1) == '.';
  }
  if (dotted) return true;
  static constexpr std::array<std::string_view, 62> known = {
      "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "vs", "gen",
      "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "messrs", "mt", "ft", "no",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "calif", "ala",
      "ariz", "ark", "colo", "conn", "fla", "ill", "kan", "mass", "mich", "minn", "nev", "okla", "tenn",
      "tex", "wash", "wis", "etc", "approx", "plc"};
  if (b - a > 7) return false;
  std::string word;
  for (std::size_t i = a; i + 1 < b; ++i) {
    if (at(i) == 0) return false;
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(at(i))));
  }
  return std::find(known.begin(), known.end(), word) != known.end();
}

// Splits clitics off a word and dashes out of it: "Hamas's" -> Hamas 's; "don't" -> do n't.
void ChunkSplitter::split_core(std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b; ++i) {
    const bool double_dash = at(i) == '-' && i + 1 < b && at(i + 1) == '-';
    // An ellipsis inside a chunk ends the word before it: "REUTER...^M" is REUTER ... ^M.
    const bool ellipsis = at(i) == '.' && i > a && run_length(i, b) >= 3 && i + run_length(i, b) < b;
    if (is_dash_run(i) || double_dash || ellipsis || (units_[i].replacement && i > a)) {
      const std::size_t n = double_dash || ellipsis ? run_length(i, b) : 1;
      split_core(a, i);
      emit(i, i + n);
      split_units(i + n, b);
      return;
    }
  }
  const auto lower = [&](std::size_t i) { return static_cast<char>(std::tolower(static_cast<unsigned char>(at(i)))); };
  const std::size_t n = b - a;
  if (n >= 4 && lower(b - 3) == 'n' && at(b - 2) == '\'' && lower(b - 1) == 't') {
    emit(a, b - 3);
    emit(b - 3, b);
    return;
  }
  if (n >= 3 && at(b - 2) == '\'') {
    const char c = lower(b - 1);
    if (c == 's' || c == 'd' || c == 'm') {
      emit(a, b - 2);
      emit(b - 2, b);
      return;
    }
  }
  if (n >= 4 && at(b - 3) == '\'') {
    const char c1 = lower(b - 2), c2 = lower(b - 1);
    if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l')) {
      emit(a, b - 3);
      emit(b - 3, b);
      return;
    }
  }
  emit(a, b);
}

void ChunkSplitter::split_units(std::size_t a, std::size_t b) {
  a = peel_leading(a, b);
  if (a >= b) return;
  std::vector<std::pair<std::size_t, std::size_t>> tail;
  b = peel_trailing(a, b, tail);
  split_core(a, b);
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) emit(it->first, it->second);
}

bool ends_sentence(const std::string& text) { return text == "." || text == "!" || text == "?" || text == "..."; }
bool closes_quote(const std::string& text) { return text == "\"" || text == "'" || text == ")" || text == "]"; }

bool may_start_sentence(const std::string& text) {
  const char c = text[0];
  return starts_upper(text) || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '\'' ||
         c == '(' || c == '[' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  ChunkSplitter splitter(text, tokens);
  std::size_t pos = 0;
  while (pos < text.size()) {
    CodePoint cp = decode_utf8(text, pos);
    while (pos < text.size() && is_space(cp.value)) {
      pos += cp.length;
      if (pos < text.size()) cp = decode_utf8(text, pos);
    }
    if (pos >= text.size()) break;
    const std::size_t begin = pos;
    while (pos < text.size() && !is_space(cp.value)) {
      pos += cp.length;
      if (pos < text.size()) cp = decode_utf8(text, pos);
    }
    splitter.split(begin, pos);
  }
  return tokens;
}

std::vector<Sentence> split_sentences(std::vector<Token> tokens) {
  std::vector<Sentence> sentences;
  Sentence current;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    current.push_back(std::move(tokens[i]));
    if (!ends_sentence(current.back().text)) continue;
    // A quote or bracket glued to the full stop closes this sentence; one after a space opens the next.
    while (i + 1 < tokens.size() && closes_quote(tokens[i + 1].text) && tokens[i + 1].begin == current.back().end) {
      current.push_back(std::move(tokens[++i]));
    }
    if (i + 1 < tokens.size() && !may_start_sentence(tokens[i + 1].text)) continue;
    sentences.push_back(std::move(current));
    current.clear();
  }
  if (!current.empty()) sentences.push_back(std::move(current));
  return sentences;
}

namespace {

// Cuts sentences longer than `max_tokens` into pieces of at most that many tokens.
void cut_long_sentences(std::vector<Sentence>& sentences, std::size_t max_tokens) {
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (sentences[s].size() <= max_tokens) continue;
    Sentence rest(std::make_move_iterator(sentences[s].begin() + static_cast<std::ptrdiff_t>(max_tokens)),
                  std::make_move_iterator(sentences[s].end()));
    sentences[s].resize(max_tokens);
    sentences.insert(sentences.begin() + static_cast<std::ptrdiff_t>(s + 1), std::move(rest));
  }
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

SentenceReader::SentenceReader(std::string_view paragraph, std::size_t piece_bytes, std::size_t max_sentence_tokens)
    : text_(paragraph),
      piece_bytes_(std::max<std::size_t>(piece_bytes, 1)),
      max_tokens_(std::max<std::size_t>(max_sentence_tokens, 1)) {}

// Where the piece from position_ ends: at white space a little after piece_bytes_ (white space is never part
// of a token, so the pieces' tokens are the paragraph's), or, in a run of 4 KB without any, between two
// characters.
std::size_t SentenceReader::piece_end() const {
  if (text_.size() - position_ <= piece_bytes_) return text_.size();
  constexpr std::size_t search = 4096;
  const std::size_t target = position_ + piece_bytes_;
  const std::size_t limit = std::min(text_.size(), target + search);
  for (std::size_t at = target; at < limit; ++at) {
    if (is_ascii_space(text_[at])) return at;
  }
  std::size_t at = target;
  while (at > position_ + 1 && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) --at;
  return at;
}

std::vector<Sentence> SentenceReader::next() {
  while (position_ < text_.size() || !open_.empty()) {
    const std::size_t start = position_, end = piece_end();
    std::vector<Token> tokens = std::move(open_);
    open_.clear();
    for (Token& token : tokenize(text_.substr(start, end - start))) {
      token.begin += start;
      token.end += start;
      tokens.push_back(std::move(token));
    }
    position_ = end;
    std::vector<Sentence> sentences = split_sentences(std::move(tokens));
    // The last sentence may go on in the next piece: whether it ends where the piece does depends on
    // the token after it. It is split again with that piece (it is the only thing carried over).
    if (position_ < text_.size() && !sentences.empty()) {
      open_ = std::move(sentences.back());
      sentences.pop_back();
      if (open_.size() > max_tokens_) {
        Sentence rest(std::make_move_iterator(open_.begin() + static_cast<std::ptrdiff_t>(max_tokens_)),
                      std::make_move_iterator(open_.end()));
        open_.resize(max_tokens_);
        sentences.push_back(std::move(open_));
        open_ = std::move(rest);
      }
    }
    cut_long_sentences(sentences, max_tokens_);
    if (!sentences.empty()) return sentences;
  }
  return {};
}

}  // namespace newsdex::ner
