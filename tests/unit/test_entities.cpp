#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <deque>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include "common/base/data_files.hpp"
#include "common/base/errors.hpp"
#include "common/entities/entities.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using ner::EntityType;

namespace {

// The shipped data/ner, loaded once for all canonicalisation cases.
const ner::Canonicaliser& canonicaliser() {
  static const std::filesystem::path data_dir = find_data_file("ner/model.bin").parent_path();
  static const ner::Gazetteer gazetteer = ner::Gazetteer::load(data_dir / "lists");
  static const ner::Canonicaliser instance(data_dir, gazetteer);
  return instance;
}

struct Tagged {
  EntityType type;
  const char* text;
};

// Mentions as the tagger would give them: the whole text is the tagged span.
Entities canonicalise(const std::vector<Tagged>& tagged) {
  std::deque<std::string> texts;  // stable addresses for Mention::source
  std::vector<ner::Mention> mentions;
  for (const Tagged& t : tagged) {
    const std::string& text = texts.emplace_back(t.text);
    mentions.push_back({t.type, text, ner::tokenize(text)});
  }
  return canonicaliser().canonicalise(mentions);
}

std::string describe(const std::vector<Entity>& entities) {
  std::string out;
  for (const auto& e : entities) out += (out.empty() ? "" : "; ") + e.name + " x" + std::to_string(e.mentions);
  return out;
}

bool has(const std::vector<Entity>& entities, const std::string& name) {
  return std::any_of(entities.begin(), entities.end(), [&](const Entity& e) { return e.name == name; });
}

}  // namespace

struct Case {
  std::vector<Tagged> mentions;
  const char* people;
  const char* organisations;
  const char* places;
};

template <std::size_t N>
void check_cases(const Case (&cases)[N]) {
  for (const auto& c : cases) {
    std::string input;
    for (const auto& m : c.mentions) input += std::string(ner::type_code(m.type)) + ":" + m.text + " ";
    INFO(input);
    const Entities entities = canonicalise(c.mentions);
    CHECK(describe(entities.people) == c.people);
    CHECK(describe(entities.organisations) == c.organisations);
    CHECK(describe(entities.places) == c.places);
  }
}

TEST_CASE("canonicalisation strips titles and possessives, maps aliases, merges surnames", "[entities]") {
  const auto per = EntityType::person, org = EntityType::organisation, loc = EntityType::location,
             misc = EntityType::misc;
  const Case cases[] = {
      {{{per, "Prime Minister Benjamin Netanyahu"}}, "Benjamin Netanyahu x1", "", ""},
      {{{per, "Sheikh Mohammed bin Abdulrahman Al Thani"}}, "Mohammed bin Abdulrahman Al Thani x1", "", ""},
      {{{per, "President Isaac Herzog"}}, "Isaac Herzog x1", "", ""},
      {{{per, "David Barnea director"}}, "David Barnea x1", "", ""},
      {{{org, "Hamas\xE2\x80\x99s"}, {org, "Hamas's"}, {org, "Hamas"}}, "", "Hamas x3", ""},
      {{{per, "Israeli"}, {org, "Qatari"}}, "", "", ""},  // nationality adjectives are not people
      {{{loc, "Qatari"}}, "", "", ""},                    // ... nor a place the article does not name
      {{{loc, "Qatar"}, {loc, "Qatari"}}, "", "", "Qatar x2"},
      {{{org, "UN"}, {org, "United Nations"}, {org, "U.N."}}, "", "United Nations x3", ""},
      {{{loc, "Britain"}}, "", "", "United Kingdom x1"},
      {{{per, "Benjamin Netanyahu"}, {per, "Netanyahu"}, {per, "Netanyahu's"}}, "Benjamin Netanyahu x3", "", ""},
      {{{per, "Al Thani"}, {per, "Mohammed bin Abdulrahman Al Thani"}}, "Mohammed bin Abdulrahman Al Thani x2", "", ""},
      {{{loc, "Gaza Strip"}, {loc, "Strip"}, {loc, "Gaza"}}, "", "", "Gaza Strip x2; Gaza x1"},
      {{{org, "Altria Group"}, {org, "Altria"}}, "", "Altria Group x2", ""},
      {{{loc, "New York"}, {loc, "New"}}, "", "", "New York x1; New x1"},  // first words join organisations only
      {{{per, "Jean-Michel Jarre"}, {org, "Jarre"}}, "Jean-Michel Jarre x2", "", ""},      // a surname tagged ORG
      {{{per, "Michael Jordan"}, {loc, "Jordan"}}, "Michael Jordan x1", "", "Jordan x1"},  // ... but not a country
      {{{org, "Hamas"}, {org, "Hamas"}, {loc, "Hamas"}}, "", "Hamas x3", ""},  // one type per name: the majority
      {{{misc, "Israeli"}, {misc, "French"}}, "", "", ""},                     // MISC is tagged, never returned
      {{{per, "\"Ghazi Hamad"}}, "Ghazi Hamad x1", "", ""},
  };
  check_cases(cases);
}

