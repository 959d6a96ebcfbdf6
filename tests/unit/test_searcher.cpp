// Searcher (common/search/search.hpp) on its own, over a small database the test writes: ranking,
// filters, sort orders, paging, facet counts, snippets, the fallback to any word, auto-correction.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/search/search.hpp"
#include "tests/support.hpp"
#include "tests/unit/written_articles.hpp"

using namespace newsdex;
using namespace newsdex::test;

namespace {

// "harbour" is in h1 four times (title and body), in h4 twice, in h2 and h5 once; h3 lacks it.
const std::vector<ArticleSpec> articles{
    {"h1",
     "Harbour storm damage",
     "A storm damaged the harbour wall. The harbour master said the harbour will reopen.",
     "2024-03-01",
     "Coast News",
     {"Ida Merrow"}},
    {"h2",
     "Council meeting",
     "The council discussed the harbour budget among many other long agenda items today.",
     "2024-01-15",
     "City Wire",
     {"Ida Merrow", "Tom Reyne"}},
    {"h3", "School opens", "A new school opened in the town centre.", "2024-02-10", "City Wire", {"Tom Reyne"}},
    {"h4", "Harbour festival", "The festival drew crowds to the harbour front.", "2024-04-20", "Coast News", {}},
    {"h5",
     "Rail line",
     "The rail line to the harbour reopens next week after a long closure for works.",
     "2023-12-05",
     "Bay Times",
     {}},
};

class SmallIndex {
 public:
  SmallIndex() : dir_("searcher") {
    Xapian::WritableDatabase db(dir_.path().string(), Xapian::DB_CREATE_OR_OPEN);
    write_articles(db, articles);
  }
  SearchResponse search(SearchRequest request) {
    Searcher searcher(Xapian::Database(dir_.path().string()), true);
    return searcher.search(request);
  }
  SearchResponse search(const std::string& text) {
    SearchRequest request;
    request.text = text;
    return search(request);
  }

 private:
  TempDir dir_;
};

std::vector<std::string> ids(const SearchResponse& response) {
  std::vector<std::string> out;
  for (const auto& hit : response.hits) out.push_back(hit.article.id);
  return out;
}

SearchRequest request_for(const std::string& text) {
  SearchRequest request;
  request.text = text;
  return request;
}

}  // namespace

TEST_CASE("searcher: more mentions rank higher; ranks, weights and counts agree", "[searcher]") {
  SmallIndex index;
  auto response = index.search("harbour");
  CHECK(ids(response) == std::vector<std::string>{"h1", "h4", "h2", "h5"});
  CHECK(response.counts.exact());
  CHECK(response.counts.estimated == 4);
  CHECK(response.sort == SortOrder::relevance);
  for (std::size_t i = 0; i < response.hits.size(); ++i) {
    CHECK(response.hits[i].rank == i + 1);
    if (i > 0) CHECK(response.hits[i].weight <= response.hits[i - 1].weight);
  }
}

TEST_CASE("searcher: filters keep only the articles they name", "[searcher]") {
  SmallIndex index;
  struct Case {
    std::vector<std::string> people, sources;
    std::string from, to;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {{}, {"City Wire"}, "", "", {"h2"}},
      {{"Ida Merrow"}, {}, "", "", {"h1", "h2"}},
      {{"Tom Reyne"}, {}, "", "", {"h2"}},
      {{}, {}, "2024-03", "", {"h1", "h4"}},
      {{}, {}, "2024-01", "2024-02", {"h2"}},
      {{}, {"Bay Times", "City Wire"}, "", "", {"h2", "h5"}},
      {{"Ida Merrow"}, {"Coast News"}, "", "2024-12", {"h1"}},
  };
  for (const auto& c : cases) {
    auto request = request_for("harbour");
    request.query.filters.people = c.people;
    request.query.filters.sources = c.sources;
    request.query.filters.from = c.from;
    request.query.filters.to = c.to;
    auto found = ids(index.search(request));
    std::sort(found.begin(), found.end());
    CHECK(found == c.expected);
  }
}

TEST_CASE("searcher: newest and oldest sort by date; filters alone sort newest first", "[searcher]") {
  SmallIndex index;
  struct Case {
    std::string text;
    SortOrder sort;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"harbour", SortOrder::newest, {"h4", "h1", "h2", "h5"}},
      {"harbour", SortOrder::oldest, {"h5", "h2", "h1", "h4"}},
      {"source:\"City Wire\"", SortOrder::relevance, {"h3", "h2"}},
  };
  for (const auto& c : cases) {
    auto request = request_for(c.text);
    request.sort = c.sort;
    auto response = index.search(request);
    CHECK(ids(response) == c.expected);
    CHECK(response.sort == (c.sort == SortOrder::oldest ? SortOrder::oldest : SortOrder::newest));
  }
}

