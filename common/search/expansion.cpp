#include "common/search/expansion.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "common/base/errors.hpp"
#include "common/base/option_numbers.hpp"
#include "common/query/stopwords.hpp"

namespace newsdex {
namespace {

Xapian::Query filtered(const Xapian::Query& query, const Xapian::Query& filter) {
  return filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

// Unprefixed stemmed terms ("Zstrike"): not title (ZS...), unstemmed, boolean or date terms, not the
// stem of a common word, not a number, and not already in the query.
class ExpansionWords : public Xapian::ExpandDecider {
 public:
  ExpansionWords(const Xapian::Query& query, const std::string& language)
      : query_terms_(query.get_terms_begin(), query.get_terms_end()), common_stems_(common_stems(language)) {}
  bool operator()(const std::string& term) const override {
    auto first = static_cast<unsigned char>(term[1 % term.size()]);
    bool word = first >= 0x80 || std::islower(first);  // not a prefix (capitals) nor a number
    if (term.size() < 3 || term[0] != 'Z' || !word) return false;
    return !common_stems_.count(term) && !query_terms_.count(term);
  }

 private:
  // The stems of the language's common words (query/stopwords.hpp), made once per language and thread.
  static const std::set<std::string>& common_stems(const std::string& language) {
    thread_local std::map<std::string, std::set<std::string>> by_language;
    auto [it, added] = by_language.try_emplace(language);
    if (added) {
      Xapian::Stem stemmer(language);
      for (auto word : stopwords_for(language)) it->second.insert("Z" + stemmer(std::string(word)));
    }
    return it->second;
  }
  std::set<std::string> query_terms_;
  const std::set<std::string>& common_stems_;
};

}  // namespace

Expansion parse_expansion(std::string_view text) {
  Expansion expansion;
  // Xapian takes counts of 32 bits; beyond a thousand words or documents expansion means nothing.
  const NumberRange count{0, 1000, true}, weight{0, 1000, false};
  auto numbers = parse_number_list(
      text, {"--expand", "terms,documents,weight", {count, count, weight}, {"terms", "documents", "weight"}});
  expansion.terms = static_cast<std::size_t>(numbers[0]);
  if (numbers.size() > 1) expansion.documents = static_cast<std::size_t>(numbers[1]);
  if (numbers.size() > 2) expansion.weight = numbers[2];
  if (expansion.terms > 0 && expansion.documents == 0) throw UsageError("--expand: documents must be at least 1");
  return expansion;
}

ExpandedQuery expand_query(Xapian::Enquire& enquire, const Xapian::Query& text_query, const Xapian::Query& filter,
                           const Expansion& expansion, const std::string& language) {
  ExpandedQuery result{filtered(text_query, filter), {}};
  if (expansion.terms == 0 || expansion.documents == 0 || expansion.weight <= 0) return result;
  enquire.set_query(result.query);
  auto top = enquire.get_mset(0, static_cast<Xapian::doccount>(expansion.documents));
  if (top.empty()) return result;
  Xapian::RSet relevant;
  for (auto it = top.begin(); it != top.end(); ++it) relevant.add_document(*it);
  ExpansionWords decider(text_query, language);
  // Exact term frequencies: over shards Xapian otherwise estimates them (and picks other words).
  auto words = enquire.get_eset(static_cast<Xapian::termcount>(expansion.terms), relevant,
                                Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  if (words.empty()) return result;
  for (auto it = words.begin(); it != words.end(); ++it) result.added.push_back((*it).substr(1));
  Xapian::Query added(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()),
                      expansion.weight);
  auto type = text_query.get_type();
  bool widen = type == Xapian::Query::OP_OR || type == Xapian::Query::LEAF_TERM;
  result.query = filtered(Xapian::Query(widen ? Xapian::Query::OP_OR : Xapian::Query::OP_AND_MAYBE, text_query, added),
                          filter);
  return result;
}

}  // namespace newsdex
