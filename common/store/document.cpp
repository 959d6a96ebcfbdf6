#include "common/store/document.hpp"


#include "common/base/hashing.hpp"
#include "common/base/text.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

nlohmann::json entities_to_json(const std::vector<Entity>& entities) {
  auto list = nlohmann::json::array();
  for (const auto& entity : entities)
    list.push_back({{"name", entity.name}, {"key", entity.key}, {"mentions", entity.mentions}});
  return list;
}

std::vector<Entity> entities_from_json(const nlohmann::json& list) {
  std::vector<Entity> entities;
  if (!list.is_array()) return entities;
  for (const auto& item : list)
    entities.push_back({item.value("name", ""), item.value("key", ""), item.value("mentions", 0)});
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

const std::vector<Entity>& entities_of(const Article& article, schema::EntityType type) {
  switch (type) {
    case schema::EntityType::person: return article.entities.people;
    case schema::EntityType::organisation: return article.entities.organisations;
    default: return article.entities.places;
  }
}

nlohmann::json duplicates_to_json(const std::vector<DuplicateLocation>& duplicates) {
  auto list = nlohmann::json::array();
  for (const auto& d : duplicates)
    list.push_back({{"id", d.id}, {"path", d.path}, {"position", d.position}, {"url", d.url}, {"title", d.title},
                    {"published", d.published}, {"source", d.source}, {"author", d.author}});
  return list;
}

std::vector<DuplicateLocation> duplicates_from_json(const nlohmann::json& list) {
  std::vector<DuplicateLocation> duplicates;
  if (!list.is_array()) return duplicates;
  for (const auto& item : list) {
    if (!item.is_object()) continue;
    duplicates.push_back({item.value("id", ""), item.value("path", ""), item.value("url", ""), item.value("title", ""),
                          item.value("published", ""), item.value("source", ""), item.value("author", ""),
                          item.value("position", std::size_t{0})});
  }
  return duplicates;
}

}  // namespace

nlohmann::json article_to_json(const Article& article) {
  return {{"id", article.id},
          {"title", article.title},
          {"published", article.published},
          {"author", article.author},
          {"source", article.source},
          {"url", article.url},
          {"path", article.path},
          {"position", article.position},
          {"lede", article.lede},
          {"paragraphs", article.paragraphs},
          {"entities",
           {{"people", entities_to_json(article.entities.people)},
            {"organisations", entities_to_json(article.entities.organisations)},
            {"places", entities_to_json(article.entities.places)}}},
          {"duplicates", duplicates_to_json(article.duplicates)}};
}

Article article_from_json(const nlohmann::json& data) {
  Article article;
  article.id = data.value("id", "");
  article.title = data.value("title", "");
  article.published = data.value("published", "");
  article.author = data.value("author", "");
  article.source = data.value("source", "");
  article.url = data.value("url", "");
  article.path = data.value("path", "");
  article.position = data.value("position", std::size_t{0});
  article.lede = data.value("lede", "");
  if (auto it = data.find("paragraphs"); it != data.end() && it->is_array())
    for (const auto& paragraph : *it)
      if (paragraph.is_string()) article.paragraphs.push_back(paragraph.get<std::string>());
  if (auto it = data.find("entities"); it != data.end() && it->is_object()) {
    article.entities.people = entities_from_json(it->value("people", nlohmann::json::array()));
    article.entities.organisations = entities_from_json(it->value("organisations", nlohmann::json::array()));
    article.entities.places = entities_from_json(it->value("places", nlohmann::json::array()));
  }
  article.duplicates = duplicates_from_json(data.value("duplicates", nlohmann::json::array()));
  return article;
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

  if (auto day = schema::date_value(article.published); !day.empty()) {
    document.add_value(schema::date_slot, day);
    document.add_boolean_term(std::string(schema::year_prefix) + day.substr(0, 4));
    document.add_boolean_term(std::string(schema::month_prefix) + day.substr(0, 6));
    document.add_boolean_term(std::string(schema::day_prefix) + day);
  }
  if (auto source = fold_key(article.source); !source.empty()) {
    document.add_boolean_term(schema::boolean_term(schema::source_prefix, source));
    document.add_value(schema::source_slot, source);
  }
  for (const auto& field : schema::entity_fields) add_entity_terms(document, entities_of(article, field.type), field);
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