TEST_CASE("names that are none of person, organisation or place are left out", "[entities]") {
  const auto per = EntityType::person, org = EntityType::organisation, loc = EntityType::location;
  const Case cases[] = {
      {{{per, "Oscar"}, {org, "Academy Awards"}, {org, "Nobel Prize"}}, "", "", ""},   // awards
      {{{org, "PC"}, {org, "DVD"}, {org, "Playstation"}, {per, "iPod"}}, "", "", ""},  // products and formats
      {{{org, "Lantern Festival"}, {loc, "Easter"}, {org, "FA Cup"}, {org, "Premier League"}}, "", "", ""},  // events
      {{{per, "Muslims"}, {per, "Americans"}, {org, "Islam"}}, "", "", ""},  // religions, nationalities
      {{{per, "nine mths"}, {per, "May one"}, {per, "N.Z. dlrs"}, {org, "GDP"}}, "", "", ""},  // dates, money, rates
      {{{per, "Theresa May"}, {per, "May"}}, "Theresa May x2", "", ""},  // a month's name that is a surname stays
      {{{per, "Doris Day"}}, "Doris Day x1", "", ""},                    // a given name before an event word: a person
  };
  check_cases(cases);
}

TEST_CASE("a wire's name is its sign-off only as the last word of the article", "[entities]") {
  const std::string text = "Reuters said the bank would cut rates. REUTER";
  const auto tokens = ner::tokenize(text);
  REQUIRE(tokens.size() == 9);
  const std::vector<ner::Mention> mentions = {
      {EntityType::organisation, text, {tokens.begin(), tokens.begin() + 1}},
      {EntityType::person, text, {tokens.end() - 1, tokens.end()}},
  };
  const Entities entities = canonicaliser().canonicalise(mentions);
  CHECK(describe(entities.people) == "");
  CHECK(describe(entities.organisations) == "Reuters x1");  // the agency named in the text stays
}

// One word of `text` tagged as `type`, canonicalised with the text around it.
namespace {

Entities canonicalise_word(const std::string& text, const std::string& word, EntityType type) {
  const auto tokens = ner::tokenize(text);
  const auto name = std::find_if(tokens.begin(), tokens.end(), [&](const auto& t) { return t.text == word; });
  REQUIRE(name != tokens.end());
  const std::vector<ner::Mention> mentions = {{type, text, {name, name + 1}}};
  return canonicaliser().canonicalise(mentions);
}

}  // namespace

// The last mention of a wire's name followed by a transmission code ("REUTER...^M", "REUTER E") is the
// sign-off too; followed by words it is the agency.
TEST_CASE("a wire's sign-off may carry a transmission code of up to three characters", "[entities]") {
  struct Case {
    std::string text;
    std::string organisations;
  };
  const Case cases[] = {
      {"The bank cut rates. REUTER", ""},
      {"The bank cut rates. REUTER...^M", ""},
      {"The bank cut rates. REUTER E", ""},
      {"The bank cut rates. REUTER TAW", ""},
      {"The bank cut rates, said REUTER in London", "REUTER x1"},  // the agency, tagged as a person
  };
  for (const auto& c : cases) {
    const Entities entities = canonicalise_word(c.text, "REUTER", EntityType::person);
    INFO(c.text);
    CHECK(describe(entities.people) == "");  // a wire's name is never a person
    CHECK(describe(entities.organisations) == c.organisations);
  }
}

