#include "common/index/article_preparation.hpp"

#include <algorithm>
#include <bitset>
#include <unordered_map>

#include "common/base/option_choices.hpp"
#include "common/base/text.hpp"
#include "common/base/words.hpp"
#include "common/entities/entities.hpp"
#include "common/store/document.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

// The words of the title (counted as often as the index weights them), lede and body, for "did you
// mean": the index itself holds only their stems.
std::vector<std::pair<std::string, Xapian::termcount>> spelling_words(const Article& article) {
  std::unordered_map<std::string, Xapian::termcount> counts;
  std::bitset<256> every_word;
  every_word.set();
  Tokens tokens;
  auto count = [&](std::string_view text, Xapian::termcount weight) {
    tokenize(text, every_word, tokens);
    for (std::size_t i = 0; i < tokens.list.size(); ++i) {
      auto word = tokens.word(i);
      if (word.size() < 3 || word.size() > 32) continue;
      // Numbers and amounts ("1986", "4.65"): "did you mean" has nothing to suggest for them.
      if (word.find_first_of("0123456789") != std::string_view::npos) continue;
      counts[std::string(word)] += weight;
    }
  };
  count(article.title, schema::title_weight);
  count(article.lede, schema::body_weight);
  for (const auto& paragraph : article.paragraphs) count(paragraph, schema::body_weight);
  return {counts.begin(), counts.end()};
}

Entities extract(const Article& article) {
  return extract_entities(article.title, article.lede, article.paragraphs);
}

void ensure_keys(std::vector<Entity>& entities) {
  for (auto& entity : entities) {
    if (entity.key.empty()) entity.key = fold_key(entity.name);
    if (entity.mentions <= 0) entity.mentions = 1;
  }
  std::erase_if(entities, [](const Entity& e) { return e.key.empty(); });
}

void sort_by_mentions(std::vector<Entity>& entities) {
  std::stable_sort(entities.begin(), entities.end(),
                   [](const Entity& a, const Entity& b) { return a.mentions > b.mentions; });
}

}  // namespace

EntitySource parse_entity_source(std::string_view name) {
  static constexpr OptionChoice<EntitySource> sources[] = {{"both", EntitySource::both},
                                                           {"extracted", EntitySource::extracted},
                                                           {"supplied", EntitySource::supplied},
                                                           {"none", EntitySource::none}};
  return parse_choice<EntitySource>("--entities value", name, sources);
}

std::vector<Entity> merge_entities(std::vector<Entity> base, const std::vector<Entity>& extra) {
  std::unordered_map<std::string, std::size_t> by_key;
  for (std::size_t i = 0; i < base.size(); ++i) by_key.emplace(base[i].key, i);
  for (const auto& entity : extra) {
    if (auto it = by_key.find(entity.key); it != by_key.end()) {
      base[it->second].mentions += entity.mentions;
    } else {
      by_key.emplace(entity.key, base.size());
      base.push_back(entity);
    }
  }
  return base;
}

PreparedArticle prepare_article(Article article, EntitySource entity_source, bool with_spelling,
                                Xapian::TermGenerator& indexer, const ner::KeyResolution* resolution) {
  if (article.id.empty()) article.id = make_article_id(article);
  Entities supplied = std::move(article.entities);
  for (auto* list : {&supplied.people, &supplied.organisations, &supplied.places}) ensure_keys(*list);
  Entities extracted;
  if (entity_source == EntitySource::both || entity_source == EntitySource::extracted) extracted = extract(article);
  switch (entity_source) {
    case EntitySource::both:
      article.entities.people = merge_entities(extracted.people, supplied.people);
      article.entities.organisations = merge_entities(extracted.organisations, supplied.organisations);
      article.entities.places = merge_entities(extracted.places, supplied.places);
      break;
    case EntitySource::extracted: article.entities = std::move(extracted); break;
    case EntitySource::supplied: article.entities = std::move(supplied); break;
    case EntitySource::none: article.entities = {}; break;
  }
  for (auto* list : {&article.entities.people, &article.entities.organisations, &article.entities.places})
    sort_by_mentions(*list);
  if (resolution != nullptr && !resolution->empty()) {
    auto resolved = ner::apply_resolution(article.entities, *resolution);
    if (!(resolved == article.entities)) article.extracted = std::exchange(article.entities, std::move(resolved));
  }

  PreparedArticle prepared;
  prepared.body_hash = body_hash(article);
  prepared.document = make_document(article, indexer);
  if (with_spelling) prepared.spelling_words = spelling_words(article);
  prepared.article = std::move(article);
  return prepared;
}

}  // namespace newsdex
