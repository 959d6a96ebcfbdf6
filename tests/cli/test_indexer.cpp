// Black-box tests of newsdex-index: counts, incremental runs, pruning, duplicates, locking, stats.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/store/stored_data.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

std::string page(const std::string& date, const std::string& title, const std::string& body) {
  return date + "\n\n" + title + "\n\n" +
         "Officials gathered by the water on a grey morning to hear the announcement.\n\n" + body +
         "\n\nResidents said they would wait and see what the decision meant for them.\n";
}

void make_collection(const fs::path& dir, int files) {
  for (int i = 0; i < files; ++i) {
    auto n = std::to_string(i);
    std::string date = "2024-0";
    date += std::to_string(1 + i % 9);
    date += "-1";
    date += std::to_string(i % 10);
    std::string body = "The harbour council met on day ";
    body += n;
    body += " to discuss the ferry timetable ";
    body.append(static_cast<std::size_t>(i % 7 + 1), 'x');
    body += ".";
    write_file(dir / ("a" + n + ".txt"), page(date, "Story number " + n, body));
  }
}

nlohmann::json index_json(const fs::path& db, const std::string& args) {
  auto result = run_command(shell_quote(index_bin()) + " --json --db " + shell_quote(db.string()) + " " + args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

Xapian::doccount doc_count(const fs::path& db) { return Xapian::Database(db.string()).get_doccount(); }

// The version file of the database's current version (the stub reads "auto version-N").
fs::path version_file(const fs::path& db) {
  auto stub = read_file(db / "XAPIANDB");
  return db / stub.substr(5, stub.size() - 6) / "iamglass";
}

void set_mtime_forward(const fs::path& file) {
  auto time = fs::last_write_time(file);
  fs::last_write_time(file, time + std::chrono::seconds(10));
}

}  // namespace

TEST_CASE("a second run over an unchanged collection writes nothing", "[indexer][incremental]") {
  TempDir dir("incremental");
  make_collection(dir.path() / "in", 30);
  auto db = dir.path() / "db";
  auto first = index_json(db, shell_quote((dir.path() / "in").string()));
  CHECK(first["articles"]["added"] == 30);
  CHECK(first["wrote_anything"] == true);
  auto before = fs::last_write_time(version_file(db));
  auto second = index_json(db, shell_quote((dir.path() / "in").string()));
  CHECK(second["wrote_anything"] == false);
  CHECK(second["files"]["unchanged"] == 30);
  CHECK(second["articles"]["added"] == 0);
  CHECK(fs::last_write_time(version_file(db)) == before);
  CHECK(doc_count(db) == 30);
}

TEST_CASE("editing one file re-indexes exactly that one; touching without change re-indexes nothing",
          "[indexer][incremental]") {
  TempDir dir("edit-one");
  make_collection(dir.path() / "in", 12);
  auto db = dir.path() / "db";
  auto in = shell_quote((dir.path() / "in").string());
  index_json(db, in);

  write_file(dir.path() / "in" / "a3.txt", page("2024-05-05", "Story number 3", "A rewritten body about the ferry."));
  set_mtime_forward(dir.path() / "in" / "a3.txt");
  auto edited = index_json(db, in);
  CHECK(edited["files"]["indexed"] == 1);
  CHECK(edited["articles"]["updated"] == 1);
  CHECK(edited["articles"]["added"] == 0);
  CHECK(edited["files"]["unchanged"] == 11);
  CHECK(doc_count(db) == 12);

  set_mtime_forward(dir.path() / "in" / "a4.txt");
  auto touched = index_json(db, in);
  CHECK(touched["files"]["indexed"] == 0);
  CHECK(touched["articles"]["updated"] == 0);
  CHECK(touched["files"]["unchanged"] == 12);
}

TEST_CASE("option --prune removes exactly the articles of deleted files", "[indexer][incremental]") {
  TempDir dir("prune");
  make_collection(dir.path() / "in", 10);
  auto db = dir.path() / "db";
  auto in = shell_quote((dir.path() / "in").string());
  index_json(db, in);
  fs::remove(dir.path() / "in" / "a1.txt");
  fs::remove(dir.path() / "in" / "a7.txt");
  auto without_prune = index_json(db, in);
  CHECK(without_prune["articles"]["deleted"] == 0);
  CHECK(doc_count(db) == 10);
  auto pruned = index_json(db, "--prune " + in);
  CHECK(pruned["articles"]["deleted"] == 2);
  CHECK(pruned["files"]["pruned"] == 2);
  CHECK(doc_count(db) == 8);
  Xapian::Database database(db.string());
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
    auto data = nlohmann::json::parse(newsdex::DataUnpacker(database).unpack(database.get_document(*it).get_data()));
    std::string path = data["path"];
    CHECK(path.find("a1.txt") == std::string::npos);
    CHECK(path.find("a7.txt") == std::string::npos);
  }
}

