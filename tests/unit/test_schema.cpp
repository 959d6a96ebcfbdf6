#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "common/store/document.hpp"
#include "common/store/schema.hpp"

using namespace newsdex;

TEST_CASE("schema prefixes and slots are distinct", "[schema]") {
  std::set<std::string_view> prefixes{schema::id_prefix,     schema::title_prefix,          schema::person_prefix,
                                      schema::org_prefix,    schema::place_prefix,          schema::source_prefix,
                                      schema::year_prefix,   schema::month_prefix,          schema::day_prefix,
                                      schema::file_prefix,   schema::body_hash_prefix,      schema::duplicate_prefix,
                                      schema::author_prefix, schema::site_prefix,           schema::url_prefix,
                                      schema::path_prefix,   schema::document_schema_prefix};
  CHECK(prefixes.size() == 17);
  CHECK(schema::fields_schema_term ==
        std::string(schema::document_schema_prefix) + std::string(schema::schema_version));
  std::set<Xapian::valueno> slots{schema::date_slot, schema::source_slot, schema::collapse_slot};
  for (const auto& field : schema::entity_fields)
    for (Xapian::valueno i = 0; i < schema::facet_slots_per_type; ++i) CHECK(slots.insert(field.first_slot + i).second);
}

TEST_CASE("date_value turns ISO dates into sortable values", "[schema]") {
  CHECK(schema::date_value("2024-11-22") == "20241122");
  CHECK(schema::date_value("2024-11-22T09:30:00+02:00") == "20241122");
  CHECK(schema::date_value("22 Nov 2024").empty());
  CHECK(schema::date_value("").empty());
}

TEST_CASE("boolean_term cuts long keys at a UTF-8 boundary", "[schema]") {
  std::string key;
  for (int i = 0; i < 150; ++i) key += "\xC3\xA9";  // 300 bytes of e-acute
  auto term = schema::boolean_term("XP", key);
  CHECK(term.size() <= 2 + schema::max_term_key_bytes);
  CHECK((static_cast<unsigned char>(term.back()) & 0xC0) != 0xC0);
  CHECK((term.size() - 2) % 2 == 0);
}

TEST_CASE("make_document writes the schema's terms, values and data", "[schema]") {
  Article article;
  article.title = "Harbour strike ends";
  article.published = "2024-09-03";
  article.source = "Valdermoor Courier";
  article.path = "corpus/a.txt";
  article.paragraphs = {"Dockers returned to work on Tuesday."};
  article.entities.people = {{"Elena Castellan", "elena castellan", 2}};
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("english"));
  auto document = make_document(article, indexer);
  std::set<std::string> terms(document.termlist_begin(), document.termlist_end());
  // Stems only (schema 2): no unstemmed copy of the words.
  for (auto term : {"ZSstrike", "Zstrike", "Zdocker"}) CHECK(terms.count(term));
  for (auto term : {"strike", "dockers", "Sstrike"}) CHECK_FALSE(terms.count(term));
  // Positions are on the stems: the title's words first, then the body's after a gap.
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    if (*it != "Zdocker") continue;
    std::vector<Xapian::termpos> positions(it.positionlist_begin(), it.positionlist_end());
    CHECK(positions.size() == 1);
    CHECK(positions.at(0) > 3);
  }
  for (auto term :
       {"XPelena castellan", "Y2024", "M202409", "D20240903", "XSvaldermoor courier", "Qfile:corpus/a.txt#0"})
    CHECK(terms.count(term));
  CHECK(document.get_value(schema::date_slot) == "20240903");
  CHECK(document.get_value(schema::person_first_slot) == "elena castellan");
  auto back = article_from_json(nlohmann::json::parse(document.get_data()));
  CHECK(back.title == article.title);
  CHECK(back.paragraphs == article.paragraphs);
  CHECK(back.entities.people.at(0).key == "elena castellan");
}
