#include "tests/reliability/index_checks.hpp"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "common/store/file_records.hpp"
#include "common/store/schema.hpp"
#include "common/store/stored_data.hpp"
#include "tests/support.hpp"

namespace newsdex::test {

IndexContents read_index(const std::filesystem::path& db_path) {
  IndexContents contents;
  Xapian::Database db(db_path.string());
  contents.doc_count = db.get_doccount();
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    auto data = nlohmann::json::parse(DataUnpacker(db).unpack(db.get_document(*it).get_data()), nullptr, false);
    ++contents.ids[data.is_object() ? data.value("id", "") : std::string("<unreadable document data>")];
  }
  auto prefix = std::string(schema::id_prefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    ++contents.id_terms;
    if (it.get_termfreq() != 1) contents.id_terms_not_unique.push_back(*it);
  }
  for (const auto& record : load_all_file_records(db)) {
    ++contents.file_records;
    // A record with no hash marks a file whose re-indexing was cut short: the next run redoes it.
    if (record.hash.empty()) {
      ++contents.unfinished_records;
      continue;
    }
    for (const auto& id : record.article_ids) {
      if (db.term_exists(schema::id_term(id)) || db.term_exists(schema::id_term(id, schema::duplicate_prefix)))
        continue;
      contents.records_without_articles.push_back(record.path + " -> " + id);
    }
  }
  return contents;
}

std::string integrity_problems(const std::filesystem::path& db) {
  // xapian-check 1.4 reads a stub file but does not look for one inside a folder: given the stub,
  // it checks the version the stub names (the one readers open).
  auto stub = db / "XAPIANDB";
  auto target = std::filesystem::exists(stub) ? stub : db;
  auto result = run_command("xapian-check " + shell_quote(target.string()));
  if (result.exit_code == 0 && result.out.find("No errors found") != std::string::npos) return {};
  return "xapian-check exit " + std::to_string(result.exit_code) + "\n" + result.out + result.err;
}

std::string differences(const IndexContents& contents, const std::set<std::string>& expected) {
  std::string report;
  std::size_t shown = 0;
  auto note = [&](const std::string& line) {
    if (++shown <= 20) report += line + "\n";
  };
  for (const auto& id : expected)
    if (!contents.ids.count(id)) note("missing: " + id);
  for (const auto& [id, count] : contents.ids) {
    if (!expected.count(id)) note("unexpected: " + id);
    if (count > 1) note("indexed " + std::to_string(count) + " times: " + id);
  }
  for (const auto& term : contents.id_terms_not_unique) note("id term on several documents: " + term);
  if (contents.id_terms != contents.doc_count)
    note(std::to_string(contents.id_terms) + " id terms for " + std::to_string(contents.doc_count) + " documents");
  if (contents.doc_count != expected.size())
    note(std::to_string(contents.doc_count) + " documents, expected " + std::to_string(expected.size()));
  if (shown > 20) report += "... and " + std::to_string(shown - 20) + " more\n";
  return report;
}

std::string intact_problems(const std::filesystem::path& db, const std::set<std::string>& kept) {
  auto report = integrity_problems(db);
  auto contents = read_index(db);
  for (const auto& id : kept)
    if (auto held = contents.ids.count(id) ? contents.ids.at(id) : 0; held != 1)
      report += "article indexed before held " + std::to_string(held) + " times: " + id + "\n";
  for (const auto& missing : contents.records_without_articles)
    report += "file record names a missing article: " + missing + "\n";
  return report;
}

std::uint64_t count_matches(const std::filesystem::path& db, const std::string& word) {
  auto result =
      run_command(shell_quote(search_bin()) + " --json --db " + shell_quote(db.string()) + " " + shell_quote(word));
  if (result.exit_code != 0 || !result.err.empty())
    throw std::runtime_error("newsdex-search " + word + ": exit " + std::to_string(result.exit_code) + ": " +
                             result.err);
  return nlohmann::json::parse(result.out)["matches"]["lower_bound"].get<std::uint64_t>();
}

}  // namespace newsdex::test
