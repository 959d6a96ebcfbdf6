// IndexWriter (common/index/writer.hpp) on its own: documents added, replaced, recorded as duplicates
// and removed in a database in a temporary folder, read back through Xapian afterwards.
#include <catch2/catch.hpp>

#include <array>
#include <string>

#include "common/store/file_records.hpp"
#include "common/store/schema.hpp"
#include "tests/support.hpp"
#include "tests/unit/written_articles.hpp"

using namespace newsdex;
using namespace newsdex::test;

namespace {

const ArticleSpec ferry{"a1",
                        "Ferry returns to the harbour",
                        "The ferry to the island runs again after repairs.",
                        "2024-05-01",
                        "Coast News",
                        {"Ida Merrow"}};
const ArticleSpec council{
    "a2", "Council votes on the budget", "The city council approved a budget for schools.", "2024-06-02", "City Wire",
    {}};
// The same body as `ferry`, found at another place under another title.
const ArticleSpec ferry_copy{"a3", "Island ferry back", ferry.body, "2024-05-02", "Bay Times", {}};

Xapian::docid docid_of(const Xapian::Database& db, const std::string& term) {
  auto it = db.postlist_begin(term);
  return it == db.postlist_end(term) ? 0 : *it;
}

Xapian::doccount spelling_frequency(const Xapian::Database& db, const std::string& word) {
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
    if (*it == word) return it.get_termfreq();
  return 0;
}

using Counts = std::array<std::size_t, 4>;
// The writer's counts: added, updated, duplicates, deleted.
Counts counts_of(const IndexWriter& writer) {
  const auto& counts = writer.counts();
  return {counts.added, counts.updated, counts.duplicates, counts.deleted};
}

class Folder {
 public:
  explicit Folder(const std::string& name) : dir_(name), db_(dir_.path().string(), Xapian::DB_CREATE_OR_OPEN) {}
  Xapian::WritableDatabase& db() { return db_; }
  // What a reader opened now sees: only what was committed.
  Xapian::Database committed() const { return Xapian::Database(dir_.path().string()); }

 private:
  TempDir dir_;
  Xapian::WritableDatabase db_;
};

}  // namespace

TEST_CASE("index writer: new articles become documents a reader finds by id, with their data", "[writer]") {
  Folder folder("writer-add");
  IndexWriter writer(folder.db(), "english");
  CHECK(writer.write(prepared(ferry), false));
  CHECK(writer.write(prepared(council), false));
  CHECK(counts_of(writer) == Counts{2, 0, 0, 0});
  CHECK(writer.pending() == 2);
  writer.commit_if_due(0);
  CHECK(writer.pending() == 0);

  auto db = folder.committed();
  REQUIRE(db.get_doccount() == 2);
  for (const auto* spec : {&ferry, &council}) {
    auto docid = docid_of(db, schema::id_term(spec->id));
    REQUIRE(docid != 0);
    auto article = stored_article(db, docid);
    CHECK(article.title == spec->title);
    CHECK(article.published == spec->published);
    CHECK(article.paragraphs == std::vector<std::string>{spec->body});
  }
  CHECK(db.get_termfreq("Zferri") == 1);  // the body's words are indexed, stemmed
}

TEST_CASE("index writer: commits only when enough changes are pending", "[writer]") {
  Folder folder("writer-commit");
  IndexWriter writer(folder.db(), "english");
  writer.write(prepared(ferry), false);
  writer.write(prepared(council), false);
  writer.commit_if_due(3);
  CHECK(folder.committed().get_doccount() == 0);
  writer.commit_if_due(2);
  CHECK(folder.committed().get_doccount() == 2);
}

TEST_CASE("index writer: an article written again under its id replaces its document", "[writer]") {
  Folder folder("writer-replace");
  write_articles(folder.db(), {ferry, council});
  auto changed = ferry;
  changed.title = "Ferry timetable changes";
  changed.body = "The ferry now leaves every hour in summer.";
  IndexWriter writer(folder.db(), "english");
  CHECK(writer.write(prepared(changed), true));
  writer.commit_if_due(0);
  CHECK(counts_of(writer) == Counts{0, 1, 0, 0});

  auto db = folder.committed();
  CHECK(db.get_doccount() == 2);
  auto article = stored_article(db, docid_of(db, schema::id_term("a1")));
  CHECK(article.title == "Ferry timetable changes");
  CHECK(db.get_termfreq("Zisland") == 0);  // the old body's words went with it
  CHECK(db.get_termfreq("Zsummer") == 1);
}

