#include "common/store/document.hpp"

#include "common/base/hashing.hpp"
#include "common/base/text.hpp"
#include "common/store/article_data.hpp"
#include "common/store/field_terms.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

using Json = nlohmann::json;

// One object of the stored format: its strings and its number.
template <typename Record, std::size_t N, typename Number>
Json record_to_json(const Record& record, const article_data::TextMember<Record> (&text)[N],
                    const article_data::NumberMember<Record, Number>& number) {
  Json object;
  for (const auto& member : text) object[std::string(member.name)] = record.*member.field;
  object[std::string(number.name)] = record.*number.field;
  return object;
}

// Each member missing gives an empty string or 0; one of the wrong type throws nlohmann::type_error.
template <typename Record, std::size_t N, typename Number>
Record record_from_json(const Json& object, const article_data::TextMember<Record> (&text)[N],
                        const article_data::NumberMember<Record, Number>& number) {
  Record record;
  for (const auto& member : text) record.*member.field = object.value(std::string(member.name), "");
  record.*number.field = object.value(std::string(number.name), Number{0});
  return record;
}

Json entities_to_json(const std::vector<Entity>& entities) {
  auto list = Json::array();
  for (const auto& entity : entities)
    list.push_back(record_to_json(entity, article_data::entity_text, article_data::entity_mentions));
  return list;
}

std::vector<Entity> entities_from_json(const Json& list) {
  std::vector<Entity> entities;
  if (!list.is_array()) return entities;
  for (const auto& item : list)
    entities.push_back(record_from_json(item, article_data::entity_text, article_data::entity_mentions));
  return entities;
}

Json entities_object(const Entities& entities) {
  auto object = Json::object();
  for (const auto& list : article_data::entity_lists)
    object[std::string(list.name)] = entities_to_json(entities.*list.list);
  if (!entities.acronyms.empty()) {
    auto& pairs = object[std::string(article_data::acronyms)] = Json::array();
    for (const auto& use : entities.acronyms) pairs.push_back(Json::array({use.acronym, use.key}));
  }
  return object;
}

Entities entities_from_object(const Json& object) {
  Entities entities;
  for (const auto& list : article_data::entity_lists)
    entities.*list.list = entities_from_json(object.value(std::string(list.name), Json::array()));
  if (auto it = object.find(article_data::acronyms); it != object.end() && it->is_array())
    for (const auto& pair : *it)
      if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
        entities.acronyms.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
  return entities;
}

void add_entity_terms(Xapian::Document& document, const std::vector<Entity>& entities,
                      const schema::EntityField& field) {
  std::size_t slot_index = 0;
  for (const auto& entity : entities) {
    if (entity.key.empty()) continue;
    auto term = schema::boolean_term(field.prefix, entity.key);
    document.add_boolean_term(term);
    if (slot_index < schema::facet_slots_per_type)
      document.add_value(field.first_slot + static_cast<Xapian::valueno>(slot_index++), term.substr(field.prefix.size()));
  }
}

// Author words with their positions (so that author:"chris davies" is a phrase) and wdf 0: they
// match as a filter and leave the document's length, and so its BM25 weights, as they were.
void add_author_terms(Xapian::Document& document, std::string_view author) {
  Xapian::termpos position = 0;
  for (const auto& word : field_terms::author_words(author))
    document.add_posting(std::string(schema::author_prefix) + word, ++position, 0);
}

void add_location_terms(Xapian::Document& document, const Article& article) {
  add_author_terms(document, article.author);
  for (const auto& term : field_terms::site_terms(article.url)) document.add_boolean_term(term);
  if (!field_terms::url_key(article.url).empty()) document.add_boolean_term(field_terms::url_term(article.url));
  for (const auto& term : field_terms::path_terms(article.path)) document.add_boolean_term(term);
  document.add_boolean_term(std::string(schema::fields_schema_term));
}

// The article's own keys and acronym pairings: what the collection-wide resolution counts.
void add_own_entity_terms(Xapian::Document& document, const Entities& own) {
  for (const auto& field : schema::entity_fields)
    for (const auto& entity : entities_of(own, field.type))
      if (!entity.key.empty()) document.add_boolean_term(schema::boolean_term(field.raw_prefix, entity.key));
  for (const auto& use : own.acronyms)
    document.add_boolean_term(schema::boolean_term(schema::acronym_use_prefix, use.acronym + ":" + use.key));
}

Json duplicates_to_json(const std::vector<DuplicateLocation>& duplicates) {
  auto list = Json::array();
  for (const auto& duplicate : duplicates)
    list.push_back(record_to_json(duplicate, article_data::duplicate_text, article_data::duplicate_position));
  return list;
}

std::vector<DuplicateLocation> duplicates_from_json(const Json& list) {
  std::vector<DuplicateLocation> duplicates;
  if (!list.is_array()) return duplicates;
  for (const auto& item : list)
    if (item.is_object())
      duplicates.push_back(record_from_json(item, article_data::duplicate_text, article_data::duplicate_position));
  return duplicates;
}

}  // namespace

