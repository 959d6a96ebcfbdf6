// Co-occurrence counting (issue 17, item 4): each article counts once for each pair of its
// entities, pairs are ordered person < org < place then by key, sorted by count with a limit; the
// counts agree with a brute-force count over random articles.
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "common/search/cooccurrence.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using newsdex::test::usage_error_of;

namespace {

using Named = std::pair<FacetField, std::string>;

void add_article(PairCounter& counter, const std::vector<Named>& entities) {
  counter.begin_article();
  for (const auto& [type, key] : entities) counter.add(type, key);
  counter.end_article();
}

}  // namespace

TEST_CASE("pairs count the articles naming both, once each", "[cooccurrence]") {
  PairCounter counter;
  add_article(counter, {{FacetField::place, "gaza"}, {FacetField::person, "zoe"}, {FacetField::org, "hamas"}});
  add_article(counter, {{FacetField::person, "zoe"}, {FacetField::place, "gaza"}, {FacetField::place, "gaza"}});
  add_article(counter, {{FacetField::person, "ann"}});  // no pair
  add_article(counter, {});
  std::size_t distinct = 0;
  auto pairs = counter.top(10, distinct);
  CHECK(counter.articles() == 4);
  CHECK(distinct == 3);
  REQUIRE(pairs.size() == 3);
  // Most articles first; a before b by type (person, org, place), then key; ties by a, then b.
  CHECK(pairs[0] == EntityPair{{FacetField::person, "zoe", "zoe"}, {FacetField::place, "gaza", "gaza"}, 2});
  CHECK(pairs[1] == EntityPair{{FacetField::person, "zoe", "zoe"}, {FacetField::org, "hamas", "hamas"}, 1});
  CHECK(pairs[2] == EntityPair{{FacetField::org, "hamas", "hamas"}, {FacetField::place, "gaza", "gaza"}, 1});
  CHECK(counter.top(1, distinct).size() == 1);
  CHECK(distinct == 3);
}

TEST_CASE("the same key under two types is two entities", "[cooccurrence]") {
  PairCounter counter;
  add_article(counter, {{FacetField::org, "jordan"}, {FacetField::place, "jordan"}});
  std::size_t distinct = 0;
  auto pairs = counter.top(10, distinct);
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].a.type == FacetField::org);
  CHECK(pairs[0].b.type == FacetField::place);
}

TEST_CASE("pair counts agree with a brute-force count", "[cooccurrence]") {
  std::mt19937 random(17);
  const std::vector<Named> pool{{FacetField::person, "a"}, {FacetField::person, "b"}, {FacetField::person, "c"},
                                {FacetField::org, "a"},    {FacetField::org, "d"},    {FacetField::place, "e"},
                                {FacetField::place, "f"},  {FacetField::place, "g"}};
  PairCounter counter;
  std::map<std::pair<Named, Named>, Xapian::doccount> expected;
  for (int article = 0; article < 500; ++article) {
    std::vector<Named> entities;
    for (const auto& entity : pool)
      if (random() % 3 == 0) entities.push_back(entity);
    std::shuffle(entities.begin(), entities.end(), random);
    add_article(counter, entities);
    std::set<Named> unique(entities.begin(), entities.end());
    for (auto i = unique.begin(); i != unique.end(); ++i)
      for (auto j = std::next(i); j != unique.end(); ++j) ++expected[{*i, *j}];
  }
  std::size_t distinct = 0;
  auto pairs = counter.top(1000, distinct);
  CHECK(distinct == expected.size());
  REQUIRE(pairs.size() == expected.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto& p = pairs[i];
    Named a{p.a.type, p.a.key}, b{p.b.type, p.b.key};
    CHECK(a < b);
    CHECK(p.articles == expected.at({a, b}));
    if (i > 0) CHECK(pairs[i - 1].articles >= p.articles);
  }
}

TEST_CASE("co-occurrence types and sizes parse", "[cooccurrence]") {
  CHECK(parse_cooccurrence_types("all") ==
        std::vector<FacetField>{FacetField::person, FacetField::org, FacetField::place});
  CHECK(parse_cooccurrence_types("place,person,place") ==
        std::vector<FacetField>{FacetField::person, FacetField::place});
  CHECK(usage_error_of([] { parse_cooccurrence_types("person,source"); }) ==
        "unknown --cooccurrence entity type 'source': choose person, org, place or all");
  CHECK(usage_error_of([] { parse_cooccurrence_types(","); }) ==
        "--cooccurrence: name the entity types (person, org, place) or all");
  CHECK(parse_pair_limit("--cooccurrence-size", "all") == max_pair_limit);
  CHECK(parse_pair_limit("--cooccurrence-size", "25") == 25);
  CHECK(usage_error_of([] { parse_pair_limit("--cooccurrence-size", "0"); }) != "no error");
}