// The tokenizer splits a plural possessive off ("Patients" "'") and the tagger's span often ends there: an
// organisation word after it belongs to the name.
TEST_CASE("a plural possessive inside an organisation's name keeps the name whole", "[entities]") {
  struct Case {
    std::string text, span;  // the span: the tagged tokens, from the first word
    std::size_t words;
    std::string organisations;
  };
  const Case cases[] = {
      {"said Ruben Alder of the Coast Patients\u2019 Forum.", "Coast", 2, "Coast Patients' Forum x1"},
      {"said Ruben Alder of the Coast Patients' Forum.", "Coast", 2, "Coast Patients' Forum x1"},
      {"the Farmers' Union said", "Farmers", 1, "Farmers' Union x1"},
      {"the Smiths' Garden opened", "Smiths", 1, "Smiths x1"},  // not an organisation word
      {"Acme's Union Street office", "Acme", 1, "Acme x1"},     // a singular possessive: another name
      {"the Walkers' union said", "Walkers", 1, "Walkers x1"},  // a lower-case word is not in the name
  };
  for (const auto& c : cases) {
    const auto tokens = ner::tokenize(c.text);
    const auto first = std::find_if(tokens.begin(), tokens.end(), [&](const auto& t) { return t.text == c.span; });
    REQUIRE(first != tokens.end());
    const std::vector<ner::Mention> mentions = {
        {EntityType::organisation, c.text, {first, first + static_cast<std::ptrdiff_t>(c.words)}}};
    INFO(c.text);
    CHECK(describe(canonicaliser().canonicalise(mentions).organisations) == c.organisations);
  }
}

// A one-word name right before a nationality, an agreement word or a one-letter label only qualifies it.
TEST_CASE("a name that only qualifies a nationality, an agreement or a label is no entity", "[entities]") {
  struct Case {
    std::string text, name;
    EntityType tagged;
    std::string kept;  // describe() of the type's list
  };
  const auto org = EntityType::organisation, loc = EntityType::location;
  const Case cases[] = {
      {"debt of Latin American countries", "Latin", loc, ""},
      {"since the Louvre accord in Paris", "Louvre", org, ""},
      {"the Plaza agreement of 1985", "Plaza", org, ""},
      {"900,000 Class A shares", "Class", org, ""},
      {"the Geneva agreement on tariffs", "Geneva", loc, "Geneva x1"},  // a known place stays
      {"the Louvre in Paris", "Louvre", org, "Louvre x1"},
      {"Acme Corp said", "Acme", org, "Acme x1"},
  };
  for (const auto& c : cases) {
    const Entities entities = canonicalise_word(c.text, c.name, c.tagged);
    INFO(c.text);
    CHECK(describe(c.tagged == org ? entities.organisations : entities.places) == c.kept);
  }
}

// "a machine named Marigold": the lower-case noun before "named", "called" or "known as" says what the
// name is (data/ner/type_cues.tsv, `named`), whatever the tagger's type.
TEST_CASE("a name introduced by a noun and 'named', 'called' or 'known as' takes that noun's type", "[entities]") {
  struct Case {
    std::string text, name;
    EntityType tagged;
    std::string people, organisations, places;
  };
  const auto per = EntityType::person, org = EntityType::organisation;
  const Case cases[] = {
      {"A tunnel boring machine named Marigold started cutting.", "Marigold", per, "", "", ""},
      {"a stretch of woodland known locally as the Coppice.", "Coppice", org, "", "", "Coppice x1"},
      {"a small charity called Riverwatch said", "Riverwatch", per, "", "Riverwatch x1", ""},
      {"a man named Marigold said", "Marigold", per, "Marigold x1", "", ""},
      {"the storm, named Marigold, hit", "Marigold", per, "Marigold x1", "", ""},       // a comma between: no rule
      {"Police named Marigold as the driver", "Marigold", per, "Marigold x1", "", ""},  // no lower-case noun
  };
  for (const auto& c : cases) {
    const Entities entities = canonicalise_word(c.text, c.name, c.tagged);
    INFO(c.text);
    CHECK(describe(entities.people) == c.people);
    CHECK(describe(entities.organisations) == c.organisations);
    CHECK(describe(entities.places) == c.places);
  }
}

