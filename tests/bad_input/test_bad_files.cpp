// The bad-input catalogue, files: each case is an input a scraper or a user might really hand to
// newsdex-index, with the exit code and message (a substring of stderr) it must produce. Every case
// runs against a copy of a database already holding a good collection, and then checks that nothing
// indexed before was lost and that the database is still valid. tests/bad_input/README.md lists them.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>

#include "tests/reliability/collection.hpp"
#include "tests/reliability/index_checks.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

struct BadFile {
  std::string name;
  // Creates the input under the folder given; returns the path to pass to newsdex-index.
  std::function<fs::path(const fs::path&)> make;
  int exit_code;
  std::string message;        // must appear on stderr ("" = nothing required)
  std::size_t added;          // articles it must add
  std::string findable = {};  // a word newsdex-search must then find (when added > 0)
  std::string options = {};   // extra newsdex-index options / environment
  std::string environment = {};
};

std::string article(const std::string& title, const std::string& word) {
  return "2023-02-01\n\n" + title + "\n\nThe council met on Tuesday to discuss the " + word +
         " plan for the harbour.\n\nResidents said the " + word + " plan would change the waterfront.\n";
}

fs::path put(const fs::path& path, const std::string& bytes) {
  write_file(path, bytes);
  return path;
}

std::string utf16le_with_bom(const std::string& ascii) {
  std::string bytes = "\xFF\xFE";
  for (char c : ascii) bytes += std::string{c, '\0'};
  return bytes;
}

std::string nested_html(int depth) {
  std::string html = "<html><head><title>Deep page</title></head><body>";
  for (int i = 0; i < depth; ++i) html += "<div>";
  html +=
      "<p>The council met on Tuesday to discuss the zzdeep plan for the harbour front.</p>"
      "<p>Residents said the zzdeep plan would change the waterfront for good.</p>";
  for (int i = 0; i < depth; ++i) html += "</div>";
  return html + "</body></html>";
}

