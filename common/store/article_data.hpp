// The stored JSON format of an article (each document's data): every member's name and the field of
// the Article it holds, in one table. article_to_json writes by it, article_from_json and
// article_from_stored_data read by it, so the writer and the two readers cannot disagree on a name.
// Changing a name here changes the format of every database: see docs/schema.md.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "common/base/article.hpp"

namespace newsdex::article_data {

// A member holding a string field of `Record`.
template <typename Record>
struct TextMember {
  std::string_view name;
  std::string Record::*field;
};

// A member holding a number field of `Record`.
template <typename Record, typename Number>
struct NumberMember {
  std::string_view name;
  Number Record::*field;
};

// The article object: these strings, its position, and "paragraphs", "entities", "duplicates".
inline constexpr TextMember<Article> article_text[] = {
    {"id", &Article::id},         {"title", &Article::title},   {"published", &Article::published},
    {"author", &Article::author}, {"source", &Article::source}, {"url", &Article::url},
    {"path", &Article::path},     {"lede", &Article::lede}};
inline constexpr NumberMember<Article, std::size_t> article_position{"position", &Article::position};
inline constexpr std::string_view paragraphs = "paragraphs";
inline constexpr std::string_view entities = "entities";
// The article's own entities (same shape as "entities"), only when the collection-wide resolution
// changed them (Article::extracted).
inline constexpr std::string_view extracted = "extracted";
inline constexpr std::string_view duplicates = "duplicates";

// "entities" is an object of three lists of {"name", "key", "mentions"}.
struct EntityList {
  std::string_view name;
  std::vector<Entity> Entities::*list;
};
inline constexpr EntityList entity_lists[] = {
    {"people", &Entities::people}, {"organisations", &Entities::organisations}, {"places", &Entities::places}};
inline constexpr TextMember<Entity> entity_text[] = {{"name", &Entity::name}, {"key", &Entity::key}};
// ... and, when the article paired acronyms with names, "acronyms": a list of [acronym key, name key].
inline constexpr std::string_view acronyms = "acronyms";
inline constexpr NumberMember<Entity, int> entity_mentions{"mentions", &Entity::mentions};

// "duplicates" is a list of these strings and a position.
inline constexpr TextMember<DuplicateLocation> duplicate_text[] = {{"id", &DuplicateLocation::id},
                                                                   {"path", &DuplicateLocation::path},
                                                                   {"url", &DuplicateLocation::url},
                                                                   {"title", &DuplicateLocation::title},
                                                                   {"published", &DuplicateLocation::published},
                                                                   {"source", &DuplicateLocation::source},
                                                                   {"author", &DuplicateLocation::author}};
inline constexpr NumberMember<DuplicateLocation, std::size_t> duplicate_position{"position",
                                                                                 &DuplicateLocation::position};

}  // namespace newsdex::article_data
