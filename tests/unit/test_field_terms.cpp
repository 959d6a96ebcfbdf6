// The terms of the author:, site:, url: and path: fields (common/store/field_terms.hpp), and the
// document make_document() builds with them: what the index holds and what queries look for come
// from the same functions.
#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "common/store/document.hpp"
#include "common/store/field_terms.hpp"
#include "common/store/schema.hpp"

using namespace newsdex;
namespace terms = newsdex::field_terms;
using Strings = std::vector<std::string>;

TEST_CASE("author words are folded and split as the TermGenerator splits words", "[fields]") {
  struct Case {
    const char* author;
    Strings words;
  };
  const Case cases[] = {
      {"Chris Davies", {"chris", "davies"}},
      {"ZOË  Marchetti, Sam Rivers", {"zoe", "marchetti", "sam", "rivers"}},
      {"Seán O'Brien and Anna-Lena Berg", {"sean", "o'brien", "and", "anna", "lena", "berg"}},
      {"By Staff | Reuters", {"by", "staff", "reuters"}},
      {"", {}},
      {" , ", {}},
  };
  for (const auto& c : cases) {
    INFO(c.author);
    CHECK(terms::author_words(c.author) == c.words);
  }
  // A word too long for the TermGenerator is left out, as it leaves it out of the text.
  CHECK(terms::author_words("Ann " + std::string(65, 'x')) == Strings{"ann"});
  CHECK(terms::author_words("Ann " + std::string(64, 'x')).size() == 2);
}

TEST_CASE("the host of a URL, or of a host as typed", "[fields]") {
  struct Case {
    const char* text;
    const char* host;
  };
  const Case cases[] = {
      {"https://www.bbc.co.uk/news/uk-1", "www.bbc.co.uk"},
      {"HTTP://WWW.BBC.CO.UK:8080/x?y#z", "www.bbc.co.uk"},
      {"https://user:pw@example.org/", "example.org"},
      {"bbc.co.uk", "bbc.co.uk"},
      {".bbc.co.uk.", "bbc.co.uk"},
      {"  bbc.co.uk/news  ", "bbc.co.uk"},
      {"https://[::1]:80/a", "[::1]"},
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(terms::host(c.text) == c.host);
  }
}

TEST_CASE("site terms: the host and every domain above it, for web addresses only", "[fields]") {
  CHECK(terms::site_terms("https://www.bbc.co.uk/news") == Strings{"Hwww.bbc.co.uk", "Hbbc.co.uk", "Hco.uk", "Huk"});
  CHECK(terms::site_terms("http://localhost/a") == Strings{"Hlocalhost"});
  CHECK(terms::site_terms("example.org/a") == Strings{"Hexample.org", "Horg"});
  CHECK(terms::site_terms("").empty());
  CHECK(terms::site_terms("story-1234").empty());  // an id, not a web address
  CHECK(terms::site_term("bbc.co.uk") == "Hbbc.co.uk");
}

TEST_CASE("url keys leave out what does not tell two pages apart", "[fields]") {
  struct Case {
    const char* url;
    const char* key;
  };
  const Case cases[] = {
      {"https://www.bbc.co.uk/news/uk-1", "www.bbc.co.uk/news/uk-1"},
      {"http://WWW.BBC.co.uk/news/uk-1/", "www.bbc.co.uk/news/uk-1"},
      {"www.bbc.co.uk/news/uk-1#comments", "www.bbc.co.uk/news/uk-1"},
      {"https://example.org/", "example.org"},
      {"https://example.org/a/?page=2", "example.org/a/?page=2"},  // a query string stays as it is
      {"https://example.org/Case/Matters", "example.org/Case/Matters"},
      {"FTP://Example.org/file", "ftp://example.org/file"},
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.url);
    CHECK(terms::url_key(c.url) == c.key);
  }
  CHECK(terms::url_term("https://example.org/a") == "Uexample.org/a");
}

TEST_CASE("path terms: the file and every folder above it but the root", "[fields]") {
  CHECK(terms::path_terms("/data/bbc/2024/a.html") ==
        Strings{"P/data", "P/data/bbc", "P/data/bbc/2024", "P/data/bbc/2024/a.html"});
  CHECK(terms::path_terms("/a.txt") == Strings{"P/a.txt"});
  CHECK(terms::path_terms("corpus/a.txt") == Strings{"Pcorpus", "Pcorpus/a.txt"});
  CHECK(terms::path_terms("").empty());
}

TEST_CASE("long URLs and paths give terms Xapian accepts, still telling them apart", "[fields]") {
  const std::string folder = "/data/" + std::string(300, 'f');
  const std::string url = "https://example.org/" + std::string(400, 'u');
  for (const auto& term : terms::path_terms(folder + "/a.txt")) CHECK(term.size() <= 245);
  CHECK(terms::url_term(url).size() <= 245);
  CHECK(terms::url_term(url) != terms::url_term(url + "v"));  // the same first bytes, another hash
  CHECK(terms::path_term(folder + "/a.txt") != terms::path_term(folder + "/b.txt"));
  CHECK(terms::url_term(url) == terms::url_term("http://EXAMPLE.org/" + std::string(400, 'u') + "/"));
}

TEST_CASE("make_document adds the location terms, author words with positions and no weight", "[fields][schema]") {
  Article article;
  article.title = "Harbour strike ends";
  article.author = "Zoë Marchetti, Sam Rivers";
  article.url = "https://news.example.co.uk/harbour";
  article.path = "/corpus/2024/a.txt";
  article.paragraphs = {"Dockers returned to work on Tuesday."};
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("english"));
  auto document = make_document(article, indexer);
  std::set<std::string> all(document.termlist_begin(), document.termlist_end());
  for (auto term : {"Hnews.example.co.uk", "Hexample.co.uk", "Hco.uk", "Huk", "Unews.example.co.uk/harbour", "P/corpus",
                    "P/corpus/2024", "P/corpus/2024/a.txt", "XV3", "Azoe", "Amarchetti", "Asam", "Arivers"})
    CHECK(all.count(term));
  Xapian::termcount length = 0;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    length += it.get_wdf();
    if ((*it)[0] != 'A') continue;
    CHECK(it.get_wdf() == 0);
    std::vector<Xapian::termpos> positions(it.positionlist_begin(), it.positionlist_end());
    CHECK(positions == std::vector<Xapian::termpos>{*it == "Azoe"         ? 1u
                                                    : *it == "Amarchetti" ? 2u
                                                    : *it == "Asam"       ? 3u
                                                                          : 4u});
  }
  // The same document without an author: the same length, so BM25 weighs its words as before.
  article.author.clear();
  auto without = make_document(article, indexer);
  Xapian::termcount length_without = 0;
  for (auto it = without.termlist_begin(); it != without.termlist_end(); ++it) length_without += it.get_wdf();
  CHECK(length == length_without);
}
