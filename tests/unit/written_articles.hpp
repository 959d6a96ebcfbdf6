// Articles made in a test and written with the real IndexWriter into a database in a temporary folder,
// for the tests of the writer and of the searcher on their own (without the programs).
#pragma once
#include <string>
#include <vector>

#include <xapian.h>

#include "common/base/article.hpp"
#include "common/index/article_preparation.hpp"
#include "common/index/writer.hpp"
#include "common/store/stored_article.hpp"
#include "common/store/stored_data.hpp"

namespace newsdex::test {

struct ArticleSpec {
  std::string id, title, body, published, source;
  std::vector<std::string> people;
};

inline Article make_article(const ArticleSpec& spec) {
  Article article;
  article.id = spec.id;
  article.title = spec.title;
  article.paragraphs = {spec.body};
  article.published = spec.published;
  article.source = spec.source;
  article.path = "/in/" + spec.id + ".txt";
  for (const auto& person : spec.people) article.entities.people.push_back({person, "", 1});
  return article;
}

// Prepared as a worker thread prepares it, with the entities given (no tagger).
inline PreparedArticle prepared(const ArticleSpec& spec) {
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("english"));
  return prepare_article(make_article(spec), EntitySource::supplied, true, indexer);
}

// Writes the articles through one IndexWriter and commits.
inline void write_articles(Xapian::WritableDatabase& db, const std::vector<ArticleSpec>& specs) {
  IndexWriter writer(db, "english", db.get_doccount() == 0);
  for (const auto& spec : specs) writer.write(prepared(spec), false);
  writer.flush_spelling();
  writer.commit_if_due(0);
}

// The article stored in a document, as a search hit reads it.
inline Article stored_article(const Xapian::Database& db, Xapian::docid docid) {
  return article_from_stored_data(DataUnpacker(db).unpack(db.get_document(docid).get_data()));
}

}  // namespace newsdex::test
