// Finding stored articles by what a user has of them: a docid or an article id shown in results,
// or the path of the file they came from; and reading one back whole for --show (its cleaned text,
// metadata, entities and other locations, as the index stores them). docs/search.md, "One article".
#pragma once
#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/article.hpp"
#include "common/search/search.hpp"

namespace newsdex {

// The docid `text` names when it is all digits and such a document exists.
std::optional<Xapian::docid> existing_docid(const Xapian::Database& database, std::string_view text);

// The documents holding article `id`: those with it as their own id, else the one standing for it
// as a duplicate location (the indexer stores one copy of a body).
std::vector<Xapian::docid> docids_with_id(const Xapian::Database& database, std::string_view id);

enum class ArticleKey { docid, path, id };
std::string_view article_key_name(ArticleKey key);  // "docid", "path", "id"

// Another document of the databases with the same body: a copy in another --db, or one kept apart
// with --no-collapse's duplicates.
struct SameBody {
  Xapian::docid docid = 0;
  std::string id, path;
};

struct ShownArticle {
  Xapian::docid docid = 0;  // in the databases as given (several --db: as results show it)
  Article article;          // as stored: title, lede and paragraphs are the whole cleaned text
  std::string language;     // the stemming language of the database holding it
  std::vector<SameBody> same_body;
};

struct ShownArticles {
  std::string asked;  // the argument as given
  ArticleKey matched_by = ArticleKey::id;
  std::vector<ShownArticle> articles;  // one, or each article of a file (in file order)
};

// The articles `which` names: all digits and an existing docid, that document; else the path of an
// indexed file, its articles; else an article id (or a duplicate location's id), that article.
// Throws QueryError (exit 2) naming `which` when nothing matches.
ShownArticles show_articles(Searcher& searcher, std::string_view which);

}  // namespace newsdex
