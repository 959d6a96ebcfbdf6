// Reading while an indexer commits: the searcher reopens and retries, the user never sees
// Xapian's DatabaseModifiedError.
#include <catch2/catch.hpp>

#include "common/search/search.hpp"
#include "tests/cli/test_search_fixture.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using namespace newsdex::test;

TEST_CASE("search: commits by a writer during a batch never surface as errors", "[cli][search]") {
  TempDir dir("search-concurrent");
  auto path = dir.path() / "db";
  auto articles = fixture_articles();
  // Filler articles, each with words of its own: tables of several levels, whose blocks the rewrites
  // below free and reuse. A database of one block per table stays in the reader's memory, and an
  // old revision is then read to the end without error.
  auto fixture = articles;
  for (int i = 0; i < 300; ++i)
    fixture.push_back(fixture_article("filler-" + std::to_string(i), "Weather report " + std::to_string(i), "2020-01-01",
                                      "Almanac", {"Rain word" + std::to_string(i) + " and wind word" + std::to_string(i * 7)},
                                      {}, {}, {}));
  build_fixture_db(path, fixture);
  Searcher searcher(Xapian::Database(path.string()));
  SearchRequest request;
  request.text = "hostages";
  REQUIRE(searcher.search(request).hits.size() == 3);

  // Rewrite every document over several commits: the revision the searcher opened is overwritten,
  // which makes an unprepared reader fail with DatabaseModifiedError.
  {
    Xapian::WritableDatabase writer(path.string());
    Xapian::TermGenerator indexer;
    indexer.set_stemmer(Xapian::Stem("english"));
    for (int round = 0; round < 6; ++round) {
      for (std::size_t i = 0; i < fixture.size(); ++i) {
        auto& article = fixture[i];
        bool story = i < articles.size();  // the eight: the fillers never mention hostages
        article.paragraphs.push_back("Round " + std::to_string(round) + " adds a line to the " +
                                     (story ? "hostages story." : "weather."));
        writer.replace_document(schema::id_term(article.id), make_document(article, indexer));
      }
      writer.commit();
    }
  }
  SearchResponse response;
  REQUIRE_NOTHROW(response = searcher.search(request));
  // 7: every article now mentions hostages (the two copies still collapse), so the search ran on
  // the new revision after reopening.
  CHECK(response.hits.size() == 7);
  for (const auto& hit : response.hits) CHECK(!hit.article.title.empty());
}
