#include "common/search/like.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "common/base/errors.hpp"
#include "common/query/stopwords.hpp"
#include "common/search/article_lookup.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

// Stemmed words only (one term per word, not the stem and the word), no stopwords, no numbers.
class TellingWords : public Xapian::ExpandDecider {
 public:
  explicit TellingWords(StopwordList stopwords) : stopwords_(stopwords) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 4 || term[0] != 'Z' || std::isupper(static_cast<unsigned char>(term[1]))) return false;
    if (std::isdigit(static_cast<unsigned char>(term[1]))) return false;
    return !is_stopword(stopwords_, std::string_view(term).substr(1));
  }

 private:
  StopwordList stopwords_;
};

Xapian::docid find_article(const Xapian::Database& database, std::string_view id) {
  if (auto docid = existing_docid(database, id)) return *docid;
  // The article's own id, or the id of a duplicate the indexer merged into it.
  if (auto docids = docids_with_id(database, id); !docids.empty()) return docids.front();
  throw QueryError("--like: no article with id '" + std::string(id) + "' (use an id or docid shown in results)");
}

}  // namespace

Xapian::Query more_like_this(const Xapian::Database& database, std::string_view id, const std::string& language) {
  auto docid = find_article(database, id);
  Xapian::Enquire enquire(database);
  Xapian::RSet relevant;
  relevant.add_document(docid);
  TellingWords decider(stopwords_for(language));
  // Exact term frequencies: over shards Xapian otherwise estimates them (and picks other words).
  auto expand = enquire.get_eset(like_terms, relevant, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);

  std::vector<Xapian::Query> parts;
  for (auto it = expand.begin(); it != expand.end(); ++it) parts.emplace_back(*it);
  std::vector<std::string> own_ids;
  for (auto it = database.termlist_begin(docid); it != database.termlist_end(docid); ++it) {
    const std::string& term = *it;
    if (term.rfind(schema::id_prefix, 0) == 0) own_ids.push_back(term);
    for (const auto& field : schema::entity_fields) {
      if (term.rfind(field.prefix, 0) != 0) continue;
      // Boolean terms carry no weight in BM25, so each shared entity adds a fixed one.
      parts.emplace_back(Xapian::Query::OP_FILTER,
                         Xapian::Query((new Xapian::FixedWeightPostingSource(shared_entity_weight))->release()),
                         Xapian::Query(term));
    }
  }
  if (parts.empty()) throw QueryError("--like: article '" + std::string(id) + "' has no words to compare");
  Xapian::Query like(Xapian::Query::OP_OR, parts.begin(), parts.end());
  for (const auto& own : own_ids) like = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(own));
  return like;
}

}  // namespace newsdex
