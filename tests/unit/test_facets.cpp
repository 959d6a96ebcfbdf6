// Facet arithmetic: merging per-slot counts, choosing the top values, date buckets, names.
#include <catch2/catch.hpp>

#include "common/base/errors.hpp"
#include "common/search/facets.hpp"
#include "common/store/schema.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using newsdex::test::usage_error_of;

TEST_CASE("per-slot counts add up per key", "[facets]") {
  // An article naming a and b: a in slot 0, b in slot 1; another naming b first.
  std::vector<ValueCounts> per_slot{{{"a", 1}, {"b", 1}}, {{"b", 1}, {"c", 2}}, {}};
  CHECK(merge_counts(per_slot) == ValueCounts{{"a", 1}, {"b", 2}, {"c", 2}});
  CHECK(merge_counts({}).empty());
}

TEST_CASE("top values: largest counts first, ties by key, at most size", "[facets]") {
  ValueCounts counts{{"a", 1}, {"b", 3}, {"c", 3}, {"d", 2}};
  auto top = top_values(counts, 3);
  REQUIRE(top.size() == 3);
  CHECK(top[0].key == "b");
  CHECK(top[1].key == "c");
  CHECK(top[2].key == "d");
  CHECK(top_values(counts, 10).size() == 4);
  CHECK(top_values(counts, 0).empty());
}

TEST_CASE("date facets use years, months or days to suit the span, every bucket listed", "[facets]") {
  // Automatic choice (the default): the same granularity as before; since issue 17 the buckets in
  // between are listed too, with 0.
  using Buckets = std::vector<std::pair<std::string, Xapian::doccount>>;
  struct Case {
    ValueCounts days;
    DateGranularity granularity;
    Buckets buckets;
  };
  const Case cases[] = {
      {{{"20241105", 2}, {"20241107", 1}},
       DateGranularity::day,
       {{"2024-11-05", 2}, {"2024-11-06", 0}, {"2024-11-07", 1}}},
      {{{"20240905", 1}, {"20241120", 1}, {"20241121", 1}},
       DateGranularity::month,
       {{"2024-09", 1}, {"2024-10", 0}, {"2024-11", 2}}},
      {{{"20220501", 1}, {"20230110", 1}, {"20241105", 3}},
       DateGranularity::year,
       {{"2022", 1}, {"2023", 1}, {"2024", 3}}},
      {{}, DateGranularity::day, {}},
  };
  for (const auto& c : cases) {
    auto histogram = date_histogram(c.days, DateGranularity::automatic);
    CHECK(histogram.granularity == c.granularity);
    CHECK(histogram.buckets == c.buckets);
  }
}

TEST_CASE("the date facet takes a granularity; other facets do not", "[facets]") {
  DateGranularity granularity = DateGranularity::automatic;
  CHECK(parse_facet_fields("person,date:week", &granularity) ==
        std::vector<FacetField>{FacetField::person, FacetField::date});
  CHECK(granularity == DateGranularity::week);
  CHECK(parse_facet_fields("date:year", &granularity).size() == 1);
  CHECK(granularity == DateGranularity::year);
  CHECK(usage_error_of([] { parse_facet_fields("date:fortnight"); }) ==
        "unknown date facet granularity 'fortnight': choose day, week, month or year");
  CHECK(usage_error_of([] { parse_facet_fields("person:week"); }) ==
        "facet 'person:week': only the date facet takes a granularity (date:week)");
}

TEST_CASE("facet names parse from comma lists", "[facets]") {
  CHECK(parse_facet_fields("person,org,date") ==
        std::vector<FacetField>{FacetField::person, FacetField::org, FacetField::date});
  CHECK(parse_facet_fields("place,,place").size() == 1);
  CHECK_THROWS_AS(parse_facet_fields("person,colour"), UsageError);
}

TEST_CASE("keys without a display name are title-cased", "[facets]") {
  CHECK(title_case("zoe marchetti") == "Zoe Marchetti");
  CHECK(title_case("élodie d'arc-levy") == "Élodie D'arc-Levy");
  CHECK(title_case("") == "");
}

TEST_CASE("our slot-run spies count the same as one built-in spy per slot", "[facets]") {
  // An in-memory database: the people of each document in slots 10, 11, ... from the first, as the
  // indexer stores them; one document has none.
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::vector<std::string>> people{{"a", "b"}, {"b"}, {}, {"c", "a", "d"}, {"a"}};
  for (const auto& names : people) {
    Xapian::Document document;
    document.add_term("Xall");
    for (std::size_t i = 0; i < names.size(); ++i)
      document.add_value(schema::person_first_slot + static_cast<Xapian::valueno>(i), names[i]);
    document.add_value(schema::source_slot, names.empty() ? "none" : "some");
    database.add_document(document);
  }
  auto count = [&](bool local) {
    FacetCollector collector({FacetField::person, FacetField::source}, local);
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query("Xall"));
    collector.attach(enquire);
    enquire.get_mset(0, 10, database.get_doccount());
    return collector.results({database}, 10, true);
  };
  auto local = count(true), builtin = count(false);
  REQUIRE(local.size() == 2);
  CHECK(local[0].values == builtin[0].values);
  CHECK(local[1].values == builtin[1].values);
  CHECK(local[0].values == std::vector<FacetValue>{{"a", "A", 3}, {"b", "B", 2}, {"c", "C", 1}, {"d", "D", 1}});
}

