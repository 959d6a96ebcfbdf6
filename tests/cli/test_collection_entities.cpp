// Collection-wide entity names through the real binaries (docs/entities.md, "Across the collection"):
// the sample collection's facets name every invented person, organisation and place once, under its
// type, and the filters agree; a later run that supplies a full name re-keys the earlier articles.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "common/base/text.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
using Json = nlohmann::json;

namespace {

constexpr const char* match_everything = "-qqzxqvvkjq";  // a negated word no article has

// The facet field and filter option of each type of bench/entities/sample_expected.json.
const std::map<std::string, std::string> field_of_type = {
    {"person", "person"}, {"organisation", "org"}, {"place", "place"}};

// The facet key of a name: fold_key, without a leading lower-case "the" (docs/entities.md: "the Coppice" is
// "Coppice").
std::string key_of(const std::string& name) {
  auto key = newsdex::fold_key(name.starts_with("the ") ? name.substr(4) : name);
  return key;
}

Json search_json(const std::filesystem::path& db, const std::string& arguments) {
  auto result = run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " --json " + arguments);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return Json::parse(result.out);
}

// Field ("person", "org", "place") -> key -> articles, over the whole collection.
std::map<std::string, std::map<std::string, int>> all_facets(const std::filesystem::path& db) {
  auto response = search_json(db, "--facet person,org,place --facet-size 100000 --limit 1 --snippet-length 0 -- " +
                                      std::string(match_everything));
  std::map<std::string, std::map<std::string, int>> facets;
  for (const auto& [field, facet] : response["facets"].items())
    for (const auto& value : facet["values"])
      facets[field][value["key"].get<std::string>()] = value["count"].get<int>();
  return facets;
}

int filter_count(const std::filesystem::path& db, const std::string& field, const std::string& name) {
  return search_json(db, "--count --" + field + " " + shell_quote(name) + " -- " + match_everything)["matches"]["total"]
      .get<int>();
}

std::string jsonl_article(const std::string& title, const std::string& body) {
  return Json{{"title", title}, {"date", "2024-05-02"}, {"body", body}}.dump() + "\n";
}