TEST_CASE("an acronym is one entity with the expansion the article gives", "[entities]") {
  const std::string text = "the World Trade Organisation (WTO) said";
  const auto tokens = ner::tokenize(text);
  REQUIRE(tokens.size() == 8);
  const std::vector<ner::Mention> mentions = {
      {EntityType::organisation, text, {tokens.begin() + 1, tokens.begin() + 4}},
      {EntityType::person, text, {tokens.begin() + 5, tokens.begin() + 6}},
  };
  const Entities parenthesised = canonicaliser().canonicalise(mentions);
  CHECK(describe(parenthesised.organisations) == "World Trade Organisation x2");
  CHECK(describe(parenthesised.people) == "");

  const auto per = EntityType::person, org = EntityType::organisation;
  const Case cases[] = {
      {{{org, "Harbour Workers Union"}, {org, "HWU"}, {per, "HWU"}}, "", "Harbour Workers Union x3", ""},
      {{{org, "World Trade Organization"}, {org, "World Trade Organisation"}}, "", "World Trade Organisation x2", ""},
      {{{org, "WTO"}}, "", "World Trade Organisation x1", ""},  // through aliases.tsv
      {{{org, "E.C."}, {org, "EC"}}, "", "EC x2", ""},
      {{{org, "Fed"}, {org, "the Fed"}, {org, "The Fed"}, {org, "Federal Reserve Board"}},
       "",
       "Federal Reserve x4",
       ""},
      {{{EntityType::location, "The Hague"}}, "", "", "The Hague x1"},
      {{{per, "GM"}, {org, "General Motors Corp"}}, "", "General Motors x2", ""},  // symbol = initials
  };
  check_cases(cases);
}

TEST_CASE("forms of one name are one key: designators, word order, parties, Labour/Labor", "[entities]") {
  const auto per = EntityType::person, org = EntityType::organisation, loc = EntityType::location;
  const Case cases[] = {
      {{{org, "Chrysler Corp"}, {org, "Chrysler"}}, "", "Chrysler x2", ""},
      {{{org, "Chrysler Corp"}, {org, "Chrysler Motors"}}, "", "Chrysler x1; Chrysler Motors x1", ""},  // parent
      {{{org, "Agriculture Department"}, {org, "Department of Agriculture"}}, "", "Department of Agriculture x2", ""},
      {{{org, "U.S. Agriculture Department"}}, "", "Department of Agriculture x1", "United States x1"},
      {{{org, "U.K. Government"}}, "", "", "United Kingdom x1"},
      {{{org, "British Airways"}}, "", "British Airways x1", ""},  // not a government body
      {{{org, "Lib Dems"}, {org, "Liberal Democrats"}, {org, "Lib Dem"}}, "", "Liberal Democrats x3", ""},
      {{{org, "Tories"}, {org, "Conservatives"}, {org, "Conservative Party"}}, "", "Conservative Party x3", ""},
      {{{org, "Democrats"}, {org, "Democratic Party"}}, "", "Democratic Party x2", ""},
      {{{org, "Labour Party"}, {org, "Labour Party"}, {org, "Labor Party"}}, "", "Labour Party x3", ""},
      {{{org, "Labor Party"}}, "", "Labor Party x1", ""},       // the Australian spelling stays across articles
      {{{org, "Sony PSP"}, {org, "Sony"}}, "", "Sony x2", ""},  // a product after its company
      {{{org, "Nokia N95"}}, "", "Nokia x1", ""},
      {{{org, "Sony Music"}}, "", "Sony Music x1", ""},
      {{{loc, "U.S.-"}}, "", "", "United States x1"},
      {{{loc, "America"}}, "", "", "United States x1"},
      {{{per, "Georgia Smith"}}, "Georgia Smith x1", "", ""},
  };
  check_cases(cases);
}

