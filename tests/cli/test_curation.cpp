// User curation through the real binaries on the sample collection: newsdex-index --curate with
// docs/curation-example.txt, then facets, filters, the hits and newsdex-search --entities must all
// say the same; a bad curation file is refused naming its line and changes nothing; the curation
// stays through later index runs and can be taken back (docs/entities.md, "Curation").
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

const fs::path example = source_dir() / "docs/curation-example.txt";

// The sample collection indexed into a database of its own (the curation tests change it).
struct CuratedCorpus {
  TempDir dir{"curation"};
  fs::path db = dir.path() / "db";

  CuratedCorpus() {
    auto result = index("-q " + sample_corpus_paths());
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }

  CommandResult index(const std::string& arguments) const {
    return run_command(shell_quote(index_bin()) + " --db " + shell_quote(db.string()) + " " + arguments);
  }
  CommandResult curate(const fs::path& file, const std::string& more = "--json") const {
    return index("--curate " + shell_quote(file.string()) + " " + more);
  }
  CommandResult search(const std::string& arguments) const {
    return run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " " + arguments);
  }
  std::uint64_t count(const std::string& query) const {
    auto result = search("--count -- " + shell_quote(query));
    INFO(query << ": " << result.err);
    REQUIRE(result.exit_code == 0);
    return std::stoull(result.out);
  }
  Json listing(const std::string& type = "") const {
    auto result = search("--entities " + type + " --limit all --json");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return Json::parse(result.out);
  }
  // Every file of the database folder and its bytes.
  std::map<std::string, std::string> files() const {
    std::map<std::string, std::string> contents;
    for (const auto& entry : fs::recursive_directory_iterator(db))
      if (entry.is_regular_file()) contents[fs::relative(entry.path(), db).string()] = read_file(entry.path());
    return contents;
  }
};

// "type:key" -> articles, from a listing.
std::map<std::string, std::uint64_t> counts_of(const Json& listing) {
  std::map<std::string, std::uint64_t> counts;
  for (const auto& entity : listing["entities"])
    counts[entity["type"].get<std::string>() + ":" + entity["key"].get<std::string>()] = entity["articles"];
  return counts;
}

// Every entity of the listing has the count its filter finds (the listing reads the stored entities,
// the filters the index's terms), and facets over every article count the same.
void check_listing_agrees_with_filters_and_facets(const CuratedCorpus& corpus, const Json& listing) {
  CHECK(listing["total"] == listing["entities"].size());
  for (const auto& entity : listing["entities"]) {
    INFO(entity.dump());
    // The listing's type names are the query's field names.
    CHECK(corpus.count(entity["type"].get<std::string>() + ":\"" + entity["key"].get<std::string>() + "\"") ==
          entity["articles"].get<std::uint64_t>());
  }
  auto all = corpus.search("--json --limit 0 --facet person,org,place --facet-size 1000 -- -zzzzqqqq");
  REQUIRE(all.exit_code == 0);
  std::map<std::string, std::uint64_t> facet_counts;
  auto facets = Json::parse(all.out)["facets"];
  for (const auto& facet : facets.items())
    for (const auto& value : facet.value()["values"])
      facet_counts[facet.key() + ":" + value["key"].get<std::string>()] = value["count"];
  CHECK(facet_counts == counts_of(listing));
}

}  // namespace