std::vector<Entity>& entities_of(Entities& entities, schema::EntityType type) {
  switch (type) {
    case schema::EntityType::person: return entities.people;
    case schema::EntityType::organisation: return entities.organisations;
    default: return entities.places;
  }
}

const std::vector<Entity>& entities_of(const Entities& entities, schema::EntityType type) {
  return entities_of(const_cast<Entities&>(entities), type);
}

nlohmann::json article_to_json(const Article& article) {
  auto data = record_to_json(article, article_data::article_text, article_data::article_position);
  data[std::string(article_data::paragraphs)] = article.paragraphs;
  data[std::string(article_data::entities)] = entities_object(article.entities);
  if (article.extracted) data[std::string(article_data::extracted)] = entities_object(*article.extracted);
  data[std::string(article_data::duplicates)] = duplicates_to_json(article.duplicates);
  return data;
}

Article article_from_json(const nlohmann::json& data) {
  auto article = record_from_json(data, article_data::article_text, article_data::article_position);
  if (auto it = data.find(article_data::paragraphs); it != data.end() && it->is_array())
    for (const auto& paragraph : *it)
      if (paragraph.is_string()) article.paragraphs.push_back(paragraph.get<std::string>());
  if (auto it = data.find(article_data::entities); it != data.end() && it->is_object())
    article.entities = entities_from_object(*it);
  if (auto it = data.find(article_data::extracted); it != data.end() && it->is_object())
    article.extracted = entities_from_object(*it);
  article.duplicates = duplicates_from_json(data.value(std::string(article_data::duplicates), Json::array()));
  return article;
}

void replace_entity_terms(Xapian::Document& document, const Entities& entities) {
  for (const auto& field : schema::entity_fields) {
    std::vector<std::string> terms;
    const std::string prefix(field.prefix);
    auto it = document.termlist_begin();
    it.skip_to(prefix);
    for (; it != document.termlist_end() && (*it).starts_with(prefix); ++it) terms.push_back(*it);
    for (const auto& term : terms) document.remove_term(term);
    for (std::size_t i = 0; i < schema::facet_slots_per_type; ++i)  // an empty value is no value
      document.add_value(field.first_slot + static_cast<Xapian::valueno>(i), std::string());
    add_entity_terms(document, entities_of(entities, field.type), field);
  }
}

Xapian::Document make_document(const Article& article, Xapian::TermGenerator& indexer) {
  Xapian::Document document;
  // Stems only, each with its positions (Z<stem>, ZS<stem> for the title): no unstemmed copy of
  // every word, which would double the postings and term lists (docs/schema.md).
  indexer.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  indexer.set_document(document);
  indexer.index_text(article.title, schema::title_weight, std::string(schema::title_prefix));
  indexer.index_text(article.title, schema::title_weight);
  indexer.increase_termpos();
  indexer.index_text(article.lede, schema::body_weight);
  for (const auto& paragraph : article.paragraphs) {
    indexer.increase_termpos();
    indexer.index_text(paragraph, schema::body_weight);
  }

  auto id = article.id.empty() ? make_article_id(article) : article.id;
  document.add_boolean_term(schema::id_term(id));
  for (const auto& duplicate : article.duplicates)
    document.add_boolean_term(schema::id_term(duplicate.id, schema::duplicate_prefix));
  document.add_boolean_term(schema::boolean_term(schema::file_prefix, hex64(fnv1a64(article.path))));
  auto hash = body_hash(article);
  document.add_boolean_term(schema::boolean_term(schema::body_hash_prefix, hash));
  document.add_value(schema::collapse_slot, hash);
  auto day = schema::date_value(article.published);
  document.add_value(schema::date_order_slot, (day.empty() ? std::string("00000000") : day) + hash);

  if (!day.empty()) {
    document.add_value(schema::date_slot, day);
    document.add_boolean_term(std::string(schema::year_prefix) + day.substr(0, 4));
    document.add_boolean_term(std::string(schema::month_prefix) + day.substr(0, 6));
    document.add_boolean_term(std::string(schema::day_prefix) + day);
  }
  if (auto source = fold_key(article.source); !source.empty()) {
    document.add_boolean_term(schema::boolean_term(schema::source_prefix, source));
    document.add_value(schema::source_slot, source);
  }
  for (const auto& field : schema::entity_fields)
    add_entity_terms(document, entities_of(article.entities, field.type), field);
  add_own_entity_terms(document, article.extracted ? *article.extracted : article.entities);
  add_location_terms(document, article);
  // The TermGenerator keeps a handle on the last document it indexed, and Xapian's handles count
  // references without atomics: let go of it here, on this thread, before the document is handed to
  // the writer thread (ASan found the race as a use-after-free in replace_document).
  indexer.set_document(Xapian::Document());

  auto data = article_to_json(article);
  data["id"] = id;
  document.set_data(data.dump());
  return document;
}

}  // namespace newsdex