TEST_CASE("one type per name: the lists' type beats the tagger's votes", "[entities]") {
  const auto per = EntityType::person, org = EntityType::organisation, loc = EntityType::location;
  const Case cases[] = {
      {{{org, "Brazil"}, {org, "Brazil"}, {loc, "Brazil"}}, "", "", "Brazil x3"},  // a country is a place
      {{{org, "USSR"}, {per, "USSR"}}, "", "", "Soviet Union x2"},
      {{{org, "Bank of Japan"}}, "", "Bank of Japan x1", ""},  // ... inside a fixed name
      {{{loc, "Kestrelby Athletic"}, {per, "Kestrelby Athletic"}}, "", "Kestrelby Athletic x2", ""},  // a club
      {{{loc, "Essling Regional Hospital"}}, "", "Essling Regional Hospital x1", ""},
      {{{per, "River Tembrel"}, {org, "Port Essling"}}, "", "", "River Tembrel x1; Port Essling x1"},
      {{{org, "Calvenshire"}}, "", "", "Calvenshire x1"},
      {{{per, "Jane Park"}}, "Jane Park x1", "", ""},    // a given name first: the tagger's person stays
      {{{loc, "Tony Blair"}}, "Tony Blair x1", "", ""},  // a person of the gazetteer
      {{{per, "HWX"}}, "", "HWX x1", ""},                // people are not written as acronyms
      {{{per, "REAGAN"}}, "REAGAN x1", "", ""},          // ... but a headline's capitals are
  };
  check_cases(cases);
}

TEST_CASE("entity keys fold case and accents so the collection groups one entity", "[entities]") {
  const Entities entities = canonicalise({{EntityType::person, "Zo\xC3\xAB Marchetti"}});
  REQUIRE(entities.people.size() == 1);
  CHECK(entities.people[0].name == "Zo\xC3\xAB Marchetti");
  CHECK(entities.people[0].key == "zoe marchetti");
}

TEST_CASE("extract_entities finds people, organisations and places in plain sentences", "[entities]") {
  const Entities entities = extract_entities(
      "", "",
      {"German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.",
       "Merkel said the European Union and NATO would act together.", "Shares of General Motors rose in New York."});
  INFO("people: " << describe(entities.people) << " | orgs: " << describe(entities.organisations)
                  << " | places: " << describe(entities.places));
  CHECK(has(entities.people, "Angela Merkel"));
  CHECK(has(entities.people, "Emmanuel Macron"));
  CHECK_FALSE(has(entities.people, "Merkel"));  // merged into the full name
  CHECK(has(entities.places, "Paris"));
  CHECK(has(entities.places, "New York"));
  CHECK(has(entities.organisations, "European Union"));
  CHECK(has(entities.organisations, "North Atlantic Treaty Organisation"));  // NATO, through aliases.tsv
  CHECK(has(entities.organisations, "General Motors"));
  for (const auto* list : {&entities.people, &entities.organisations, &entities.places}) {
    CHECK_FALSE(has(*list, "German"));
    CHECK_FALSE(has(*list, "French"));
  }
}

TEST_CASE("extract_entities handles empty and odd input", "[entities]") {
  CHECK(extract_entities("", "", {}).empty());
  CHECK(extract_entities("", "", {"", "   ", "...", "\xFF\xFE broken bytes"}).people.empty());
  const Entities title_only = extract_entities("Obama visits Kenya", "", {});
  CHECK_FALSE(title_only.empty());  // with no body, the title's names stand on their own
}

TEST_CASE("an EntityExtractor on a folder without the model says what is missing", "[entities]") {
  test::TempDir dir("ner-missing");
  CHECK_THROWS_AS(EntityExtractor(dir.path()), Error);
  CHECK_THROWS_WITH(EntityExtractor(dir.path()), Catch::Contains(dir.path().string()));
}

namespace {

// The body paragraphs of the seed article: from "Israel has firmly rejected" to "caught in the crossfire.",
// without the "- Advertisement -" lines (the teaser after it is what the cleaner removes).
std::vector<std::string> seed_body(const std::filesystem::path& shared) {
  std::ifstream in(shared / "seed" / "article-2024-11-22.txt");
  std::vector<std::string> paragraphs;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with("Israel has firmly rejected")) inside = true;
    if (!inside) continue;
    if (line.find_first_not_of(" \t\r") == std::string::npos || line.find("- Advertisement -") != std::string::npos) {
      continue;
    }
    paragraphs.push_back(line);
    if (line.find("caught in the crossfire.") != std::string::npos) break;
  }
  return paragraphs;
}