TEST_CASE("identical bodies are indexed once with the other locations recorded", "[indexer][duplicates]") {
  TempDir dir("dups");
  auto body = std::string("The mayor opened the new drawbridge over the river on Monday morning.");
  write_file(dir.path() / "in" / "one.txt", page("2024-03-01", "Drawbridge opens", body));
  write_file(dir.path() / "in" / "two.txt", page("2024-03-02", "Bridge opened by mayor", body));
  write_file(dir.path() / "in" / "three.txt", page("2024-03-02", "Something else", "A different story entirely."));
  auto db = dir.path() / "db";
  auto in = shell_quote((dir.path() / "in").string());
  auto first = index_json(db, in);
  CHECK(first["articles"]["added"] == 2);
  CHECK(first["articles"]["duplicates"] == 1);
  CHECK(doc_count(db) == 2);
  {
    Xapian::Database database(db.string());
    auto it = database.postlist_begin("Zdrawbridg");
    REQUIRE(it != database.postlist_end("Zdrawbridg"));
    auto data = nlohmann::json::parse(newsdex::DataUnpacker(database).unpack(database.get_document(*it).get_data()));
    REQUIRE(data["duplicates"].size() == 1);
  }
  // Deleting the file of the indexed copy keeps the article through its other location.
  fs::remove(dir.path() / "in" / "one.txt");
  index_json(db, "--prune " + in);
  Xapian::Database database(db.string());
  CHECK(database.get_doccount() == 2);
  auto it = database.postlist_begin("Zdrawbridg");
  REQUIRE(it != database.postlist_end("Zdrawbridg"));
  auto data = nlohmann::json::parse(newsdex::DataUnpacker(database).unpack(database.get_document(*it).get_data()));
  CHECK(std::string(data["path"]).find("two.txt") != std::string::npos);
  CHECK(data["title"] == "Bridge opened by mayor");
  CHECK(data["duplicates"].empty());
}

TEST_CASE("a second indexer on a locked database stops with a clear message", "[indexer][lock]") {
  TempDir dir("lock");
  make_collection(dir.path() / "in", 3);
  auto db = dir.path() / "db";
  index_json(db, shell_quote((dir.path() / "in").string()));
  Xapian::WritableDatabase holder(db.string(), Xapian::DB_OPEN);
  auto result = run_command(shell_quote(index_bin()) + " --db " + shell_quote(db.string()) + " " +
                            shell_quote((dir.path() / "in").string()));
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("database is locked") != std::string::npos);
}

TEST_CASE("problem files are reported with their path and the run goes on", "[indexer][errors]") {
  TempDir dir("problems");
  make_collection(dir.path() / "in", 4);
  write_file(dir.path() / "in" / "binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02\0\0\0\0", 13));
  write_file(dir.path() / "in" / "empty.txt", "");
  auto db = dir.path() / "db";
  auto result = run_command(shell_quote(index_bin()) + " --json --db " + shell_quote(db.string()) + " " +
                            shell_quote((dir.path() / "in").string()));
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("binary.txt: skipped: not a text file") != std::string::npos);
  CHECK(result.err.find("empty.txt: skipped: empty file") != std::string::npos);
  auto summary = nlohmann::json::parse(result.out);
  CHECK(summary["articles"]["added"] == 4);
  CHECK(summary["skipped"]["not a text file"] == 1);
  CHECK(doc_count(db) == 4);
}

TEST_CASE("an unreadable file fails the run with exit code 1 and keeps what was indexed", "[indexer][errors]") {
  if (::geteuid() == 0) {
    WARN("SKIPPED: running as root, which can read any file");
    return;
  }
  TempDir dir("unreadable");
  make_collection(dir.path() / "in", 3);
  auto db = dir.path() / "db";
  index_json(db, shell_quote((dir.path() / "in").string()));
  write_file(dir.path() / "in" / "secret.txt", page("2024-01-01", "Secret", "Hidden body text here."));
  ::chmod((dir.path() / "in" / "secret.txt").c_str(), 0);
  auto result = run_command(shell_quote(index_bin()) + " --db " + shell_quote(db.string()) + " " +
                            shell_quote((dir.path() / "in").string()));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("secret.txt: cannot read") != std::string::npos);
  CHECK(doc_count(db) == 3);
}

