// Black-box tests of newsdex-search --show (issue 17, item 3): one article whole, by docid, path or
// id, as text and JSON, over one database or several; the text shown is what the indexer prepared
// (checked against `newsdex-index --dump` of the same file, which never touches a database); a name
// that matches nothing is a one-line error with exit 2 (and the JSON error under --json).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <numeric>

#include "tests/cli/search_commands.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

CommandResult search_in(const std::vector<std::filesystem::path>& dbs, const std::string& args) {
  std::string command = shell_quote(search_bin());
  for (const auto& db : dbs) command += " --db " + shell_quote(db.string());
  return run_command(command + " " + args);
}

json show(const std::string& which, const std::vector<std::filesystem::path>& dbs = {sample_corpus_db()}) {
  return ok_json(search_in(dbs, "--json --show " + shell_quote(which)));
}

std::filesystem::path corpus_file(const std::string& name) { return source_dir() / "corpus" / name; }

// The article the indexer prepares from a file of one article, without any database.
json dumped(const std::filesystem::path& file) {
  return ok_json(run_command(shell_quote(index_bin()) + " --dump " + shell_quote(file.string())));
}

std::string joined_text(const json& article) {
  std::string text = article["lede"];
  for (const auto& paragraph : article["paragraphs"])
    text += (text.empty() ? "" : "\n\n") + paragraph.get<std::string>();
  return text;
}

bool lists_location(const json& article, const std::string& path) {
  for (const auto& duplicate : article["duplicates"])
    if (duplicate["path"] == path) return true;
  return false;
}

}  // namespace

TEST_CASE("show: a file's path gives its article whole, as the indexer prepared it", "[cli][search][show]") {
  std::size_t compared = 0;
  for (const auto& folder : {"text", "html"}) {
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "corpus" / folder)) {
      auto path = std::filesystem::absolute(entry.path()).lexically_normal().string();
      INFO(path);
      auto shown = show(path);
      CHECK(shown["format_version"] == 3);
      CHECK(shown["matched_by"] == "path");
      CHECK(shown["asked"] == path);
      REQUIRE(shown["articles"].size() == 1);
      const auto& article = shown["articles"][0];
      if (article["path"] != path) {
        // Indexed once under another file with the same body: that article, listing this file.
        CHECK(lists_location(article, path));
        continue;
      }
      auto prepared = dumped(path);
      for (const auto* field : {"title", "lede", "paragraphs"}) CHECK(article[field] == prepared[field]);
      // The article's own entities; "entities" are the collection's names for them (re-keyed).
      CHECK(article["extracted_entities"] == prepared["entities"]);
      CHECK(article["published"] == (prepared["published"] == "" ? json() : prepared["published"]));
      CHECK(article["text"] == joined_text(prepared));
      CHECK(article["language"] == "english");
      CHECK(article["docid"].get<int>() > 0);
      ++compared;
    }
  }
  CHECK(compared == 32);  // 33 files, one stored as a duplicate location of an export line
}

TEST_CASE("show: a JSON Lines export's path gives each of its articles in file order", "[cli][search][show]") {
  auto path = std::filesystem::absolute(corpus_file("export/articles.jsonl")).lexically_normal().string();
  auto shown = show(path);
  REQUIRE(shown["articles"].size() == 16);
  // Each line once: as the article itself, or as a duplicate location of the article stored for its
  // body (a line may repeat a text page).
  std::vector<int> positions;
  for (const auto& article : shown["articles"]) {
    if (article["path"] == path) positions.push_back(article["position"]);
    for (const auto& duplicate : article["duplicates"])
      if (duplicate["path"] == path) positions.push_back(duplicate["position"]);
  }
  std::vector<int> every_line(16);
  std::iota(every_line.begin(), every_line.end(), 0);
  std::sort(positions.begin(), positions.end());
  CHECK(positions == every_line);
}

TEST_CASE("show: by id and by docid, the article results show; a relative path from the current folder",
          "[cli][search][show]") {
  auto results = ok_json(search_in({sample_corpus_db()}, "--json --limit 5 strike"))["results"];
  REQUIRE(results.size() == 5);
  for (const auto& result : results) {
    auto id = result["id"].get<std::string>();
    auto docid = std::to_string(result["docid"].get<int>());
    INFO(id);
    auto by_id = show(id);
    CHECK(by_id["matched_by"] == "id");
    REQUIRE(by_id["articles"].size() == 1);
    CHECK(by_id["articles"][0]["docid"] == result["docid"]);
    CHECK(by_id["articles"][0]["title"] == result["title"]);
    auto by_docid = show(docid);
    CHECK(by_docid["matched_by"] == "docid");
    CHECK(by_docid["articles"] == by_id["articles"]);
  }
  auto relative = run_command("cd " + shell_quote((source_dir() / "corpus").string()) + " && " +
                              shell_quote(search_bin()) + " --json --db " + shell_quote(sample_corpus_db().string()) +
                              " --show text/lantern-festival-surplus.txt");
  auto shown = ok_json(relative);
  CHECK(shown["matched_by"] == "path");
  CHECK(shown["articles"][0]["title"] == dumped(corpus_file("text/lantern-festival-surplus.txt"))["title"]);
}

