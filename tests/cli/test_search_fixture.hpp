// A controlled collection for the searcher's black-box tests: articles with hand-set entities,
// indexed straight through make_document() (as the indexer does, plus a spelling dictionary and
// entity display names), so the tests know every count without an entity tagger.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/base/article.hpp"
#include "common/base/text.hpp"
#include "common/store/document.hpp"
#include "common/store/schema.hpp"

namespace newsdex::test {

inline Entity entity(const std::string& name, int mentions = 1) { return {name, fold_key(name), mentions}; }

inline Article fixture_article(std::string url, std::string title, std::string published, std::string source,
                               std::vector<std::string> paragraphs, std::vector<Entity> people,
                               std::vector<Entity> organisations, std::vector<Entity> places) {
  Article article;
  article.url = "https://news.example/" + url;
  article.path = "fixture/" + url + ".txt";
  article.title = std::move(title);
  article.published = std::move(published);
  article.source = std::move(source);
  article.paragraphs = std::move(paragraphs);
  article.entities.people = std::move(people);
  article.entities.organisations = std::move(organisations);
  article.entities.places = std::move(places);
  article.id = make_article_id(article);
  return article;
}

// Eight articles; what each test relies on is said next to it.
inline std::vector<Article> fixture_articles() {
  return {
      // hostages (plural) + Doha + the phrase "king of Jordan"; two people, one with an accent.
      fixture_article("hostages-released", "Hostages released in Gaza", "2024-11-05", "Reuters",
                      {"Three hostages were released on Tuesday after long talks in Doha.",
                       "Benjamin Netanyahu said the release was a first step. The king of Jordan welcomed it."},
                      {entity("Benjamin Netanyahu", 2), entity("Zoë Marchetti")}, {entity("Hamas")},
                      {entity("Gaza", 3), entity("Doha")}),
      // The same body under another URL: a duplicate, collapsed by default.
      fixture_article("hostages-released-copy", "Hostages released in Gaza (wire copy)", "2024-11-05", "Reuters Wire",
                      {"Three hostages were released on Tuesday after long talks in Doha.",
                       "Benjamin Netanyahu said the release was a first step. The king of Jordan welcomed it."},
                      {entity("Benjamin Netanyahu", 2), entity("Zoë Marchetti")}, {entity("Hamas")},
                      {entity("Gaza", 3), entity("Doha")}),
      fixture_article("harbour-strike", "Harbour strike ends", "2024-09-03", "AP",
                      {"Dock workers ended the strike at the harbour after eleven days.",
                       "The union said wages would rise by four percent."},
                      {entity("Maria Lopez")}, {entity("Dockers Union")}, {entity("Rotterdam")}),
      // hostages + Doha, a year earlier.
      fixture_article("doha-talks", "Talks continue in Doha", "2023-01-10", "Reuters",
                      {"Negotiators met again in Doha to discuss the hostages.", "No agreement was reached, officials said."},
                      {entity("Benjamin Netanyahu")}, {entity("Hamas")}, {entity("Doha"), entity("Qatar")}),
      // hostage (singular), no Doha.
      fixture_article("families-protest", "Families of the hostage protest", "2024-11-20", "BBC",
                      {"Relatives of a hostage marched through Tel Aviv on Wednesday.",
                       "Zoë Marchetti, who organised the march, said patience had run out."},
                      {entity("Zoë Marchetti", 2)}, {}, {entity("Tel Aviv"), entity("Gaza")}),
      fixture_article("ohio-election", "Election results in Ohio", "2024-11-06", "AP",
                      {"Voters in Ohio chose between Donald Trump and Kamala Harris.",
                       "Turnout was higher than in the last election."},
                      {entity("Donald Trump"), entity("Kamala Harris")}, {}, {entity("Ohio")}),
      // "king" and "Jordan" but not the phrase "king of Jordan".
      fixture_article("royal-visit", "Royal visit draws crowds", "2022-05-01", "BBC",
                      {"A king from abroad visited the city, and Jordan sent a delegation of its own."}, {}, {},
                      {entity("Jordan")}),
      fixture_article("bank-rates", "Central bank raises rates", "2024-10-15", "Reuters",
                      {"The European Central Bank raised interest rates again.",
                       "Christine Lagarde said inflation remained too high."},
                      {entity("Christine Lagarde")}, {entity("European Central Bank")}, {entity("Frankfurt")}),
  };
}

// Writes `articles` into a new database at `path`, with spelling data and entity display names.
inline void build_fixture_db(const std::filesystem::path& path, const std::vector<Article>& articles) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("english"));
  indexer.set_database(db);
  indexer.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  for (const auto& article : articles) {
    db.replace_document(schema::id_term(article.id), make_document(article, indexer));
    for (const auto& field : schema::entity_fields) {
      const auto& list = field.type == schema::EntityType::person         ? article.entities.people
                         : field.type == schema::EntityType::organisation ? article.entities.organisations
                                                                          : article.entities.places;
      for (const auto& e : list)
        db.set_metadata(std::string(schema::entity_name_key_prefix) + std::string(field.prefix) + e.key, e.name);
    }
  }
  db.commit();
}

}  // namespace newsdex::test
