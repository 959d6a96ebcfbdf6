// Turning a read article into everything the writer needs: id, entities, the Xapian document and
// the words for the spelling dictionary. Runs on the worker threads, so it touches no database.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/base/article.hpp"
#include "common/entities/collection_keys.hpp"

namespace newsdex {

// Where an article's entities come from: the extractor, the tags an export supplied, both, or none.
enum class EntitySource { both, extracted, supplied, none };
EntitySource parse_entity_source(std::string_view name);

struct PreparedArticle {
  Article article;
  std::string body_hash;
  Xapian::Document document;
  std::vector<std::pair<std::string, Xapian::termcount>> spelling_words;  // unstemmed words and counts
};

// Merges two entity lists by key, adding mentions; `extra` names are used only for new keys.
std::vector<Entity> merge_entities(std::vector<Entity> base, const std::vector<Entity>& extra);

// `indexer` is the calling thread's own TermGenerator, with its stemmer set. `resolution`, when given,
// is the collection-wide resolution in force: the article's entities take its names at once (its own
// stay in Article::extracted), so only names the end of the run changes need re-keying.
PreparedArticle prepare_article(Article article, EntitySource entity_source, bool with_spelling,
                                Xapian::TermGenerator& indexer, const ner::KeyResolution* resolution = nullptr);

}  // namespace newsdex
