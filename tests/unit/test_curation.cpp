// The curation file (common/store/curation_file.hpp): what parses and every refusal, naming the file
// and line; curation applied to an article's entities (curation.hpp); replace_entity_terms
// (store/document.hpp), the primitive that rewrites a document's entity terms and facet slots.
#include <catch2/catch.hpp>
#include <set>

#include "common/base/text.hpp"
#include "common/store/curation.hpp"
#include "common/store/document.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using newsdex::schema::EntityType;
using newsdex::test::usage_error_of;

namespace {

Entities entities(std::vector<Entity> people, std::vector<Entity> organisations = {}, std::vector<Entity> places = {}) {
  auto keyed = [](std::vector<Entity> list) {
    for (auto& entity : list) entity.key = fold_key(entity.name);
    return list;
  };
  Entities entities;
  entities.people = keyed(std::move(people));
  entities.organisations = keyed(std::move(organisations));
  entities.places = keyed(std::move(places));
  return entities;
}

// "person:Tony Blair=3" for each entity, list by list.
std::string described(const Entities& list) {
  std::string text;
  const char* names[] = {"person", "org", "place"};
  for (auto type : {EntityType::person, EntityType::organisation, EntityType::place})
    for (const auto& entity : entities_of(list, type))
      text += (text.empty() ? "" : " ") + std::string(names[static_cast<int>(type)]) + ":" + entity.name + "=" +
              std::to_string(entity.mentions) + (entity.key == fold_key(entity.name) ? "" : "(key " + entity.key + ")");
  return text;
}

Curation curation(std::string_view text) { return Curation(parse_curation(text, "c.txt")); }

}  // namespace

TEST_CASE("curation file: every verb, optional types, comments, quoting", "[curation]") {
  auto rules = parse_curation(
      "\xEF\xBB\xBF# a comment line\n"
      "\n"
      "alias person \"Blair\" => \"Tony Blair\"   # trailing comment\r\n"
      "alias \"U.N.\" => \"United Nations\"\n"
      "merge org \"Liberal Democrats\" \"Lib Dems\" \"Lib Dem\"\n"
      "split person \"Baker\" by org \"Treasury\" => \"James Baker\"\n"
      "split \"Baker\" by \"White House\" => \"Howard Baker\"\n"
      "type place \"Tarnwick\"\n"
      "stop \"Oscar\"\n"
      "  stop   organisation   \"The \\\"Bee\\\" \\\\ Co\"\n",
      "c.txt");
  REQUIRE(rules.size() == 8);
  CHECK(rules[0].verb == CurationVerb::alias);
  CHECK(rules[0].line == 3);
  CHECK(rules[0].type == EntityType::person);
  CHECK(rules[0].names == std::vector<std::string>{"Blair"});
  CHECK(rules[0].target == "Tony Blair");
  CHECK(rules[0].text == "alias person \"Blair\" => \"Tony Blair\"");
  CHECK(!rules[1].type);
  CHECK(rules[2].verb == CurationVerb::merge);
  CHECK(rules[2].names == std::vector<std::string>{"Liberal Democrats", "Lib Dems", "Lib Dem"});
  CHECK(rules[2].target == "Liberal Democrats");
  CHECK(rules[3].verb == CurationVerb::split);
  CHECK(rules[3].context_type == EntityType::organisation);
  CHECK(rules[3].context == "Treasury");
  CHECK(rules[3].target == "James Baker");
  CHECK(!rules[4].type);
  CHECK(!rules[4].context_type);
  CHECK(rules[5].verb == CurationVerb::type);
  CHECK(rules[5].type == EntityType::place);
  CHECK(rules[6].verb == CurationVerb::stop);
  CHECK(!rules[6].type);
  CHECK(rules[7].type == EntityType::organisation);
  CHECK(rules[7].names[0] == "The \"Bee\" \\ Co");
  CHECK(rules[7].line == 10);
  CHECK(parse_curation("", "c.txt").empty());
  CHECK(parse_curation("# only comments\n\n   \n", "c.txt").empty());
}