std::vector<BadFile> catalogue() {
  std::vector<BadFile> cases{
      {"a binary file",
       [](const fs::path& d) {
         return put(d / "program.txt", std::string("\x7f"
                                                   "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                                   16));
       },
       0, "program.txt: skipped: not a text file", 0},
      {"a 0-byte file", [](const fs::path& d) { return put(d / "zero.txt", ""); }, 0, "zero.txt: skipped: empty file",
       0},
      {"a file of blank lines", [](const fs::path& d) { return put(d / "blank.txt", "\n \n\t\r\n"); }, 0,
       "blank.txt: skipped: empty file", 0},
      {"a 50 MB file",
       [](const fs::path& d) {
         std::string line(99, 'x');
         line += '\n';
         std::string bytes;
         bytes.reserve(50u << 20);
         while (bytes.size() < (50u << 20)) bytes += line;
         return put(d / "huge.txt", bytes);
       },
       0, "huge.txt: skipped: larger than the size limit", 0},
      {"a JSON Lines export with one article over the size limit",
       [](const fs::path& d) {
         std::string body;
         while (body.size() < (3u << 20) / 2) body += "The harbour council met again today. ";
         nlohmann::json small{
             {"url", "https://bad.example/small"}, {"title", "Small"}, {"body", article("Small", "zzsmall")}};
         nlohmann::json huge{{"url", "https://bad.example/huge"}, {"title", "Huge"}, {"body", body}};
         return put(d / "export.jsonl", small.dump() + "\n" + huge.dump() + "\n");
       },
       0, "over the size limit", 1, "zzsmall", "--max-file-size 1M"},
      {"invalid UTF-8 in a UTF-8 file",
       [](const fs::path& d) {
         return put(d / "stray.txt", article("Zürich council story", "zzstray \xff\xfe zürich"));
       },
       0, "bad byte(s) replaced with U+FFFD", 1, "zürich"},
      {"UTF-16 with a byte-order mark",
       [](const fs::path& d) { return put(d / "wide.txt", utf16le_with_bom(article("Wide story", "zzwide"))); }, 0, "",
       1, "zzwide"},
      {"Latin-1 (Windows-1252)",
       [](const fs::path& d) { return put(d / "latin1.txt", article("Caf\xe9 story", "zzlatin M\xfcller")); }, 0,
       "not UTF-8: read as Windows-1252", 1, "müller"},
      {"HTML nested 10,000 levels deep", [](const fs::path& d) { return put(d / "deep.html", nested_html(10000)); }, 0,
       "", 1, "zzdeep"},
      {"HTML nested 2,000 levels deep", [](const fs::path& d) { return put(d / "deep2k.html", nested_html(2000)); }, 0,
       "deep2k.html:1: warning: HTML nested more than 1000 levels deep", 1, "zzdeep"},
      {"HTML nested 20,000 levels deep", [](const fs::path& d) { return put(d / "deep20k.html", nested_html(20000)); },
       0, "deep20k.html:1: warning: HTML nested more than 1000 levels deep", 1, "zzdeep"},
      {"HTML nested 200,000 levels deep",
       [](const fs::path& d) { return put(d / "deep200k.html", nested_html(200000)); }, 0,
       "deep200k.html:1: warning: HTML nested more than 1000 levels deep", 1, "zzdeep"},
      {"JSON with wrong types",
       [](const fs::path& d) {
         nlohmann::json object{
             {"title", 5},
             {"url", 7},
             {"author", {1, 2}},
             {"published", {{"y", 2}}},
             {"body", {"The council met to discuss the zztypes plan for the harbour.", 3, {{"x", 1}}}}};
         return put(d / "types.json", object.dump());
       },
       0, "a body part is number, not text: ignored", 1, "zztypes"},
      {"a JSON array of things that are not articles",
       [](const fs::path& d) { return put(d / "list.json", R"([1, "x", null, {"title": ["t"], "body": true}])"); }, 0,
       "item 1: skipped: number where an article object was expected", 0},
      {"a malformed JSON Lines line",
       [](const fs::path& d) {
         nlohmann::json good{
             {"url", "https://bad.example/ok"}, {"title", "Fine"}, {"body", article("Fine", "zzlines")}};
         return put(d / "broken.jsonl", good.dump() + "\n{\"title\": \"half\n");
       },
       1, "broken.jsonl:2: skipped: malformed JSON line", 1, "zzlines"},
      {"a JSON Lines line with a number too large for a double",
       [](const fs::path& d) {
         nlohmann::json good{
             {"url", "https://bad.example/big"}, {"title", "Fine"}, {"body", article("Fine", "zzoverflow")}};
         return put(d / "overflow.jsonl", good.dump() + "\n{\"title\": \"t\", \"body\": \"b\", \"n\": 1e999}\n");
       },
       1, "overflow.jsonl:2: skipped: unreadable JSON line (number overflow parsing '1e999')", 1, "zzoverflow"},
      {"a JSON document with a number too large for a double",
       [](const fs::path& d) { return put(d / "overflow.json", R"({"title": "t", "body": "zzgone", "n": -1e400})"); },
       1, "overflow.json:1: skipped: unreadable JSON (number overflow parsing '-1e400')", 0},
      {"a symbolic link loop",
       [](const fs::path& d) {
         fs::create_directories(d);
         fs::create_symlink("loop-b.txt", d / "loop-a.txt");
         fs::create_symlink("loop-a.txt", d / "loop-b.txt");
         return d / "loop-a.txt";
       },
       0, "loop-a.txt: skipped: broken or looping symbolic link", 0},
      {"a folder holding a link to itself",
       [](const fs::path& d) {
         put(d / "folder" / "story.txt", article("Inside story", "zzinside"));
         fs::create_directory_symlink(".", d / "folder" / "again");
         return d / "folder";
       },
       0, "", 1, "zzinside"},
      {"a path with spaces and non-ASCII characters",
       [](const fs::path& d) {
         return put(d / "my folder" / "Zürich ünï" / "news café.txt", article("Spaces story", "zzspaces"));
       },
       0, "", 1, "zzspaces"},
      {"a path that does not exist", [](const fs::path& d) { return d / "no-such-file.txt"; }, 1,
       "no-such-file.txt: cannot read: no such file or folder", 0},
      {"a corrupt entity model (data file)",
       [](const fs::path& d) { return put(d / "story.txt", article("Model story", "zzmodel")); }, 5, "NER model", 0, "",
       "", "NEWSDEX_DATA_DIR=MODEL_DIR"},
  };
  if (::geteuid() != 0) {
    cases.push_back({"an unreadable file (chmod 000)",
                     [](const fs::path& d) {
                       auto path = put(d / "secret.txt", article("Secret", "zzsecret"));
                       ::chmod(path.c_str(), 0);
                       return path;
                     },
                     1, "secret.txt: cannot read", 0});
  } else {
    // root reads any file whatever its mode: a FIFO stands in for a file that cannot be read.
    cases.push_back({"an unreadable file (a FIFO, as root)",
                     [](const fs::path& d) {
                       fs::create_directories(d);
                       ::mkfifo((d / "pipe.txt").c_str(), 0644);
                       return d / "pipe.txt";
                     },
                     0, "pipe.txt: skipped: not a regular file", 0});
  }
  return cases;
}

}  // namespace

TEST_CASE("bad input files: clear message, documented exit code, nothing indexed before is lost",
          "[reliability][bad-input]") {
  TempDir dir("bad-files");
  auto good =
      make_collection(dir.path() / "good", {.tag = "good", .text_files = 30, .jsonl_files = 1, .lines_per_jsonl = 20});
  auto good_db = dir.path() / "good-db";
  auto first = run_command(shell_quote(index_bin()) + " --quiet --entities none --db " + shell_quote(good_db.string()) +
                           " " + shell_quote(good.root.string()));
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  // A copy of the shipped data folder whose entity model is garbage, for the case that needs one.
  auto model_dir = dir.path() / "model-data";
  fs::create_directories(model_dir);
  fs::copy(source_dir() / "data" / "ner", model_dir / "ner", fs::copy_options::recursive);
  write_file(model_dir / "ner" / "model.bin", "this is not a model");

  std::size_t tried = 0;
  // One loop, not sections: Catch2 would re-run the set-up above for every section.
  for (const auto& bad : catalogue()) {
    {
      INFO("case: " << bad.name);
      ++tried;
      auto db = dir.path() / "db";
      fs::remove_all(db);
      fs::copy(good_db, db, fs::copy_options::recursive);
      auto input = bad.make(dir.path() / ("bad-" + std::to_string(tried)));
      auto environment =
          bad.environment.empty() ? std::string() : "NEWSDEX_DATA_DIR=" + shell_quote(model_dir.string()) + " ";
      auto result = run_command(environment + shell_quote(index_bin()) + " --json " + bad.options + " --db " +
                                shell_quote(db.string()) + " " + shell_quote(input.string()));
      INFO("stderr: " << result.err);
      CHECK(result.exit_code == bad.exit_code);
      CHECK(result.err.find(bad.message) != std::string::npos);
      CHECK(result.err.find("terminate called") == std::string::npos);

      CHECK(intact_problems(db, good.ids) == "");
      CHECK(read_index(db).doc_count == good.ids.size() + bad.added);
      if (!bad.findable.empty()) CHECK(count_matches(db, bad.findable) == 1);
    }
  }
  WARN("bad input files tried: " << tried);
}