int mentions_of(const std::vector<Entity>& entities, const std::string& name) {
  for (const auto& e : entities) {
    if (e.name == name) return e.mentions;
  }
  return 0;
}

}  // namespace

TEST_CASE("acceptance: the seed article's people, organisations and places", "[entities][acceptance]") {
  NEWSDEX_REQUIRE_SHARED(shared);
  const auto body = seed_body(shared);
  REQUIRE(body.size() > 10);
  const Entities entities = extract_entities("", "", body);
  INFO("people: " << describe(entities.people) << "\norganisations: " << describe(entities.organisations)
                  << "\nplaces: " << describe(entities.places));
  for (const char* person : {"Benjamin Netanyahu", "Ghazi Hamad", "Ismail Haniyeh", "David Barnea", "Bill Burns",
                             "Isaac Herzog", "Mohammed bin Abdulrahman Al Thani"}) {
    CHECK(has(entities.people, person));
  }
  const auto netanyahus = std::count_if(entities.people.begin(), entities.people.end(),
                                        [](const Entity& e) { return e.name.find("Netanyahu") != std::string::npos; });
  CHECK(netanyahus == 1);
  CHECK(mentions_of(entities.people, "Benjamin Netanyahu") >= 2);
  for (const char* organisation : {"Hamas", "Mossad", "CIA"}) CHECK(has(entities.organisations, organisation));
  for (const char* place : {"Gaza", "Israel", "Cairo", "Lebanon", "Warsaw", "Europe"})
    CHECK(has(entities.places, place));
  for (const auto* list : {&entities.people, &entities.organisations, &entities.places}) {
    CHECK_FALSE(has(*list, "Hezbollah"));
    CHECK_FALSE(has(*list, "Naim Qassem"));
    CHECK_FALSE(has(*list, "Israeli"));
    CHECK_FALSE(has(*list, "Qatari"));
    CHECK_FALSE(has(*list, "Prime Minister"));
  }
}

TEST_CASE("extract_entities gives the same answer from several threads at once", "[entities][threads]") {
  NEWSDEX_REQUIRE_SHARED(shared);
  const auto body = seed_body(shared);
  const auto expected = describe(extract_entities("", "", body).people);
  std::vector<std::future<std::string>> runs;
  for (int i = 0; i < 4; ++i) {
    runs.push_back(std::async(std::launch::async, [&] { return describe(extract_entities("", "", body).people); }));
  }
  for (auto& run : runs) CHECK(run.get() == expected);
}

TEST_CASE("extract_entities survives arbitrary bytes", "[entities][robustness]") {
  // Seeded, so a failure reproduces: random mixes of ASCII, multi-byte UTF-8, broken bytes and punctuation.
  std::uint64_t state = 12345;
  const auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(state >> 33);
  };
  const std::vector<std::string> pieces = {
      "A",    "b",  " ",  ".", "'s",  "\xE2\x80\x99", "\xE2\x80\x94", "\xC3\xA9", "\xFF", "\xE2\x80",
      "U.S.", "--", "\"", "(", "Mr.", "Hamas",        "1,000",        "\n",       "\t",   "..."};
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> paragraphs(1 + next() % 3);
    for (auto& paragraph : paragraphs) {
      for (unsigned i = 0, n = next() % 40; i < n; ++i) paragraph += pieces[next() % pieces.size()];
    }
    std::string title;
    for (unsigned i = 0, n = next() % 8; i < n; ++i) title += pieces[next() % pieces.size()];
    const Entities entities = extract_entities(title, "", paragraphs);
    for (const auto* list : {&entities.people, &entities.organisations, &entities.places}) {
      for (const auto& entity : *list) {
        CHECK_FALSE(entity.name.empty());
        CHECK(entity.mentions > 0);
      }
    }
  }
}
