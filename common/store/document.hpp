// Turning an Article into a Xapian document following schema.hpp, and reading it back.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/base/article.hpp"
#include "common/store/schema.hpp"

namespace newsdex {

// Makes the document: free text with positions, title under its prefix, boolean filter terms,
// value slots and the document data. `indexer` must already have its stemmer set.
Xapian::Document make_document(const Article& article, Xapian::TermGenerator& indexer);

// The list of one type: people, organisations or places.
std::vector<Entity>& entities_of(Entities& entities, schema::EntityType type);
const std::vector<Entity>& entities_of(const Entities& entities, schema::EntityType type);

// Replaces the document's entity terms (XP, XO, XL) and facet slots with those of `entities`, as
// make_document makes them; the document data is left as it is. Applies a curation (curation.hpp)
// to a document already in the database.
void replace_entity_terms(Xapian::Document& document, const Entities& entities);

// The JSON kept as document data: what results display plus the body snippets are made from.
nlohmann::json article_to_json(const Article& article);
Article article_from_json(const nlohmann::json& data);

}  // namespace newsdex
