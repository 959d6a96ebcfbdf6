// Black-box tests of compressed document data: a collection large enough to train the dictionary
// (300 articles) is indexed, searched, extended with a duplicate and re-indexed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/store/schema.hpp"
#include "common/store/stored_data.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

constexpr int articles = 400;

std::string body_of(int n) {
  static const char* words[] = {"ferry", "harbour", "council", "timetable", "tariff", "grain", "budget", "strike"};
  std::string body = "Report " + std::to_string(n) + ":";
  for (int i = 0; i < 40; ++i) body += std::string(" ") + words[(n * 5 + i * 3) % 8];
  return body + ".";
}

std::string export_line(int n, const std::string& body) {
  return nlohmann::json{{"id", "story-" + std::to_string(n)},
                        {"title", "Dispatch number " + std::to_string(n) + (n == 350 ? " about the lighthouse" : "")},
                        {"date", "2024-05-" + std::to_string(10 + n % 20)},
                        {"source", "The Valdermoor Courier"},
                        {"text", body}}
      .dump();
}

nlohmann::json run_json(const std::string& command) {
  auto result = run_command(command);
  INFO(command << "\n" << result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

nlohmann::json index_json(const fs::path& db, const fs::path& input) {
  return run_json(shell_quote(index_bin()) + " --json --quiet --db " + shell_quote(db.string()) + " " +
                  shell_quote(input.string()));
}

std::string dictionary_id(const fs::path& db) {
  return Xapian::Database(db.string()).get_metadata(std::string(newsdex::schema::data_dictionary_key));
}

}  // namespace

TEST_CASE("article data is compressed once 300 articles are in, and reads back whole", "[indexer][stored_data]") {
  TempDir dir("stored-data");
  std::string lines;
  for (int n = 0; n < articles; ++n) lines += export_line(n, body_of(n)) + "\n";
  write_file(dir.path() / "in" / "feed.jsonl", lines);
  auto db = dir.path() / "db";
  auto first = index_json(db, dir.path() / "in");
  CHECK(first["articles"]["added"] == articles);

  auto id = dictionary_id(db);
  REQUIRE_FALSE(id.empty());
  {
    Xapian::Database database(db.string());
    REQUIRE_FALSE(database.get_metadata(newsdex::data_dictionary_key(std::stoul(id))).empty());
    int packed = 0, plain = 0;
    newsdex::DataUnpacker unpacker(database);
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      auto stored = database.get_document(*it).get_data();
      ++(stored.front() == '{' ? plain : packed);
      auto data = nlohmann::json::parse(unpacker.unpack(stored));
      CHECK(data["title"].get<std::string>().rfind("Dispatch number ", 0) == 0);
    }
    CHECK(plain == 300);  // the dictionary's samples
    CHECK(packed == articles - 300);
  }

  // A compressed article is found, shown with its title and a highlighted snippet.
  auto found = run_json(shell_quote(search_bin()) + " --json --db " + shell_quote(db.string()) + " lighthouse");
  REQUIRE(found["results"].size() == 1);
  CHECK(found["results"][0]["title"] == "Dispatch number 350 about the lighthouse");
  CHECK(found["results"][0]["snippet"].get<std::string>().find("Report 350:") != std::string::npos);
  CHECK(found["results"][0]["source"] == "The Valdermoor Courier");

  // A second file repeating a compressed article's body: recorded as its duplicate, in its data.
  write_file(dir.path() / "in" / "more.jsonl", export_line(1000, body_of(380)) + "\n");
  auto second = index_json(db, dir.path() / "in");
  CHECK(second["articles"]["duplicates"] == 1);
  CHECK(dictionary_id(db) == id);  // one dictionary for the life of the database
  auto duplicate = run_json(shell_quote(search_bin()) + " --json --db " + shell_quote(db.string()) +
                            " --no-collapse 'title:\"dispatch number 380\"'");
  REQUIRE(duplicate["results"].size() == 1);
  REQUIRE(duplicate["results"][0]["duplicates"].size() == 1);
  CHECK(duplicate["results"][0]["duplicates"][0]["title"] == "Dispatch number 1000");
}
