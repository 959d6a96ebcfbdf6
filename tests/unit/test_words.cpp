// Word splitting and the spelling dictionary's words, without a database.
#include <catch2/catch.hpp>

#include <algorithm>
#include <bitset>
#include <map>
#include <string>
#include <vector>

#include "common/base/words.hpp"
#include "common/index/article_preparation.hpp"

using namespace newsdex;

namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::bitset<256> every;
  every.set();
  Tokens tokens;
  tokenize(text, every, tokens);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < tokens.list.size(); ++i) words.emplace_back(tokens.word(i));
  return words;
}

}  // namespace

TEST_CASE("tokenize splits words as Xapian's TermGenerator does, lower-cased", "[words]") {
  CHECK(words_of("Three hostages, released.") == std::vector<std::string>{"three", "hostages", "released"});
  CHECK(words_of("Don't stop") == std::vector<std::string>{"don't", "stop"});  // an inner apostrophe stays
  CHECK(words_of("Zoë Ärzte 4.65") == std::vector<std::string>{"zoë", "ärzte", "4", "65"});
  CHECK(words_of("'quoted' -- ... ") == std::vector<std::string>{"quoted"});
  CHECK(words_of("").empty());
  // An invalid byte stands for the code point of its value, as in Xapian's Utf8Iterator: valid UTF-8 out.
  CHECK(words_of("\xff\xfe broken") == std::vector<std::string>{"\u00ff\u00fe", "broken"});
}

TEST_CASE("tokenize lower-cases only words that start with a wanted byte; the rest make one gap", "[words]") {
  std::bitset<256> initials;
  initials.set('h');
  Tokens tokens;
  tokenize("Three hostages were released home", initials, tokens);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < tokens.list.size(); ++i) words.emplace_back(tokens.word(i));
  CHECK(words == std::vector<std::string>{"", "hostages", "", "home"});
}

TEST_CASE("the spelling dictionary gets the words of title, lede and body, the title's counted three times",
          "[words]") {
  Article article;
  article.path = "a.txt";
  article.title = "Harbour strike";
  article.lede = "The harbour strike ended.";
  article.paragraphs = {"Dockers went back to work in 1986 at 4.65 an hour.", "Go on."};
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("english"));
  auto prepared = prepare_article(article, EntitySource::none, true, indexer);
  std::map<std::string, Xapian::termcount> counts(prepared.spelling_words.begin(), prepared.spelling_words.end());
  CHECK(counts["harbour"] == 4);  // 3 (title) + 1 (lede)
  CHECK(counts["strike"] == 4);
  CHECK(counts["dockers"] == 1);  // the word as written, not its stem
  CHECK(counts.count("docker") == 0);
  CHECK(counts.count("1986") == 0);  // numbers have nothing to suggest
  CHECK(counts.count("go") == 0);    // shorter than 3 bytes
  CHECK(counts.count("an") == 0);
  auto none = prepare_article(article, EntitySource::none, false, indexer);
  CHECK(none.spelling_words.empty());
}