TEST_CASE("curation file: each mistake is one line naming the file and the line", "[curation]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"alais \"A\" => \"B\"", "c.txt:1: unknown verb 'alais': choose alias, merge, split, type or stop"},
      {"\n\"A\" => \"B\"", "c.txt:2: a rule starts with a verb: alias, merge, split, type or stop"},
      {"stop people \"Oscar\"", "c.txt:1: unknown type 'people': choose person, org or place"},
      {"stop \"Oscar", "c.txt:1: a quoted name is not closed (a name is written \"Tony Blair\")"},
      {"stop \"Os\\car\"", "c.txt:1: a backslash in a name must be followed by \" or \\"},
      {"stop Oscar", "c.txt:1: expected a name in double quotes, found 'Oscar'"},
      {"alias person Blair => \"Tony Blair\"", "c.txt:1: expected a name in double quotes, found 'Blair'"},
      {"stop person Oscar", "c.txt:1: expected a name in double quotes, found 'Oscar'"},
      {"stop", "c.txt:1: expected a name in double quotes at the end"},
      {"stop \"  \"", "c.txt:1: a name is empty"},
      {"stop \"Oscar\" \"Emmy\"", "c.txt:1: unexpected name \"Emmy\" after the rule"},
      {"alias \"A\" \"B\"", "c.txt:1: expected =>, found name \"B\""},
      {"alias \"A\" =>", "c.txt:1: expected a name in double quotes at the end"},
      {"merge org \"A\"", "c.txt:1: expected a name in double quotes at the end"},
      {"split \"Baker\" => \"James Baker\"", "c.txt:1: expected by, found '=>'"},
      {"type \"Tarnwick\"", "c.txt:1: expected a type (person, org or place), found name \"Tarnwick\""},
      {"stop \"ok\"\nstop \"caf\xE9\"", "c.txt:2: not valid UTF-8 (save the file as UTF-8)"},
      {"alias \"Blair\" => \"Tony Blair\"\nalias person \"BLAIR\" => \"Cherie Blair\"",
       "c.txt:2: \"BLAIR\" is already renamed on line 1"},
      {"alias \"Blair\" => \"Tony Blair\"\nmerge \"Anthony Blair\" \"Tony Blair\"",
       "c.txt:2: \"Tony Blair\" is the new name line 1 gives: give that line the final name"},
      {"merge org \"WTO\" \"World Trade Organisation\"\nalias org \"W.T.O.\" => \"World Trade Organisation\"",
       "c.txt:2: \"World Trade Organisation\" is renamed on line 1: give the final name"},
      {"type place \"Tarnwick\"\ntype person \"tarnwick\"", "c.txt:2: \"tarnwick\" is already given a type on line 1"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(usage_error_of([&] { parse_curation(c.text, "c.txt"); }) == c.message);
  }
  // Rules of different types do not contradict each other.
  CHECK(parse_curation("alias person \"Washington\" => \"George Washington\"\n"
                       "alias place \"Washington\" => \"Washington, D.C.\"",
                       "c.txt")
            .size() == 2);
}

TEST_CASE("curation file: a file of many thousands of rules is read, and a contradiction found, in one pass",
          "[curation]") {
  std::string text;
  constexpr int rules = 50000;
  for (int i = 0; i < rules; ++i)
    text += "alias person \"Name " + std::to_string(i) + "\" => \"Full Name " + std::to_string(i) + "\"\n";
  CHECK(parse_curation(text, "big.txt").size() == rules);
  text += "alias \"Full Name 7\" => \"Someone Else\"\n";
  CHECK(usage_error_of([&] { parse_curation(text, "big.txt"); }) ==
        "big.txt:50001: \"Full Name 7\" is the new name line 8 gives: give that line the final name");
}

TEST_CASE("curation applied to an article's entities", "[curation]") {
  struct Case {
    const char* rules;
    Entities extracted;
    const char* curated;
    std::vector<std::size_t> rules_applied;
  };
  const Case cases[] = {
      {"alias person \"Blair\" => \"Tony Blair\"", entities({{"Blair", "", 2}}), "person:Tony Blair=2", {0}},
      // A rename joins the entity of its new key: mentions added, the rule's name shown, most mentioned first.
      {"alias person \"Blair\" => \"Tony Blair\"",
       entities({{"Gordon Brown", "", 2}, {"Tony Blair", "", 1}, {"Blair", "", 3}}),
       "person:Tony Blair=4 person:Gordon Brown=2",
       {0}},
      // Keys compare through fold_key; a rule of another type does not apply.
      {"alias person \"BLAIR\" => \"Tony Blair\"", entities({}, {{"Blair", "", 1}}), "org:Blair=1", {}},
      {"alias \"Blair\" => \"Tony Blair\"", entities({}, {{"blair", "", 1}}), "org:Tony Blair=1", {0}},
      {"merge org \"Liberal Democrats\" \"Lib Dems\" \"Lib Dem\"",
       entities({}, {{"Lib Dem", "", 1}, {"Lib Dems", "", 2}, {"Labour", "", 2}}),
       "org:Liberal Democrats=3 org:Labour=2",
       {0}},
      // A type rule moves the name to its type, under any type it was given.
      {"type place \"Tarnwick\"",
       entities({{"Tarnwick", "", 1}}, {{"Tarnwick", "", 2}}, {{"Saltrey", "", 1}}),
       "place:Tarnwick=3 place:Saltrey=1",
       {0}},
      {"type place \"Tarnwick\"", entities({}, {}, {{"Tarnwick", "", 1}}), "place:Tarnwick=1", {}},
      {"stop \"Oscar\"", entities({{"Oscar", "", 1}}, {{"Oscar", "", 1}}), "", {0}},
      {"stop org \"Oscar\"", entities({{"Oscar", "", 1}}, {{"Oscar", "", 1}}), "person:Oscar=1", {0}},
      // A split applies only where the article also names its "by" entity; else a rename may.
      {"split person \"Baker\" by org \"Treasury\" => \"James Baker\"\nalias person \"Baker\" => \"Howard Baker\"",
       entities({{"Baker", "", 2}}, {{"Treasury", "", 1}}),
       "person:James Baker=2 org:Treasury=1",
       {0}},
      {"split person \"Baker\" by org \"Treasury\" => \"James Baker\"\nalias person \"Baker\" => \"Howard Baker\"",
       entities({{"Baker", "", 2}}, {}, {{"Treasury", "", 1}}),
       "person:Howard Baker=2 place:Treasury=1",
       {1}},
      // The "by" entity may be named under the name a rename gives it.
      {"split person \"Baker\" by \"US Treasury\" => \"James Baker\"\nalias org \"Treasury\" => \"US Treasury\"",
       entities({{"Baker", "", 2}}, {{"Treasury", "", 1}}),
       "person:James Baker=2 org:US Treasury=1",
       {0, 1}},
      // A renamed name goes through the type and stop rules of the name it now has.
      {"split person \"Kestrelby\" by org \"Kestrelby Athletic\" => \"Kestrelby Athletic\"\n"
       "type org \"Kestrelby Athletic\"",
       entities({{"Kestrelby", "", 2}}, {{"Kestrelby Athletic", "", 1}}),
       "org:Kestrelby Athletic=3",
       {0, 1}},
      {"alias \"Tembrel\" => \"River Tembrel\"\nstop place \"River Tembrel\"",
       entities({}, {}, {{"Tembrel", "", 1}, {"Saltrey", "", 1}}),
       "place:Saltrey=1",
       {0, 1}},
      // A rename that keeps the key gives the name only.
      {"alias \"Zoe Marchetti\" => \"Zoë Marchetti\"",
       entities({{"ZOE MARCHETTI", "", 1}}),
       "person:Zoë Marchetti=1",
       {0}},
      {"alias \"Zoe Marchetti\" => \"Zoë Marchetti\"",
       entities({{"Zoë Marchetti", "", 1}}),
       "person:Zoë Marchetti=1",
       {}},
  };
  for (const auto& c : cases) {
    INFO(c.rules << " on " << described(c.extracted));
    auto result = curation(c.rules).apply(c.extracted);
    CHECK(described(result.entities) == c.curated);
    CHECK(result.rules_applied == c.rules_applied);
    CHECK(result.changed == !c.rules_applied.empty());
  }
}