TEST_CASE("curation: --curate changes filters, facets, hits and the listing alike", "[cli][curation]") {
  CuratedCorpus corpus;
  // Before: what each rule of the example file will join or move.
  auto brightfold = corpus.count("org:\"brightfold labs\" OR org:\"valdermoor start-up brightfold labs\"");
  auto tarnwick = corpus.count("place:tarnwick OR person:tarnwick OR org:tarnwick");
  auto valdermoor = corpus.count("place:valdermoor OR person:valdermoor OR org:valdermoor");
  auto athletic = corpus.count("org:\"kestrelby athletic\"");
  auto kestrelby_place =
      corpus.count("place:kestrelby OR org:kestrelby OR (person:kestrelby -org:\"kestrelby athletic\")");
  // (The collection-wide resolution already puts Kestrelby and Tarnwick under one type: their rules
  // change nothing and warn, which the warnings check below expects.)
  // (Marigold, a machine "named Marigold", is no entity already: its stop rule changes nothing.)
  REQUIRE(corpus.count("person:marigold OR org:marigold OR place:marigold") == 0);
  REQUIRE(corpus.count("person:dario") > 0);
  REQUIRE(corpus.count("org:\"valdermoor start-up brightfold labs\"") > 0);

  auto result = corpus.curate(example);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto report = Json::parse(result.out);
  CHECK(report["articles"] == corpus.count("-zzzzqqqq"));
  CHECK(report["rewritten"].get<int>() > 0);
  CHECK(report["wrote_anything"] == true);
  // A rule that changes no article ("Oscar" is in none) is a warning naming the file and line; the
  // others say how many articles they change.
  std::string warnings;
  for (const auto& rule : report["rules"]) {
    INFO(rule.dump());
    if (rule["rule"] == "stop \"Oscar\"") CHECK(rule["articles"] == 0);
    if (rule["articles"] == 0)
      warnings += "newsdex-index: " + example.string() + ":" + std::to_string(rule["line"].get<int>()) +
                  ": warning: " + rule["rule"].get<std::string>() + ": changes no article\n";
  }
  CHECK(result.err == warnings);
  CHECK(warnings.find(":32: warning: stop \"Oscar\": changes no article") != std::string::npos);

  // Filters: the names joined, moved or stopped.
  CHECK(corpus.count("org:\"brightfold labs\"") == brightfold);
  CHECK(corpus.count("org:\"valdermoor start-up brightfold labs\"") == 0);
  CHECK(corpus.count("place:tarnwick") == tarnwick);
  CHECK(corpus.count("person:tarnwick OR org:tarnwick") == 0);
  CHECK(corpus.count("place:valdermoor") == valdermoor);
  CHECK(corpus.count("org:\"kestrelby athletic\"") == athletic);
  CHECK(corpus.count("place:kestrelby") == kestrelby_place);
  CHECK(corpus.count("person:kestrelby OR org:kestrelby OR person:marigold OR person:dario") == 0);
  auto options = corpus.search("--count --org 'Kestrelby Athletic' --place Tarnwick");
  CHECK(options.out == std::to_string(corpus.count("org:\"kestrelby athletic\" place:tarnwick")) + "\n");

  // The listing: every entity's count is its filter's, and no key is under two types any more.
  auto listing = corpus.listing();
  CHECK(listing["curation_rules"] == 12);
  check_listing_agrees_with_filters_and_facets(corpus, listing);
  for (const auto& entity : listing["entities"])
    if (entity["key"] == "tarnwick" || entity["key"] == "valdermoor" || entity["key"] == "kestrelby")
      CHECK(entity["other_types"].empty());
  auto counts = counts_of(listing);
  CHECK(counts.count("person:kestrelby") == 0);
  CHECK(counts.count("person:marigold") == 0);
  CHECK(counts["place:tarnwick"] == tarnwick);
  // A listed entity names the written forms it was extracted as.
  for (const auto& entity : listing["entities"])
    if (entity["key"] == "brightfold labs") {
      std::set<std::string> variants;
      for (const auto& variant : entity["variants"]) variants.insert(variant["name"]);
      CHECK(variants == std::set<std::string>{"Brightfold Labs", "Valdermoor start-up Brightfold Labs"});
    }

  // Hits show their entities as curated.
  auto hits = Json::parse(corpus.search("--json --limit 100 'org:\"kestrelby athletic\"'").out);
  REQUIRE(hits["results"].size() == athletic);
  for (const auto& hit : hits["results"])
    for (const auto& person : hit["entities"]["people"]) CHECK(person["key"] != "kestrelby");
  // --show gives each of them the entities its hit gives (curated); its own are extracted_entities.
  for (const auto& hit : hits["results"]) {
    auto shown = corpus.search("--json --show " + std::to_string(hit["docid"].get<int>()));
    REQUIRE(shown.exit_code == 0);
    auto article = Json::parse(shown.out)["articles"][0];
    INFO(hit["id"]);
    CHECK(article["entities"] == hit["entities"]);
  }

  // The text listing shows the same, with the written forms and other types under each entity.
  auto text = corpus.search("--entities org --limit all --color always");
  CHECK(text.exit_code == 0);
  auto organisations = corpus.listing("org");
  for (const auto& entity : organisations["entities"])
    if (entity["variants"].size() > 1) {
      std::string forms;
      for (const auto& variant : entity["variants"])
        forms += (forms.empty() ? "" : ", ") + variant["name"].get<std::string>() + " (" +
                 std::to_string(variant["articles"].get<int>()) + ")";
      CHECK(text.out.find("written as: " + forms) != std::string::npos);
    }

  // The same file again changes nothing, not a byte.
  auto before = corpus.files();
  auto again = corpus.curate(example);
  CHECK(again.exit_code == 0);
  CHECK(Json::parse(again.out)["wrote_anything"] == false);
  CHECK(Json::parse(again.out)["rewritten"] == 0);
  CHECK(corpus.files() == before);
}

