#include "common/search/snippets.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>

#include "common/search/sentences.hpp"

namespace newsdex {
namespace {

constexpr std::string_view ellipsis = "\u2026";

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += !is_continuation(c);
  return count;
}

// The byte offset `n` code points after (n > 0) or before (n < 0) `at`, clamped to the text.
std::size_t step(std::string_view text, std::size_t at, long n) {
  while (n > 0 && at < text.size()) {
    ++at;
    while (at < text.size() && is_continuation(text[at])) ++at;
    --n;
  }
  while (n < 0 && at > 0) {
    --at;
    while (at > 0 && is_continuation(text[at])) --at;
    ++n;
  }
  return at;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

struct KeyedMatch {
  TextRange range;
  std::string key;  // what was matched: distinct keys make a better passage
};

void add_term(const std::string& term, HighlightTerms& terms) {
  if (term.empty()) return;
  if (term.rfind("ZS", 0) == 0) {
    terms.title_stems.insert(term.substr(2));
  } else if (term[0] == 'Z') {
    terms.stems.insert(term.substr(1));
  } else if (term[0] == 'S') {
    terms.title_words.insert(term.substr(1));
  } else if (!(term[0] >= 'A' && term[0] <= 'Z')) {
    terms.words.insert(term);  // other capital prefixes are boolean filters: nothing to highlight
  }
}

void collect(const Xapian::Query& query, HighlightTerms& terms) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      add_term(*query.get_terms_begin(), terms);
      return;
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR: {
      HighlightTerms::Phrase phrase;
      bool title = true;
      for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
        const std::string full = *it;  // the iterator gives a string by value: keep it while viewed
        std::string_view term = full;
        if (term.starts_with('Z')) phrase.stemmed = true, term.remove_prefix(1);
        if (term.starts_with('S')) {
          term.remove_prefix(1);
        } else {
          title = false;
        }
        phrase.words.emplace_back(term);
      }
      phrase.title_only = title;
      if (query.get_type() == Xapian::Query::OP_PHRASE) {
        terms.phrases.push_back(std::move(phrase));
      } else {
        auto& words = phrase.stemmed ? (title ? terms.title_stems : terms.stems) : (title ? terms.title_words : terms.words);
        for (auto& word : phrase.words) words.insert(word);
      }
      return;
    }
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
      if (query.get_num_subqueries() > 0) collect(query.get_subquery(0), terms);  // the rest is excluded or boolean
      return;
    default:
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect(query.get_subquery(i), terms);
  }
}

// `stem_of(word)` gives the stem of a lower-case word (or "" when no query stem can come of it).
template <typename StemOf>
std::vector<KeyedMatch> find_matches(const HighlightTerms& terms, std::string_view text, bool is_title,
                                     const std::bitset<256>& initials, const StemOf& stem_of, Tokens& tokens) {
  tokenize(text, initials, tokens);
  auto count = tokens.list.size();
  std::vector<KeyedMatch> found;
  auto& in_phrase = tokens.in_phrase;
  in_phrase.assign(count, false);
  for (std::size_t p = 0; p < terms.phrases.size(); ++p) {
    const auto& phrase = terms.phrases[p];
    if ((phrase.title_only && !is_title) || phrase.words.empty() || phrase.words.size() > count) continue;
    for (std::size_t i = 0; i + phrase.words.size() <= count; ++i) {
      std::size_t k = 0;
      auto form = [&](std::size_t at) { return phrase.stemmed ? std::string_view(stem_of(tokens.word(at))) : tokens.word(at); };
      while (k < phrase.words.size() && form(i + k) == phrase.words[k]) ++k;
      if (k < phrase.words.size()) continue;
      found.push_back({{tokens.list[i].begin, tokens.list[i + k - 1].end}, std::to_string(p).insert(0, 1, '"')});
      for (std::size_t j = i; j < i + k; ++j) in_phrase[j] = true;
    }
  }
  bool use_stems = !terms.stems.empty() || (is_title && !terms.title_stems.empty());
  for (std::size_t i = 0; i < count; ++i) {
    if (in_phrase[i]) continue;
    auto word = tokens.word(i);
    if (word.empty()) continue;  // starts with no query word's first byte
    std::string_view key;
    bool matched = terms.words.count(word) || (is_title && terms.title_words.count(word));
    if (matched) key = word;
    if (!matched && use_stems) {
      std::string_view stem = stem_of(word);
      matched = terms.stems.count(stem) || (is_title && terms.title_stems.count(stem));
      if (matched) key = stem;
    }
    for (std::size_t w = 0; !matched && w < terms.wildcards.size(); ++w) {
      matched = word.starts_with(terms.wildcards[w]);
      if (matched) key = terms.wildcards[w];
    }
    if (matched) found.push_back({{tokens.list[i].begin, tokens.list[i].end}, std::string(key)});
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.range.begin < b.range.begin; });
  std::vector<KeyedMatch> merged;  // a phrase may overlap another phrase: keep the earlier one
  for (auto& match : found)
    if (merged.empty() || match.range.begin >= merged.back().range.end) merged.push_back(std::move(match));
  return merged;
}