namespace {

// Counts facets from a FacetValueCache and by reading each match's values, on a small database of
// people and sources, some with display names in the metadata.
void check_cache_counts_like_per_match(Xapian::WritableDatabase database) {
  const std::vector<std::vector<std::string>> people{{"a", "b"}, {"b"}, {}, {"c", "a", "d"}, {"a"}, {"e"}};
  for (std::size_t d = 0; d < people.size(); ++d) {
    Xapian::Document document;
    document.add_term(d % 2 ? "Xodd" : "Xeven");
    for (std::size_t i = 0; i < people[d].size(); ++i)
      document.add_value(schema::person_first_slot + static_cast<Xapian::valueno>(i), people[d][i]);
    document.add_value(schema::source_slot, people[d].empty() ? "none" : "some");
    database.add_document(document);
  }
  auto name_key = [](std::string prefix, std::string key) {
    return std::string(schema::entity_name_key_prefix) + prefix + key;
  };
  // Names for some values, and for keys no article has (between, before and after theirs).
  database.set_metadata(name_key("XP", "a"), "Ann A.");
  database.set_metadata(name_key("XP", "aa"), "Nobody");
  database.set_metadata(name_key("XP", "c"), "Cy C.");
  database.set_metadata(name_key("XP", "zz"), "Nobody");
  database.set_metadata(name_key("XO", "b"), "Not a person");
  database.set_metadata(name_key("XS", "some"), "Some Source");
  database.commit();
  FacetValueCache cache(database);
  for (const char* term : {"Xodd", "Xeven"}) {  // one cache serves query after query
    auto count = [&](FacetCollector& collector, const std::string& query) {
      Xapian::Enquire enquire(database);
      enquire.set_query(Xapian::Query(query));
      collector.attach(enquire);
      enquire.get_mset(0, 10, database.get_doccount());
      std::vector<Facet> all;  // for several facet sizes: ties at the cut are broken alike
      for (std::size_t size : {1, 2, 10})
        for (auto& facet : collector.results({database}, size, true)) all.push_back(std::move(facet));
      return all;
    };
    const std::string other_term = std::string(term) == "Xodd" ? "Xeven" : "Xodd";
    FacetCollector alongside({FacetField::person, FacetField::source}, cache);  // counts at the same time
    FacetCollector cached({FacetField::person, FacetField::source, FacetField::date}, cache);
    FacetCollector per_match({FacetField::person, FacetField::source, FacetField::date}, true);
    auto other_from_cache = count(alongside, other_term);
    auto from_cache = count(cached, term), read = count(per_match, term);
    FacetCollector other_per_match({FacetField::person, FacetField::source}, true);
    auto other_read = count(other_per_match, other_term);
    INFO(term);
    REQUIRE(other_from_cache.size() == 6);
    for (std::size_t f = 0; f < 6; ++f) CHECK(other_from_cache[f].values == other_read[f].values);
    REQUIRE(from_cache.size() == 9);
    for (std::size_t f = 0; f < 9; ++f) {
      CHECK(from_cache[f].values == read[f].values);  // names too
      CHECK(from_cache[f].other_values == read[f].other_values);
    }
    CHECK(from_cache[0].values.at(0).name == "Ann A.");  // person a first: by count, else by key
    CHECK(from_cache[1].values.at(0).name == "Some Source");
  }
  FacetCollector everyone({FacetField::person}, cache);
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Xodd"), Xapian::Query("Xeven")));
  everyone.attach(enquire);
  enquire.get_mset(0, 10, database.get_doccount());
  std::vector<std::string> names;
  auto facets = everyone.results({database}, 10, true);  // kept: a loop over a temporary's member would outlive it
  for (const auto& value : facets.at(0).values) names.push_back(value.name);
  CHECK(names == std::vector<std::string>{"Ann A.", "B", "Cy C.", "D", "E"});  // a 3, b 2, then by key
}

}  // namespace

TEST_CASE("facet values kept in memory count the same as reading them per match", "[facets]") {
  SECTION("on disk") {
    test::TempDir dir("facet-cache");
    check_cache_counts_like_per_match(Xapian::WritableDatabase((dir.path() / "db").string(), Xapian::DB_CREATE));
  }
  SECTION("in memory") {
    check_cache_counts_like_per_match(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
  }
}