TEST_CASE("curation leaves lists no rule touches exactly as they were, and applying it twice changes nothing",
          "[curation]") {
  // Not ordered by mentions (an export's own tags): an untouched list keeps its order.
  auto extracted = entities({{"Ann Lee", "", 1}, {"Bob Ray", "", 5}}, {{"Acme", "", 1}}, {{"Brindlemouth", "", 1}});
  auto once = curation("stop org \"Acme\"\nalias \"Brindlemouth\" => \"Brindlemouth Town\"").apply(extracted);
  CHECK(described(once.entities) == "person:Ann Lee=1 person:Bob Ray=5 place:Brindlemouth Town=1");
  auto twice = curation("stop org \"Acme\"\nalias \"Brindlemouth\" => \"Brindlemouth Town\"").apply(once.entities);
  CHECK(described(twice.entities) == described(once.entities));
  CHECK(!twice.changed);
  CHECK(described(Curation().apply(extracted).entities) == described(extracted));
}

TEST_CASE("replace_entity_terms rewrites the entity terms and facet slots and nothing else", "[curation][schema]") {
  Article article;
  article.title = "Harbour strike";
  article.paragraphs = {"Dockers walked out."};
  article.path = "/in/a.txt";
  article.entities = entities({{"Blair", "", 2}, {"Oscar", "", 1}}, {{"Harbour Workers Union", "", 1}});
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("english"));
  auto document = make_document(article, indexer);
  auto terms_of = [](const Xapian::Document& d) {
    std::set<std::string> terms(d.termlist_begin(), d.termlist_end());
    return terms;
  };
  auto before = terms_of(document);
  auto data = document.get_data();

  replace_entity_terms(document, entities({{"Tony Blair", "", 2}}, {}, {{"Harbour Workers Union", "", 1}}));
  auto after = terms_of(document);
  CHECK(after.count("XPtony blair"));
  CHECK(after.count("XLharbour workers union"));
  for (const auto* gone : {"XPblair", "XPoscar", "XOharbour workers union"}) CHECK(!after.count(gone));
  CHECK(document.get_value(schema::person_first_slot) == "tony blair");
  CHECK(document.get_value(schema::person_first_slot + 1).empty());
  CHECK(document.get_value(schema::org_first_slot).empty());
  CHECK(document.get_value(schema::place_first_slot) == "harbour workers union");
  CHECK(document.get_data() == data);
  // Every other term stays.
  std::set<std::string> others_before, others_after;
  auto entity_term = [](const std::string& t) {
    return t.starts_with("XP") || t.starts_with("XO") || t.starts_with("XL");
  };
  for (const auto& t : before)
    if (!entity_term(t)) others_before.insert(t);
  for (const auto& t : after)
    if (!entity_term(t)) others_after.insert(t);
  CHECK(others_after == others_before);

  // The extracted entities back: the document is as make_document made it.
  replace_entity_terms(document, article.entities);
  CHECK(terms_of(document) == before);
  CHECK(document.get_value(schema::person_first_slot + 1) == "oscar");
}
