// The layout of the readable text output (common/output/printers_text.cpp): a title for every
// result, the id only when it says more than the location, duplicate locations, facet counts
// right-aligned, and lines wrapped to a width at spaces with an indent.
#include <catch2/catch.hpp>
#include <sstream>

#include "common/output/printers.hpp"

using namespace newsdex;

namespace {

std::string printed(const SearchResponse& response, std::size_t width = 0) {
  std::ostringstream out;
  print_text(out, response, {false, width});
  return out.str();
}

Hit hit_of(Article article) {
  Hit hit;
  hit.rank = 1;
  hit.docid = 7;
  hit.title.text = article.title;
  hit.article = std::move(article);
  return hit;
}

SearchResponse response_of(std::vector<Hit> hits) {
  SearchResponse response;
  response.hits = std::move(hits);
  response.counts = {1, 1, 1};
  response.matching = {1, 1, 1};
  return response;
}

}  // namespace

TEST_CASE("a result without a title shows the lede's first words, else the file name", "[printers][layout]") {
  struct Case {
    std::string lede, paragraph, path, url, shown;
  };
  const Case cases[] = {
      {"Dockers voted on Sunday to end the strike at the harbour after three long months.", "", "/a/b.txt", "",
       "Dockers voted on Sunday to end the strike at the\xE2\x80\xA6"},  // ten words
      {"Short lede.", "", "/a/b.txt", "", "Short lede."},
      {"", "Only a paragraph here.", "/a/b.txt", "", "Only a paragraph here."},
      {"", "", "/archive/2024/story.html", "", "story.html"},
      {"", "", "", "https://x.example/a", "https://x.example/a"},
      {"", "", "", "", "(untitled)"},
  };
  for (const auto& c : cases) {
    INFO(c.shown);
    Article article;
    article.lede = c.lede;
    if (!c.paragraph.empty()) article.paragraphs = {c.paragraph};
    article.path = c.path;
    article.url = c.url;
    CHECK(fallback_title(article) == c.shown);
    auto text = printed(response_of({hit_of(article)}));
    CHECK(text.find("1. " + c.shown + "\n") != std::string::npos);
  }
}

TEST_CASE("the id is shown only when the location does not already say it", "[printers][layout]") {
  struct Case {
    std::string id, path, url, last_line;
  };
  const Case cases[] = {
      {"file:/c/a.txt#0", "/c/a.txt", "", "   /c/a.txt  [docid 7]\n"},
      {"file:/c/a.jsonl#12", "/c/a.jsonl", "", "   /c/a.jsonl  [docid 7]\n"},
      {"url:https://x.example/a", "/c/a.html", "https://x.example/a", "   https://x.example/a  [docid 7]\n"},
      {"export:77", "/c/e.jsonl", "", "   /c/e.jsonl  [id export:77, docid 7]\n"},
      {"file:/c/a.txt#0#body-1234", "/c/a.txt", "", "   /c/a.txt  [id file:/c/a.txt#0#body-1234, docid 7]\n"},
  };
  for (const auto& c : cases) {
    INFO(c.id);
    Article article;
    article.title = "T";
    article.id = c.id;
    article.path = c.path;
    article.url = c.url;
    CHECK(printed(response_of({hit_of(article)})).find(c.last_line) != std::string::npos);
  }
}

TEST_CASE("duplicate locations are shown under the result", "[printers][layout]") {
  Article article;
  article.title = "T";
  article.id = "file:/c/a.txt#0";
  article.path = "/c/a.txt";
  for (const char* path : {"/c/b.txt", "/c/c.txt", "/c/d.txt", "/c/e.txt"}) {
    DuplicateLocation location;
    location.path = path;
    article.duplicates.push_back(location);
  }
  article.duplicates[1].url = "https://x.example/c";
  CHECK(printed(response_of({hit_of(article)}))
            .find("   /c/a.txt  [docid 7]\n   also at: /c/b.txt, https://x.example/c, /c/d.txt, +1 more\n") !=
        std::string::npos);
}

TEST_CASE("facet counts are right-aligned", "[printers][layout]") {
  auto response = response_of({});
  Facet facet;
  facet.field = FacetField::place;
  facet.values = {{"saltrey", "Saltrey", 1204}, {"port essling", "Port Essling", 87}, {"tarnwick", "Tarnwick", 5}};
  response.facets.push_back(facet);
  CHECK(printed(response).find("place:\n  1204  Saltrey\n    87  Port Essling\n     5  Tarnwick\n") !=
        std::string::npos);
}

TEST_CASE("with a width, lines wrap at spaces and go on at the indent; without one they never wrap",
          "[printers][layout]") {
  Article article;
  article.title = "Harbour strike ends after three months of talks";
  article.id = "file:/c/a.txt#0";
  article.path = "/c/a.txt";
  auto hit = hit_of(article);
  hit.snippet.text = "Dockers voted on Sunday to end the strike at the harbour, the union said.";
  auto response = response_of({hit});
  auto wide = printed(response);
  CHECK(wide.find("   " + hit.snippet.text + "\n") != std::string::npos);
  auto narrow = printed(response, 30);
  CHECK(narrow.find("1. Harbour strike ends after\n   three months of talks\n") != std::string::npos);
  CHECK(narrow.find("   Dockers voted on Sunday to\n   end the strike at the\n   harbour, the union said.\n") !=
        std::string::npos);
  std::istringstream lines(narrow);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(line.size() <= 30);
    CHECK_FALSE(line.ends_with(" "));
  }
}