TEST_CASE("curation: a bad curation file is one line naming its line, exit 2, and the database is untouched",
          "[cli][curation]") {
  CuratedCorpus corpus;
  REQUIRE(corpus.curate(example).exit_code == 0);
  auto before = corpus.files();
  struct Case {
    std::string text;
    std::string message;  // after "<file>:"
  };
  const Case cases[] = {
      {"alias \"Blair\" => \"Tony Blair\"\nalais \"A\" => \"B\"\n",
       "2: unknown verb 'alais': choose alias, merge, split, type or stop"},
      {"# comment\n\nstop \"Oscar\n", "3: a quoted name is not closed (a name is written \"Tony Blair\")"},
      {"type planet \"Tarnwick\"\n", "1: unknown type 'planet': choose person, org or place"},
      {"stop \"ok\"\nstop \"caf\xE9\"\n", "2: not valid UTF-8 (save the file as UTF-8)"},
      {"type place \"Tarnwick\"\ntype person \"TARNWICK\"\n", "2: \"TARNWICK\" is already given a type on line 1"},
  };
  TempDir files("curation-bad");
  for (const auto& c : cases) {
    INFO(c.text);
    auto file = files.path() / "bad.txt";
    write_file(file, c.text);
    auto result = corpus.curate(file, "");
    CHECK(result.exit_code == 2);
    CHECK(result.err == "newsdex-index: " + file.string() + ":" + c.message + "\n");
    CHECK(result.out.empty());
    CHECK(corpus.files() == before);
  }
  auto missing = corpus.curate(files.path() / "missing.txt", "");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("cannot read the curation file") != std::string::npos);
  CHECK(corpus.files() == before);
  // No database: exit 3, and none is made.
  auto no_db = run_command(shell_quote(index_bin()) + " --db " + shell_quote((files.path() / "none").string()) +
                           " --curate " + shell_quote(example.string()));
  CHECK(no_db.exit_code == 3);
  CHECK(!fs::exists(files.path() / "none"));
  // The listing refuses what it cannot do: a query, an unknown type, an export.
  for (const auto& [arguments, message] : std::vector<std::pair<std::string, std::string>>{
           {"--entities person harbour", "--entities lists the whole collection's entities: give no query"},
           {"--entities people", "unknown entity type 'people': choose person, org or place"},
           {"--entities --csv", "--entities prints a list of its own: give it alone, or with --json, --limit and --db"},
           {"--entities --limit -1", "--limit: -1 is out of range (allowed: 0 to 1000000)"}}) {
    auto refused = corpus.search(arguments);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "newsdex-search: " + message + "\n");
  }
  // Paths to index and --curate together are a usage error.
  CHECK(
      corpus.index("--curate " + shell_quote(example.string()) + " " + shell_quote(files.path().string())).exit_code ==
      2);
  CHECK(corpus.files() == before);
}