struct Passage {
  std::size_t block = 0, first = 0, last = 0;  // matches first..last of that block
  std::size_t score = 0;
};

// Whole sentences are set apart from the marks ("… One sentence. …"); a cut between words is not
// ("…of the harbour…").
HighlightedText cut(std::string_view block, std::size_t start, std::size_t end, const std::vector<KeyedMatch>& matches,
                    bool whole_sentences = false) {
  while (start < end && is_space(block[start])) ++start;
  while (end > start && is_space(block[end - 1])) --end;
  HighlightedText out;
  if (start > 0) out.text += whole_sentences ? std::string(ellipsis) + " " : std::string(ellipsis);
  auto shift = out.text.size();
  out.text += block.substr(start, end - start);
  for (const auto& match : matches)
    if (match.range.begin >= start && match.range.end <= end)
      out.highlights.push_back({match.range.begin - start + shift, match.range.end - start + shift});
  if (end < block.size()) out.text += whole_sentences ? " " + std::string(ellipsis) : std::string(ellipsis);
  return out;
}

// At most this many words' stems are kept per language and thread (about 10 MB); then they start over.
constexpr std::size_t max_cached_stems = 100'000;

// Kept for the life of the thread: a highlighter lives for one query, and a batch of queries meets
// the same words query after query (stemming them anew was a twentieth of a batch search).
StemCache& stem_cache_for(const std::string& language) {
  thread_local std::map<std::string, std::unique_ptr<StemCache>> caches;
  auto& cache = caches[language];
  if (!cache) cache = std::make_unique<StemCache>(language);
  if (cache->stems.size() > max_cached_stems) cache->stems.clear();
  return *cache;
}

// Moves a cut point back to the white space before a word, unless that would pass `floor`.
std::size_t back_to_space(std::string_view block, std::size_t at, std::size_t floor) {
  if (at >= block.size()) return block.size();
  std::size_t back = at;
  while (back > floor && !is_space(block[back - 1])) --back;
  return back > floor ? back : at;
}

}  // namespace

HighlightTerms highlight_terms(const Xapian::Query& query, const std::vector<std::string>& wildcards) {
  HighlightTerms terms;
  if (!query.empty()) collect(query, terms);
  for (const auto& prefix : wildcards) terms.wildcards.push_back(Xapian::Unicode::tolower(prefix));
  return terms;
}

std::vector<std::pair<std::size_t, std::size_t>> code_point_ranges(const HighlightedText& text) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::string_view view(text.text);
  for (const auto& range : text.highlights) {
    auto begin = code_points(view.substr(0, range.begin));
    ranges.emplace_back(begin, begin + code_points(view.substr(range.begin, range.end - range.begin)));
  }
  return ranges;
}

std::string render(const HighlightedText& text, std::string_view open, std::string_view close) {
  std::string out;
  std::size_t at = 0;
  for (const auto& range : text.highlights) {
    out.append(text.text, at, range.begin - at);
    out.append(open);
    out.append(text.text, range.begin, range.end - range.begin);
    out.append(close);
    at = range.end;
  }
  out.append(text.text, at);
  return out;
}

Highlighter::Highlighter(HighlightTerms terms, const std::string& language)
    : terms_(std::move(terms)), stem_cache_(&stem_cache_for(language)) {
  for (const auto* stems : {&terms_.stems, &terms_.title_stems})
    for (const auto& stem : *stems) stem_initials_.set(static_cast<unsigned char>(stem[0]));
  for (const auto& phrase : terms_.phrases)
    for (const auto& stem : phrase.words)
      if (phrase.stemmed && !stem.empty()) stem_initials_.set(static_cast<unsigned char>(stem[0]));
  auto add = [](std::bitset<256>& initials, std::string_view word) {
    if (word.empty()) initials.set();  // a wildcard with no prefix: any word
    if (!word.empty()) initials.set(static_cast<unsigned char>(word[0]));
  };
  for (const auto* set : {&terms_.words, &terms_.stems})
    for (const auto& word : *set) add(body_initials_, word);
  for (const auto& prefix : terms_.wildcards) add(body_initials_, prefix);
  for (const auto& phrase : terms_.phrases)
    for (const auto& word : phrase.words)
      if (!phrase.title_only) add(body_initials_, word);  // every word: a phrase matches word by word
  title_initials_ = body_initials_;
  for (const auto* set : {&terms_.title_words, &terms_.title_stems})
    for (const auto& word : *set) add(title_initials_, word);
  for (const auto& phrase : terms_.phrases)
    for (const auto& word : phrase.words) add(title_initials_, word);
}

