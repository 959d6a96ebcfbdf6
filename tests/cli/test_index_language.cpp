// Issue 19, item 3 in part: newsdex-search stems a query with the language the database was built
// with (newsdex-index --language), not always English. Each article of corpus/languages is indexed
// into a database of its own language and found by inflected forms of its words that English
// stemming would miss; the highlights follow the same stems.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

struct LanguageCase {
  std::string file, language;
  // Forms that are not in the article as written, but share a stem with one that is, in its language.
  std::vector<std::string> inflected;
};

const std::vector<LanguageCase>& cases() {
  static const std::vector<LanguageCase> all = {
      {"fr-greve-cheminots.txt", "french", {"grève", "économique", "annoncés", "réformes", "syndicat"}},
      {"de-bruecke-hallenstedt.txt", "german", {"Verzögerungen", "Fundament", "Geschäft", "Arbeiters"}},
      {"es-sequia-villarrosa.txt", "spanish", {"sequías", "agricultor", "cosecha", "manifestante"}},
      {"it-sciopero-castelmarro.txt", "italian", {"scioperi", "treno", "sindacato", "studente"}},
      {"pt-pescadores-alvarim.txt", "portuguese", {"pescador", "barco", "embarcação", "famílias"}},
      {"ru-biblioteka-severogorsk.txt", "russian", {"библиотеки", "книга", "читатели", "ремонта"}},
  };
  return all;
}

std::string count_of(const fs::path& db, const std::string& query) {
  auto result = run_command(shell_quote(search_bin()) + " --count --db " + shell_quote(db.string()) + " -- " +
                            shell_quote(query));
  INFO(result.err);
  return result.out;
}

}  // namespace

TEST_CASE("a database built with --language L is searched with L's stemmer", "[cli][languages]") {
  TempDir dir("index-language");
  for (const auto& each : cases()) {
    INFO(each.file);
    auto db = dir.path() / each.language;
    auto source = source_dir() / "corpus" / "languages" / each.file;
    auto indexed = run_command(shell_quote(index_bin()) + " -q --language " + each.language + " --db " +
                               shell_quote(db.string()) + " " + shell_quote(source.string()));
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
    for (const auto& word : each.inflected) {
      INFO(word);
      CHECK(count_of(db, word) == "1\n");
    }
  }
}

TEST_CASE("the highlights of a database in another language follow its stems", "[cli][languages]") {
  TempDir dir("index-language-highlights");
  auto db = dir.path() / "db";
  auto source = source_dir() / "corpus" / "languages" / "fr-greve-cheminots.txt";
  REQUIRE(run_command(shell_quote(index_bin()) + " -q --language french --db " + shell_quote(db.string()) + " " +
                      shell_quote(source.string()))
              .exit_code == 0);
  auto result = run_command(shell_quote(search_bin()) + " --json --db " + shell_quote(db.string()) + " grèves");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto json = nlohmann::json::parse(result.out);
  REQUIRE(json["results"].size() == 1);
  // "grèves" stems as "grev" in French, as does "grève" in the title: that word is marked.
  const auto& hit = json["results"][0];
  auto title = hit["title"].get<std::string>();
  REQUIRE(hit["title_highlights"].size() == 1);
  auto start = hit["title_highlights"][0][0].get<std::size_t>(), end = hit["title_highlights"][0][1].get<std::size_t>();
  // Code point offsets: the title's characters before "grève" are ASCII.
  CHECK(title.substr(start, end - start + 1) == "grève");  // one more byte: è is two
  CHECK_FALSE(hit["snippet_highlights"].empty());
}

TEST_CASE("a database in another language leaves out that language's common words", "[cli][languages]") {
  TempDir dir("index-language-stopwords");
  auto db = dir.path() / "db";
  auto source = source_dir() / "corpus" / "languages" / "fr-greve-cheminots.txt";
  REQUIRE(run_command(shell_quote(index_bin()) + " -q --language french --db " + shell_quote(db.string()) + " " +
                      shell_quote(source.string()))
              .exit_code == 0);
  auto search = [&](const std::string& args) {
    return run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " " + args);
  };
  auto result = search("--json " + shell_quote("la grève des cheminots"));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["query"]["stopwords_ignored"] == nlohmann::json::array({"la", "des"}));
  CHECK(json["results"].size() == 1);
  auto only_common = search(shell_quote("des une du"));
  CHECK(only_common.exit_code == 2);
  CHECK(only_common.err.find("only common words") != std::string::npos);
  // English common words are ordinary words here: "the" is searched (and found nowhere).
  CHECK(search("--count the").out == "0\n");
}