TEST_CASE("curation: later index runs apply it to new and re-indexed articles, and an empty file takes it back",
          "[cli][curation]") {
  CuratedCorpus corpus;
  auto extracted = corpus.listing();
  // Before any curation a name under several types is flagged, in the text listing too.
  auto text = corpus.search("--entities --limit all --color never").out;
  std::size_t flagged = 0;
  for (const auto& entity : extracted["entities"]) {
    if (entity["other_types"].empty()) continue;
    ++flagged;
    std::string also;
    for (const auto& other : entity["other_types"])
      also += (also.empty() ? "" : ", ") + other["type"].get<std::string>() + " (" +
              std::to_string(other["articles"].get<int>()) + ")";
    CHECK(text.find(entity["name"].get<std::string>() + "\n") != std::string::npos);
    CHECK(text.find("also as: " + also + "\n") != std::string::npos);
  }
  CHECK(flagged == 0);  // the collection-wide resolution gives each key one type (docs/entities.md)
  REQUIRE(corpus.curate(example).exit_code == 0);
  auto curated = corpus.listing();

  // Every article indexed again (--force): the same curated entities.
  auto forced = corpus.index("-q --force " + sample_corpus_paths());
  INFO(forced.err);
  REQUIRE(forced.exit_code == 0);
  CHECK(corpus.listing() == curated);
  check_listing_agrees_with_filters_and_facets(corpus, curated);

  // A new article naming the club as "Kestrelby", "Marigold", "Dario", "Valdermoor start-up Brightfold Labs".
  TempDir more("curation-more");
  write_file(more.path() / "signing.txt",
             "Dec. 28, 2024 2:00 PM ET\n\nKestrelby Athletic sign a new striker before the winter break\n\n"
             "Kestrelby Athletic have signed a striker from Fennick Rovers, manager Rory Quennell said on Saturday.\n\n"
             "Kestrelby beat Fennick Rovers twice this season, and Quennell said the new striker would help "
             "Kestrelby in the cup.\n\nThe tunnel boring machine Marigold was shown at half time. Valdermoor "
             "start-up Brightfold Labs sponsors the club, and Dario was at the game.\n");
  auto dump = Json::parse(
      run_command(shell_quote(index_bin()) + " --dump " + shell_quote((more.path() / "signing.txt").string())).out);
  std::set<std::string> extracted_people;
  for (const auto& person : dump["entities"]["people"]) extracted_people.insert(person["key"]);
  REQUIRE(extracted_people.count("kestrelby"));  // what the curation must correct
  REQUIRE(extracted_people.count("marigold"));
  auto added = corpus.index("-q " + shell_quote(more.path().string()));
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  auto in_new = [&](const std::string& filter) {
    return corpus.count("path:\"" + more.path().string() + "\" " + filter);
  };
  CHECK(in_new("") == 1);
  CHECK(in_new("org:\"kestrelby athletic\" org:\"brightfold labs\" person:\"dario lentz\"") == 1);
  CHECK(
      in_new("(person:kestrelby OR person:marigold OR person:dario OR org:\"valdermoor start-up brightfold labs\")") ==
      0);
  auto counts = counts_of(corpus.listing());
  auto before = counts_of(curated);
  CHECK(counts["org:kestrelby athletic"] == before["org:kestrelby athletic"] + 1);
  CHECK(counts.count("person:kestrelby") == 0);
  check_listing_agrees_with_filters_and_facets(corpus, corpus.listing());

  // An empty curation file takes every rule back: the entities as extracted, for the new article too.
  TempDir files("curation-empty");
  write_file(files.path() / "empty.txt", "# nothing curated\n");
  auto undone = corpus.curate(files.path() / "empty.txt");
  INFO(undone.err);
  REQUIRE(undone.exit_code == 0);
  CHECK(in_new("place:kestrelby person:marigold") == 1);  // Kestrelby: the collection's type, not the article's
  // The folder keeps a file to read (an empty one, skipped): a folder with nothing to read at all
  // fails the run and keeps its articles, --prune included (docs/reliability.md, promise 24).
  fs::remove(more.path() / "signing.txt");
  write_file(more.path() / "placeholder.txt", "");
  REQUIRE(corpus.index("-q --prune " + shell_quote(more.path().string())).exit_code == 0);
  auto back = corpus.listing();
  CHECK(back["curation_rules"] == 0);
  CHECK(counts_of(back) == counts_of(extracted));
  check_listing_agrees_with_filters_and_facets(corpus, back);
}