TEST_CASE("index writer: an identical body is recorded as another location, not a document", "[writer]") {
  // Both ways of finding the first copy: from the database, and from memory in a fresh run.
  for (bool fresh : {false, true}) {
    Folder folder(fresh ? "writer-duplicate-fresh" : "writer-duplicate");
    IndexWriter writer(folder.db(), "english", fresh);
    CHECK(writer.write(prepared(ferry), false));
    CHECK_FALSE(writer.write(prepared(ferry_copy), false));
    writer.commit_if_due(0);
    CHECK(counts_of(writer) == Counts{1, 0, 1, 0});

    auto db = folder.committed();
    CHECK(db.get_doccount() == 1);
    auto docid = docid_of(db, schema::id_term("a1"));
    CHECK(docid_of(db, schema::id_term("a3", schema::duplicate_prefix)) == docid);
    auto article = stored_article(db, docid);
    REQUIRE(article.duplicates.size() == 1);
    CHECK(article.duplicates[0].id == "a3");
    CHECK(article.duplicates[0].title == "Island ferry back");
  }
}

TEST_CASE("index writer: removing a file's articles deletes them, or promotes a duplicate", "[writer]") {
  Folder folder("writer-remove");
  write_articles(folder.db(), {ferry, council, ferry_copy});
  IndexWriter writer(folder.db(), "english");
  // The file of `ferry` goes: its copy elsewhere becomes the document. The file of `council` is
  // re-indexed with a2 again: counted as updated later, not deleted.
  writer.remove_file_articles({make_article(ferry).path, 0, 0, "", {"a1"}}, {});
  writer.remove_file_articles({make_article(council).path, 0, 0, "", {"a2"}}, {"a2"});
  writer.commit_if_due(0);
  CHECK(counts_of(writer) == Counts{0, 0, 0, 1});

  auto db = folder.committed();
  CHECK(db.get_doccount() == 1);
  CHECK(docid_of(db, schema::id_term("a1")) == 0);
  CHECK(docid_of(db, schema::id_term("a2")) == 0);
  auto promoted = docid_of(db, schema::id_term("a3"));
  REQUIRE(promoted != 0);
  auto article = stored_article(db, promoted);
  CHECK(article.title == "Island ferry back");
  CHECK(article.source == "Bay Times");
  CHECK(article.duplicates.empty());
}

TEST_CASE("index writer: an id now held by another file's article is left alone", "[writer]") {
  Folder folder("writer-remove-other-path");
  write_articles(folder.db(), {ferry});
  IndexWriter writer(folder.db(), "english");
  writer.remove_file_articles({"/elsewhere/old.txt", 0, 0, "", {"a1"}}, {});
  writer.commit_if_due(0);
  CHECK(folder.committed().get_doccount() == 1);
}

TEST_CASE("index writer: file records, spelling words and entity names reach the database", "[writer]") {
  Folder folder("writer-metadata");
  auto accented = council;
  accented.people = {"Zoe Marchetti"};
  auto later = ferry;
  later.people = {"Zoë Marchetti"};
  IndexWriter writer(folder.db(), "english");
  writer.write(prepared(accented), false);
  writer.write(prepared(later), false);
  writer.write_record({"/in/a.txt", 10, 20, "hash", {"a1", "a2"}});
  writer.write_record({"/in/b.txt", 1, 2, "other", {}});
  writer.erase_record("/in/b.txt");
  writer.flush_spelling();
  writer.commit_if_due(0);

  auto db = folder.committed();
  auto record = load_file_record(db, "/in/a.txt");
  REQUIRE(record);
  CHECK(record->hash == "hash");
  CHECK(record->article_ids == std::vector<std::string>{"a1", "a2"});
  CHECK_FALSE(load_file_record(db, "/in/b.txt"));
  // The words and counts of the prepared articles, summed.
  auto given = [&](const std::string& word) {
    Xapian::termcount sum = 0;
    for (const auto* spec : {&accented, &later})
      for (const auto& [known, count] : prepared(*spec).spelling_words)
        if (known == word) sum += count;
    return sum;
  };
  CHECK(given("budget") > 0);
  CHECK(spelling_frequency(db, "budget") == given("budget"));
  CHECK(spelling_frequency(db, "ferry") == given("ferry"));
  CHECK(spelling_frequency(db, "volcano") == 0);
  // The accented spelling, seen later, replaces the plain one as the display name.
  auto key = std::string(schema::entity_name_key_prefix) + schema::boolean_term(schema::person_prefix, "zoe marchetti");
  CHECK(db.get_metadata(key) == "Zoë Marchetti");
}
