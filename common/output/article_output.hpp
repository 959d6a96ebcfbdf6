// --show: one article whole (its cleaned text, metadata, entities and other locations), as text for
// a terminal (article_text.cpp) or as a JSON document (printers_json.cpp, docs/json-format.md).
#pragma once
#include <ostream>
#include <string>

#include "common/output/printers.hpp"
#include "common/search/article_lookup.hpp"

namespace newsdex {

// The article's text as stored: the lede, then each paragraph, separated by blank lines.
std::string shown_text(const Article& article);

void print_shown_text(std::ostream& out, const ShownArticles& shown, const TextStyle& style);
void append_shown_json(std::string& out, const ShownArticles& shown);  // compact
void print_shown_json(std::ostream& out, const ShownArticles& shown);  // pretty, one document

}  // namespace newsdex
