// The text printer shows every string from an article, a file or the query with its control
// characters escaped as \xHH, while its own line ends and colour codes are written as they are.
#include <catch2/catch.hpp>
#include <sstream>

#include "common/output/printers.hpp"

using namespace newsdex;

namespace {

std::string printed(const SearchResponse& response, bool color) {
  std::ostringstream out;
  print_text(out, response, {color});
  return out.str();
}

SearchResponse response_with_title(const std::string& title) {
  SearchResponse response;
  Hit hit;
  hit.rank = 1;
  hit.docid = 7;
  hit.article.title = title;
  hit.article.id = "url:x";
  hit.article.url = "https://x.example/";
  hit.title.text = title;
  response.hits.push_back(hit);
  response.counts = {1, 1, 1};
  return response;
}

}  // namespace

TEST_CASE("text output escapes control characters, and only them", "[printers][terminal]") {
  struct Case {
    std::string title, shown;
  };
  const Case cases[] = {
      {"plain title", "plain title"},
      {"Zoë, 日本, “quotes” — €", "Zoë, 日本, “quotes” — €"},  // printable Unicode stays as it is
      {"set \x1b]0;pwned\x07 title", "set \\x1B]0;pwned\\x07 title"},
      {"clear \x1b[2J screen", "clear \\x1B[2J screen"},
      {"two\nlines", "two\\x0Alines"},  // a field is one line
      {"a\ttab\rreturn", "a\\x09tab\\x0Dreturn"},
      {std::string("nul\0byte", 8), "nul\\x00byte"},
      {"del\x7f", "del\\x7F"},
      {"c1 \xc2\x9b"
       "31m \xc2\x80 \xc2\x9f",
       "c1 \\x9B31m \\x80 \\x9F"},                       // U+009B (CSI), U+0080, U+009F
      {"nbsp\xc2\xa0ok", "nbsp\xc2\xa0ok"},              // U+00A0 is not a control
      {"lone \x9b byte \xff", "lone \\x9B byte \\xFF"},  // not UTF-8: shown as bytes
      {"cut \xe2\x82", "cut \\xE2\\x82"},
  };
  for (const auto& c : cases) {
    INFO(c.shown);
    auto text = printed(response_with_title(c.title), false);
    CHECK(text.find("1. " + c.shown + "\n") != std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("text output keeps its own colours around escaped text", "[printers][terminal]") {
  auto response = response_with_title("harbour \x1b[2J strike");
  response.hits[0].title.highlights = {{0, 7}};
  response.suggestion = "did \x1b]0;x\x07";
  response.parsed.stopwords = {"the\x1b"};
  Facet facet;
  facet.field = FacetField::place;
  facet.values.push_back({"x", "Port\x1b[2J Town", 3});
  response.facets.push_back(facet);
  auto text = printed(response, true);
  CHECK(text.find("1. \x1b[1m\x1b[1;33mharbour\x1b[0m\x1b[1m \\x1B[2J strike\x1b[0m\n") != std::string::npos);
  CHECK(text.find("Did you mean: did \\x1B]0;x\\x07\n") != std::string::npos);
  CHECK(text.find("(ignored common words: the\\x1B)") != std::string::npos);
  CHECK(text.find("  3  Port\\x1B[2J Town\n") != std::string::npos);
  CHECK(text.find("\x1b[2m") != std::string::npos);  // details dimmed
  auto plain = printed(response, false);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(plain.find("1. harbour \\x1B[2J strike\n") != std::string::npos);
}

// The entity listing's details (newsdex-search --entities): the written forms when they say more than
// the name, and the other types the same key has, which the collection-wide resolution now leaves to
// names without a clear majority (so no CLI test on the sample collection reaches the line).
TEST_CASE("entity listing: written forms and other types are listed under the name", "[printers][entities]") {
  ListedEntity split{schema::EntityType::place, "kestrelby", "Kestrelby", 9, {}, {}};
  split.variants = {{"Kestrelby", 6}, {"KESTRELBY", 3}};
  split.other_types = {{schema::EntityType::person, 2}, {schema::EntityType::organisation, 1}};
  ListedEntity plain{schema::EntityType::person, "ruben alder", "Ruben Alder", 1, {{"Ruben Alder", 1}}, {}};
  EntityListing listing;
  listing.limit = 10;
  listing.articles_read = 12;
  listing.total = 2;
  listing.entities = {split, plain};
  std::ostringstream out;
  print_entity_listing_text(out, listing, {false});
  const auto text = out.str();
  struct Case {
    std::string line;
    bool listed;
  };
  const Case cases[] = {
      {"2 entities (showing 1-2, most articles first) in 12 articles\n", true},
      {"written as: Kestrelby (6), KESTRELBY (3)\n", true},
      {"also as: person (2), org (1)\n", true},
      {"written as: Ruben Alder", false},  // the one form is the name: nothing more to say
  };
  for (const auto& c : cases) {
    INFO(text << "\nline: " << c.line);
    CHECK((text.find(c.line) != std::string::npos) == c.listed);
  }
  // The details sit under their own name, the other types after the written forms.
  CHECK(text.find("Kestrelby\n") < text.find("written as:"));
  CHECK(text.find("written as:") < text.find("also as:"));
  CHECK(text.find("also as:") < text.find("Ruben Alder"));
}