TEST_CASE("searcher: a page is the same slice of the whole list, ranked over it", "[searcher]") {
  SmallIndex index;
  auto whole = index.search("harbour");
  REQUIRE(whole.hits.size() == 4);
  struct Case {
    std::size_t offset, limit;
  };
  for (auto c : {Case{0, 2}, Case{1, 2}, Case{3, 5}, Case{4, 2}}) {
    auto request = request_for("harbour");
    request.offset = c.offset;
    request.limit = c.limit;
    auto page = index.search(request);
    auto end = std::min<std::size_t>(4, c.offset + c.limit);
    REQUIRE(page.hits.size() == end - std::min<std::size_t>(4, c.offset));
    for (std::size_t i = 0; i < page.hits.size(); ++i) {
      CHECK(page.hits[i].docid == whole.hits[c.offset + i].docid);
      CHECK(page.hits[i].rank == c.offset + i + 1);
    }
  }
}

TEST_CASE("searcher: facets count every match, not only the page", "[searcher]") {
  SmallIndex index;
  auto request = request_for("harbour");
  request.limit = 1;
  request.facets = {FacetField::source, FacetField::person};
  auto response = index.search(request);
  CHECK(response.hits.size() == 1);
  REQUIRE(response.facets.size() == 2);
  auto values = [](const Facet& facet) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (const auto& value : facet.values) out.emplace_back(value.key, value.count);
    return out;
  };
  using Counts = std::vector<std::pair<std::string, Xapian::doccount>>;
  CHECK(response.facets[0].field == FacetField::source);
  CHECK(values(response.facets[0]) == Counts{{"coast news", 2}, {"bay times", 1}, {"city wire", 1}});
  CHECK(response.facets[1].field == FacetField::person);
  CHECK(values(response.facets[1]) == Counts{{"ida merrow", 2}, {"tom reyne", 1}});
  CHECK(response.facets[1].values[0].name == "Ida Merrow");
  CHECK(response.facets[0].exact);
  CHECK(response.counts.exact());
  CHECK(response.counts.lower_bound == 4);
}

TEST_CASE("searcher: titles and snippets mark the words found", "[searcher]") {
  SmallIndex index;
  auto request = request_for("festival");
  request.snippet_length = 30;
  auto response = index.search(request);
  REQUIRE(response.hits.size() == 1);
  const auto& hit = response.hits[0];
  REQUIRE(hit.title.highlights.size() == 1);
  CHECK(hit.title.text.substr(hit.title.highlights[0].begin, 8) == "festival");
  REQUIRE_FALSE(hit.snippet.highlights.empty());
  const auto& range = hit.snippet.highlights[0];
  CHECK(hit.snippet.text.substr(range.begin, range.end - range.begin) == "festival");
  request.snippet_length = 0;
  CHECK(index.search(request).hits[0].snippet.text.empty());
}

TEST_CASE("searcher: when no article has all the words, the page goes on with those having some", "[searcher]") {
  SmallIndex index;
  auto response = index.search("harbour volcano");
  CHECK(response.fallback_to_any);
  CHECK(ids(response) == std::vector<std::string>{"h1", "h4", "h2", "h5"});
  // One article has both words: it comes first, the others follow ranked after it, page by page.
  auto mixed = index.search("harbour festival");
  CHECK(mixed.fallback_to_any);
  REQUIRE(mixed.hits.size() == 4);
  CHECK(mixed.hits[0].article.id == "h4");
  for (std::size_t i = 0; i < mixed.hits.size(); ++i) CHECK(mixed.hits[i].rank == i + 1);
  auto second_page = request_for("harbour festival");
  second_page.offset = 2;
  second_page.limit = 2;
  auto page = index.search(second_page);
  REQUIRE(page.hits.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(page.hits[i].docid == mixed.hits[2 + i].docid);
    CHECK(page.hits[i].rank == 3 + i);
  }
  auto all_only = request_for("harbour volcano");
  all_only.query.word_operator = WordOperator::all;
  auto strict = index.search(all_only);
  CHECK_FALSE(strict.fallback_to_any);
  CHECK(strict.hits.empty());
}

TEST_CASE("searcher: auto-correction runs the suggestion when the query finds nothing", "[searcher]") {
  SmallIndex index;
  auto plain = index.search("festivel");
  CHECK(plain.hits.empty());
  CHECK(plain.suggestion == "festival");
  auto request = request_for("festivel");
  request.auto_correct = true;
  auto corrected = index.search(request);
  CHECK(ids(corrected) == std::vector<std::string>{"h4"});
  CHECK(corrected.corrected_from == "festivel");
  CHECK(corrected.request.text == "festivel");
}