TEST_CASE("a folder's pages are read by every extension the reader knows: .shtml is indexed", "[indexer][formats]") {
  // The folder walk once kept its own list of extensions, without .shtml, which the reader reads as
  // HTML: such pages were passed over in folders and indexed only when named on the command line.
  TempDir dir("shtml");
  write_file(dir.path() / "in" / "story.shtml",
             "<!DOCTYPE html>\n<html><head><title>Lighthouse keepers return to Point Reyes</title>\n"
             "<meta name=\"date\" content=\"2024-03-05\"></head>\n<body><article>\n"
             "<h1>Lighthouse keepers return to Point Reyes</h1>\n"
             "<p>For the first time in decades, lighthouse keepers will live at the station through the "
             "winter months.</p>\n<p>The park service said the keepers would guide visitors and look after "
             "the lamp room.</p>\n</article></body></html>\n");
  write_file(dir.path() / "in" / "scan.pdf", "%PDF-1.4 not an article");
  auto db = dir.path() / "db";
  auto summary = index_json(db, shell_quote((dir.path() / "in").string()));
  CHECK(summary["files"]["indexed"] == 1);
  CHECK(summary["files"]["other_types_passed_over"] == 1);  // the .pdf, still passed over
  CHECK(summary["articles"]["added"] == 1);
  auto found = run_command(shell_quote(search_bin()) + " --json --db " + shell_quote(db.string()) + " lighthouse");
  INFO(found.err);
  REQUIRE(found.exit_code == 0);
  auto results = nlohmann::json::parse(found.out)["results"];
  REQUIRE(results.size() == 1);
  CHECK(results[0]["title"] == "Lighthouse keepers return to Point Reyes");
}

TEST_CASE("stats reports counts, date range and size", "[indexer][stats]") {
  TempDir dir("stats");
  make_collection(dir.path() / "in", 9);
  auto db = dir.path() / "db";
  index_json(db, shell_quote((dir.path() / "in").string()));
  auto result = run_command(shell_quote(index_bin()) + " stats --json --db " + shell_quote(db.string()));
  REQUIRE(result.exit_code == 0);
  auto stats = nlohmann::json::parse(result.out);
  CHECK(stats["articles"] == 9);
  CHECK(stats["files"] == 9);
  CHECK(stats["first_date"] == "2024-01-10");
  CHECK(stats["last_date"] == "2024-09-18");
  CHECK(stats["bytes_on_disk"].get<std::uint64_t>() > 0);
}

TEST_CASE("in a JSON Lines export the size limit applies to each article, not the file", "[indexer][errors]") {
  TempDir dir("jsonl-limit");
  std::string lines;
  for (int i = 0; i < 20; ++i) {
    auto n = std::to_string(i);
    lines += R"({"title": "Ferry story )" + n + R"(", "date": "2024-05-0)" + std::to_string(1 + i % 9) +
             R"(", "body": "The ferry service resumed on route )" + n + R"( after repairs to the harbour ramp."})" + "\n";
  }
  std::string huge_body(4000, 'x');
  lines.insert(lines.find('\n') + 1, R"({"title": "Huge", "body": ")" + huge_body + "\"}\n");
  write_file(dir.path() / "export.jsonl", lines);
  auto db = dir.path() / "db";
  auto result = run_command(shell_quote(index_bin()) + " --json --max-file-size 1K --db " + shell_quote(db.string()) +
                            " " + shell_quote((dir.path() / "export.jsonl").string()));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("export.jsonl:2: skipped:") != std::string::npos);
  CHECK(result.err.find("over the size limit of 1024 bytes") != std::string::npos);
  auto summary = nlohmann::json::parse(result.out);
  CHECK(summary["articles"]["added"] == 20);
  CHECK(doc_count(db) == 20);
}

