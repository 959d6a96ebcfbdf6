// Language identification (readers/language_id) and the language table (base/languages), without a
// database: each article of corpus/languages is recognised, and text that says nothing gives no code.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "common/base/languages.hpp"
#include "common/query/stopwords.hpp"
#include "common/readers/language_id.hpp"
#include "common/store/database.hpp"
#include "tests/support.hpp"

using newsdex::find_language;
using newsdex::identify_language;

TEST_CASE("language tags and names resolve to one table row", "[languages]") {
  struct Case {
    const char* tag;
    const char* code;
  };
  auto tag = GENERATE(Case{"fr", "fr"}, Case{"fr-CA", "fr"}, Case{"FR_fr", "fr"}, Case{"fre", "fr"},
                      Case{"fra", "fr"}, Case{"French", "fr"}, Case{"pt-BR", "pt"}, Case{"zh-Hant", "zh"},
                      Case{"nb", "no"}, Case{"nn-NO", "no"}, Case{"deu", "de"}, Case{"ger", "de"});
  CAPTURE(tag.tag);
  const auto* info = find_language(tag.tag);
  REQUIRE(info != nullptr);
  CHECK(info->code == tag.code);
}

TEST_CASE("unknown language tags resolve to nothing", "[languages]") {
  for (const char* tag : {"", "-", "xx", "klingon", "en us", "e"}) {
    CAPTURE(tag);
    CHECK(find_language(tag) == nullptr);
  }
}

TEST_CASE("every stemmer the language table names is one Xapian has", "[languages]") {
  for (const auto& language : newsdex::known_languages()) {
    CAPTURE(language.code);
    if (language.stemmer.empty()) continue;
    CHECK_NOTHROW(Xapian::Stem(std::string(language.stemmer)));
    CHECK(language.stemmer == language.name);
  }
}

TEST_CASE("each article of corpus/languages is identified as its language", "[languages]") {
  auto folder = newsdex::test::source_dir() / "corpus" / "languages";
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".txt") continue;
    auto name = entry.path().filename().string();
    auto expected = name.substr(0, name.find('-'));  // files are named <code>-<slug>.txt
    auto guess = identify_language(newsdex::test::read_file(entry.path()));
    CAPTURE(name, guess.percent);
    CHECK(guess.code == expected);
    CHECK(guess.reliable);
    ++seen;
  }
  CHECK(seen == 8);
}

TEST_CASE("text too short or without letters gives no language", "[languages]") {
  for (const char* text : {"", "ok", "12 34 56 78 90 -- ++ ** 2024-11-05", "\xff\xfe\xfd", "Hi there."}) {
    CAPTURE(text);
    CHECK(identify_language(text).code.empty());
  }
}

TEST_CASE("broken UTF-8 is judged on the text before it", "[languages]") {
  std::string text =
      "Les conducteurs de trains de la région ont entamé mardi une grève de trois jours pour protester "
      "contre la réforme des horaires de travail annoncée par la direction au début de l'été.";
  auto guess = identify_language(text + "\xc3\x28 trailing bytes \xff");
  CHECK(guess.code == "fr");
}

TEST_CASE("a long article is judged on its first bytes only, and a character cut there is no error",
          "[languages]") {
  std::string paragraph = "Центральная городская библиотека Северогорска вновь открылась в четверг. ";
  std::string text;
  while (text.size() < newsdex::identify_language_bytes + 1000) text += paragraph;
  CHECK(identify_language(text).code == "ru");
}

TEST_CASE("a database's language: its stored --language, English when it has none, an error when unknown",
          "[languages]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK(newsdex::index_language(db) == "english");
  db.set_metadata("newsdex:language", "french");
  CHECK(newsdex::index_language(db) == "french");
  db.set_metadata("newsdex:language", "none");
  CHECK(newsdex::index_language(db) == "none");
  db.set_metadata("newsdex:language", "klingon");
  CHECK_THROWS_WITH(newsdex::index_language(db), Catch::Contains("--language klingon") && Catch::Contains("build it again"));
}

TEST_CASE("each stemmed language's common-word list is sorted for binary search and finds its words",
          "[languages]") {
  struct Case {
    const char* language;
    const char* common;
    const char* meaningful;
  };
  for (auto each : {Case{"english", "the", "strike"}, Case{"french", "des", "grève"}, Case{"german", "und", "brücke"},
                    Case{"spanish", "los", "sequía"}, Case{"italian", "della", "sciopero"},
                    Case{"portuguese", "não", "barco"}, Case{"russian", "что", "библиотека"}}) {
    CAPTURE(each.language);
    auto list = newsdex::stopwords_for(each.language);
    CHECK(list.size() > 100);
    CHECK(std::is_sorted(list.begin(), list.end()));
    CHECK(newsdex::is_stopword(list, each.common));
    CHECK_FALSE(newsdex::is_stopword(list, each.meaningful));
  }
  CHECK(newsdex::stopwords_for("none").empty());
  CHECK(newsdex::stopwords_for("tamil").empty());  // a stemmer, no list: every word is searched
}
