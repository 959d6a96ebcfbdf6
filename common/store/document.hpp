// Turning an Article into a Xapian document following schema.hpp, and reading it back.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/base/article.hpp"

namespace newsdex {

// Makes the document: free text with positions, title under its prefix, boolean filter terms,
// value slots and the document data. `indexer` must already have its stemmer set.
Xapian::Document make_document(const Article& article, Xapian::TermGenerator& indexer);

// The JSON kept as document data: what results display plus the body snippets are made from.
nlohmann::json article_to_json(const Article& article);
Article article_from_json(const nlohmann::json& data);

}  // namespace newsdex