const std::string& Highlighter::stem_of(std::string_view lower_word) const {
  // Snowball's stemmers change only the end of a word: a word whose first byte starts no
  // query stem cannot stem to one, and stemming every word of every snippet was most of its cost.
  static const std::string no_stem;
  if (lower_word.empty() || !stem_initials_.test(static_cast<unsigned char>(lower_word[0]))) return no_stem;
  auto& stems = stem_cache_->stems;
  auto it = stems.find(lower_word);
  if (it == stems.end()) {
    std::string word(lower_word);
    auto stem = stem_cache_->stemmer(word);
    it = stems.emplace(std::move(word), std::move(stem)).first;
  }
  return it->second;
}

std::vector<TextRange> Highlighter::matches(std::string_view text, bool is_title) const {
  std::vector<TextRange> ranges;
  auto stem = [this](std::string_view word) -> const std::string& { return stem_of(word); };
  const auto& initials = is_title ? title_initials_ : body_initials_;
  for (const auto& match : find_matches(terms_, text, is_title, initials, stem, tokens_)) ranges.push_back(match.range);
  return ranges;
}

HighlightedText Highlighter::title(std::string_view title) const { return {std::string(title), matches(title, true)}; }

HighlightedText Highlighter::snippet(const std::vector<std::string_view>& blocks, std::size_t max_chars) const {
  if (max_chars == 0) return {};
  auto stem = [this](std::string_view word) -> const std::string& { return stem_of(word); };
  std::vector<std::vector<KeyedMatch>> matches(blocks.size());
  Passage best;
  bool found = false;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (terms_.empty()) break;
    matches[b] = find_matches(terms_, blocks[b], false, body_initials_, stem, tokens_);
    const auto& in_block = matches[b];
    for (std::size_t i = 0; i < in_block.size(); ++i) {
      std::size_t j = i;
      std::vector<std::string_view> keys{in_block[i].key};  // distinct; few, so a list
      while (j + 1 < in_block.size() &&
             code_points(blocks[b].substr(in_block[i].range.begin,
                                          in_block[j + 1].range.end - in_block[i].range.begin)) <= max_chars) {
        std::string_view key = in_block[++j].key;
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
      }
      std::size_t score = 100 * keys.size() + (j - i + 1);
      if (!found || score > best.score) best = {b, i, j, score}, found = true;
    }
  }
  if (!found) {
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      if (blocks[b].find_first_not_of(" \t\n") == std::string_view::npos) continue;
      auto end = step(blocks[b], 0, static_cast<long>(max_chars));
      return cut(blocks[b], 0, back_to_space(blocks[b], end, 0), {});
    }
    return {};
  }
  auto block = blocks[best.block];
  const auto& in_block = matches[best.block];
  if (code_points(block) <= max_chars) return cut(block, 0, block.size(), in_block);
  auto span_begin = in_block[best.first].range.begin, span_end = in_block[best.last].range.end;
  // Whole sentences when the ones holding the matches fit; else a window cut between words.
  if (auto window = sentence_window(block, span_begin, span_end, max_chars))
    return cut(block, window->first, window->second, in_block, true);
  auto slack = static_cast<long>(max_chars - code_points(block.substr(span_begin, span_end - span_begin)));
  // A third of the room before the first match, the rest after it: the reader sees what leads in.
  auto start = step(block, span_begin, -slack / 3);
  if (start > 0) {
    auto space = block.rfind(' ', start);
    start = (space != std::string_view::npos && space + 1 <= span_begin) ? space + 1 : start;
    if (start > span_begin) start = span_begin;
  }
  auto end = step(block, start, static_cast<long>(max_chars));
  if (end < span_end) end = span_end;
  return cut(block, start, back_to_space(block, end, span_end), in_block);
}

}  // namespace newsdex