TEST_CASE("show: the text form gives the metadata, the entities and every paragraph", "[cli][search][show]") {
  auto file = corpus_file("text/lantern-festival-surplus.txt");
  auto article = show(std::filesystem::absolute(file).lexically_normal().string())["articles"][0];
  auto result = search_in({sample_corpus_db()}, "--color never --show " + std::to_string(article["docid"].get<int>()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto& text = result.out;
  CHECK(text.rfind(article["title"].get<std::string>() + "\n", 0) == 0);  // the title first
  CHECK(text.find("\n  docid     " + std::to_string(article["docid"].get<int>()) + "\n") != std::string::npos);
  CHECK(text.find("\n  id        " + article["id"].get<std::string>() + "\n") != std::string::npos);
  CHECK(text.find("\n  path      " + article["path"].get<std::string>() + "\n") != std::string::npos);
  CHECK(text.find("\n  language  english\n") != std::string::npos);
  for (const auto& person : article["entities"]["people"])
    CHECK(text.find(person["name"].get<std::string>() + " (" + std::to_string(person["mentions"].get<int>()) + ")") !=
          std::string::npos);
  // The lede and each paragraph whole, each on its own line after a blank one.
  CHECK(text.find("\n\n" + article["lede"].get<std::string>() + "\n") != std::string::npos);
  for (const auto& paragraph : article["paragraphs"])
    CHECK(text.find("\n\n" + paragraph.get<std::string>() + "\n") != std::string::npos);
}

TEST_CASE("show: over several databases, docids, ids and paths as results show them", "[cli][search][show]") {
  TempDir dir("show-several");
  auto text_db = dir.path() / "text", html_db = dir.path() / "html";
  for (const auto& [db, folder, language] : {std::tuple{text_db, "text", "english"}, {html_db, "html", "french"}}) {
    auto indexed = run_command(shell_quote(index_bin()) + " -q --language " + language + " --db " +
                               shell_quote(db.string()) + " " + shell_quote(corpus_file(folder).string()));
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
  }
  const std::vector<std::filesystem::path> dbs{text_db, html_db};
  auto results = ok_json(search_in(dbs, "--json --limit 100 --from 2024"))["results"];
  REQUIRE(results.size() == 33);
  int in_html = 0;
  for (const auto& result : results) {
    INFO(result["id"]);
    auto by_docid = show(std::to_string(result["docid"].get<int>()), dbs)["articles"];
    REQUIRE(by_docid.size() == 1);
    CHECK(by_docid[0]["id"] == result["id"]);
    bool html = result["path"].get<std::string>().find("/corpus/html/") != std::string::npos;
    in_html += html;
    CHECK(by_docid[0]["language"] == (html ? "french" : "english"));  // the database holding it
    auto by_path = show(result["path"].get<std::string>(), dbs)["articles"];
    REQUIRE(by_path.size() == 1);
    CHECK(by_path[0]["docid"] == result["docid"]);
    CHECK(show(result["id"].get<std::string>(), dbs)["articles"][0]["docid"] == result["docid"]);
  }
  CHECK(in_html == 15);
}

TEST_CASE("show: a docid, path or id that names no article is a one-line error, exit 2", "[cli][search][show]") {
  for (const std::string which : {"url:https://nowhere.example/a", "999999", "/no/such/file.txt", "text"}) {
    INFO(which);
    auto text = search_in({sample_corpus_db()}, "--show " + shell_quote(which));
    CHECK(text.exit_code == 2);
    CHECK(text.out.empty());
    CHECK(text.err == "newsdex-search: --show: no article with docid, path or id '" + which +
                          "' (give a docid, id or path shown in results)\n");
    auto as_json = search_in({sample_corpus_db()}, "--json --show " + shell_quote(which));
    CHECK(as_json.exit_code == 2);
    auto error = json::parse(as_json.out);
    CHECK(error["error"]["exit_code"] == 2);
    CHECK(error["error"]["message"].get<std::string>().find("'" + which + "'") != std::string::npos);
  }
  auto with_query = search_in({sample_corpus_db()}, "--show 1 strike");
  CHECK(with_query.exit_code == 2);
  CHECK(with_query.err == "newsdex-search: --show prints one article: give it alone, or with --json\n");
}