// A JSON Lines export of `articles` articles about `topic`, each with its own URL.
std::string export_lines(const std::string& topic, int articles) {
  std::string lines;
  for (int i = 0; i < articles; ++i) {
    auto n = std::to_string(i);
    lines += R"({"title": ")" + topic + " story " + n + R"(", "date": "2024-05-01", "url": "https://x.example/)" +
             topic + "/" + n + R"(", "body": "The )" + topic + " report number " + n +
             R"( describes the harbour, the council and the weather in enough detail to be kept."})" + "\n";
  }
  return lines;
}

// The indexer's worker threads hand a large export (more than 64 articles) to the writer in chunks.
TEST_CASE("touching a large export without changing it re-indexes nothing and leaves no worker on it",
          "[indexer][incremental]") {
  // The writer found the file unchanged and freed it while workers still prepared its chunks: the
  // second run crashed (SIGSEGV) every time.
  TempDir dir("touched-export");
  write_file(dir.path() / "in" / "export.jsonl", export_lines("ferry", 300));
  auto db = dir.path() / "db";
  auto in = "--entities none " + shell_quote((dir.path() / "in").string());
  CHECK(index_json(db, in)["articles"]["added"] == 300);
  for (int run = 0; run < 2; ++run) {
    set_mtime_forward(dir.path() / "in" / "export.jsonl");
    auto touched = index_json(db, in);
    CHECK(touched["files"]["unchanged"] == 1);
    CHECK(touched["files"]["indexed"] == 0);
    CHECK(touched["articles"]["added"] == 0);
  }
  CHECK(doc_count(db) == 300);
}

TEST_CASE("two large exports are both indexed when the second is read before the first", "[indexer]") {
  // b.jsonl, smaller, is read first; its chunks beyond the workers' bound stood in front of those of
  // a.jsonl, which the writer waits for first: the run hung for good (killed here after 2 minutes).
  TempDir dir("two-exports");
  write_file(dir.path() / "in" / "a.jsonl", export_lines("ferry", 4000));
  write_file(dir.path() / "in" / "b.jsonl", export_lines("rail", 700));
  auto db = dir.path() / "db";
  auto result = run_command("timeout -s KILL 120 " + shell_quote(index_bin()) + " --json -j 2 --entities none --db " +
                            shell_quote(db.string()) + " " + shell_quote((dir.path() / "in").string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(nlohmann::json::parse(result.out)["articles"]["added"] == 4700);
  CHECK(doc_count(db) == 4700);
}

TEST_CASE("a database built from empty is compacted and stays valid", "[indexer][compact]") {
  TempDir dir("compact");
  make_collection(dir.path() / "in", 40);
  auto db = dir.path() / "db";
  auto first = index_json(db, shell_quote((dir.path() / "in").string()));
  CHECK(first["compacted"] == true);
  auto check = run_command("xapian-check " + shell_quote((db / "XAPIANDB").string()));  // the stub
  CHECK(check.exit_code == 0);
  CHECK(doc_count(db) == 40);
  for (const auto& entry : fs::directory_iterator(dir.path())) CHECK(entry.path().filename() != "db.old");
  write_file(dir.path() / "in" / "new.txt", page("2024-02-02", "One more", "A new story about the pier."));
  auto second = index_json(db, shell_quote((dir.path() / "in").string()));
  CHECK(second["compacted"] == false);
  auto forced = index_json(db, "--compact --force " + shell_quote((dir.path() / "in").string()));
  CHECK(forced["compacted"] == true);
  CHECK(doc_count(db) == 41);
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) entries += entry.path().filename() != "in";
  CHECK(entries == 1);  // only db: no leftover copy
}

TEST_CASE("option --date-from-mtime dates an undated page from its file when indexing, as in --dump", "[indexer]") {
  TempDir dir("mtime-date");
  auto page_path = dir.path() / "in" / "undated.txt";
  write_file(page_path, "Ferry returns\n\nOfficials gathered by the water on a grey morning.\n\n"
                        "The ferry service resumed on Monday after repairs to the harbour ramp.\n");
  std::chrono::sys_seconds noon{std::chrono::sys_days{std::chrono::year{2023} / std::chrono::March / 14} +
                                std::chrono::hours{12}};
  fs::last_write_time(page_path, fs::file_time_type::clock::from_sys(noon));
  auto db = dir.path() / "db";
  index_json(db, "--date-from-mtime " + shell_quote((dir.path() / "in").string()));
  Xapian::Database database(db.string());
  CHECK(database.get_termfreq("D20230314") == 1);
}