Json index_run(const std::filesystem::path& db, const std::filesystem::path& input, const std::string& options = {}) {
  auto result = run_command(shell_quote(index_bin()) + " --json " + options + " --db " + shell_quote(db.string()) +
                            " " + shell_quote(input.string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return Json::parse(result.out);
}

}  // namespace

TEST_CASE("corpus/ facets: every invented person, organisation and place under one key with its type",
          "[indexer][corpus][entities][collection]") {
  const auto& db = sample_corpus_db();
  const auto expected = Json::parse(read_file(source_dir() / "bench/entities/sample_expected.json"));
  const auto facets = all_facets(db);
  std::set<std::string> expected_keys;
  for (const auto& entity : expected["entities"]) expected_keys.insert(key_of(entity["name"]));

  for (const auto& entity : expected["entities"]) {
    const std::string type = entity["type"], name = entity["name"];
    const std::string key = key_of(name);  // "Søren Lindahl" -> "soren lindahl"
    const std::string& field = field_of_type.at(type);
    INFO(name << " (" << type << ")");
    // Its one key, under its type and no other.
    REQUIRE(facets.count(field));
    CHECK(facets.at(field).count(key) == 1);
    for (const auto& [other_field, values] : facets)
      if (other_field != field) CHECK(values.count(key) == 0);
    // No other way of writing it is a facet value of its own ("Marchetti", "HWU", "the Tembrel").
    for (const auto& alias : entity["aliases"]) {
      const auto alias_key = key_of(alias.get<std::string>());
      if (alias_key == key || expected_keys.count(alias_key)) continue;
      INFO("alias " << alias_key);
      for (const auto& [any_field, values] : facets) CHECK(values.count(alias_key) == 0);
    }
    // The filter finds the articles the facet counts.
    // (The filter takes the name as the facet shows it: "Coppice" for "the Coppice".)
    const auto shown = name.starts_with("the ") ? name.substr(4) : name;
    if (facets.at(field).count(key)) CHECK(filter_count(db, field, shown) == facets.at(field).at(key));
  }
  for (const auto& name : expected["non_entities"]) {
    INFO("not an entity: " << name);
    for (const auto& [field, values] : facets) CHECK(values.count(key_of(name)) == 0);
  }
}

TEST_CASE("a later run that gives a surname's full name re-keys the earlier articles, and --prune undoes it",
          "[indexer][entities][collection]") {
  TempDir dir("collection-entities");
  const auto db = dir.path() / "db", input = dir.path() / "in";
  write_file(input / "monday.jsonl", jsonl_article("Pier to reopen",
                                                   "The pier at Saltmarsh will reopen on Monday, Mr Quillfeather said. "
                                                   "Mr Quillfeather said repairs had taken six weeks."));
  index_run(db, input);
  CHECK(all_facets(db)["person"].count("quillfeather") == 1);

  write_file(input / "tuesday.jsonl", jsonl_article("Harbour master retires",
                                                    "Hester Quillfeather, the harbour master at Saltmarsh, will "
                                                    "retire in June. Ms Quillfeather has held the post since 1998."));
  auto summary = index_run(db, input);
  CHECK(summary["articles"]["added"] == 1);
  auto people = all_facets(db)["person"];
  CHECK(people.count("quillfeather") == 0);
  CHECK(people["hester quillfeather"] == 2);
  CHECK(filter_count(db, "person", "Hester Quillfeather") == 2);
  CHECK(filter_count(db, "person", "Quillfeather") == 0);
  // The first article's own result names her in full too: results, facets and filters agree.
  auto first = search_json(db, "--person 'Hester Quillfeather' -- pier")["results"];
  REQUIRE(first.size() == 1);
  CHECK(first[0]["entities"]["people"][0]["name"] == "Hester Quillfeather");

  // A run with nothing new changes nothing.
  summary = index_run(db, input);
  CHECK(summary["articles"]["added"] == 0);
  CHECK(summary["wrote_anything"] == false);

  // Pruned away, the full name no longer claims the surname.
  std::filesystem::remove(input / "tuesday.jsonl");
  index_run(db, input, "--prune");
  people = all_facets(db)["person"];
  CHECK(people["quillfeather"] == 1);
  CHECK(people.count("hester quillfeather") == 0);
}

TEST_CASE("a surname goes to the full name its own article gives, even when another bearer dominates the collection",
          "[indexer][entities][collection]") {
  TempDir dir("collection-surnames");
  const auto db = dir.path() / "db", input = dir.path() / "in";
  std::string articles;
  for (const char* town : {"Saltmarsh", "Brindle", "Oakhurst", "Fenwick", "Corran"})
    articles += jsonl_article("Mayor visits " + std::string(town),
                              "Mayor Tobias Wrenfield visited " + std::string(town) +
                                  " on Monday. Wrenfield said the new library would open in the spring.");
  articles += jsonl_article("Cellist wins prize",
                            "The cellist Marta Wrenfield won the competition in Vienna. "
                            "Wrenfield, 24, played a sonata by Brahms.");
  articles += jsonl_article("Library plans", "Mr Wrenfield said on Tuesday that the library plans were approved.");
  write_file(input / "news.jsonl", articles);
  index_run(db, input);
  auto people = all_facets(db)["person"];
  CHECK(people["tobias wrenfield"] == 6);  // the surname-only article goes to the dominant full name
  CHECK(people["marta wrenfield"] == 1);   // her article's "Wrenfield" is her, not him
  CHECK(people.count("wrenfield") == 0);
  auto cellist = search_json(db, "-- cellist")["results"];
  REQUIRE(cellist.size() == 1);
  std::set<std::string> named;
  for (const auto& person : cellist[0]["entities"]["people"]) named.insert(person["key"].get<std::string>());
  CHECK(named.count("marta wrenfield") == 1);
  CHECK(named.count("tobias wrenfield") == 0);
}

TEST_CASE("results and --show name an entity as the facets do, also where the article writes it otherwise",
          "[indexer][entities][collection]") {
  const auto& db = sample_corpus_db();
  // The export's third article writes "Zoe Marchetti"; the collection's name is "Zoë Marchetti".
  auto hits = search_json(db, "--limit 50 -- title:dockers title:strike")["results"];
  const Json* written_zoe = nullptr;
  for (const auto& hit : hits)
    if (hit["title"] == "Northgate terminal dockers vote for strike action") written_zoe = &hit;
  REQUIRE(written_zoe != nullptr);
  auto named = [](const Json& entities) {
    std::set<std::string> names;
    for (const auto& person : entities["people"]) names.insert(person["name"].get<std::string>());
    return names;
  };
  CHECK(named((*written_zoe)["entities"]).count("Zoë Marchetti") == 1);
  auto shown = search_json(db, "--show " + std::to_string((*written_zoe)["docid"].get<int>()))["articles"][0];
  CHECK(shown["entities"] == (*written_zoe)["entities"]);
  CHECK(named(shown["extracted_entities"]).count("Zoe Marchetti") == 1);  // the article's own spelling
  auto facet = search_json(db, "--facet person --facet-size 1000 --limit 0 -- " + std::string(match_everything));
  bool in_facets = false;
  for (const auto& value : facet["facets"]["person"]["values"])
    if (value["key"] == "zoe marchetti") in_facets = value["name"] == "Zoë Marchetti";
  CHECK(in_facets);
}
