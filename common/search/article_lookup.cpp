#include "common/search/article_lookup.hpp"

#include <algorithm>
#include <cctype>

#include "common/base/errors.hpp"
#include "common/base/path_text.hpp"
#include "common/search/collection_names.hpp"
#include "common/store/database.hpp"
#include "common/store/file_records.hpp"
#include "common/store/schema.hpp"
#include "common/store/document.hpp"
#include "common/store/stored_article.hpp"

namespace newsdex {
namespace {

// Each --db on its own, in the order given: the combined database answers metadata (file records,
// the language) from its first database only. Document d of the combination is in database
// (d - 1) % n (Xapian interleaves the docids of n databases).
std::vector<Xapian::Database> each_database(const std::vector<std::string>& paths, const Xapian::Database& combined) {
  if (paths.size() <= 1) return {combined};
  std::vector<Xapian::Database> databases;
  for (const auto& path : paths) databases.push_back(open_for_reading({path}));
  return databases;
}

const Xapian::Database& holding(const std::vector<Xapian::Database>& databases, Xapian::docid docid) {
  return databases[(docid - 1) % databases.size()];
}

void add_new(std::vector<Xapian::docid>& docids, const std::vector<Xapian::docid>& more) {
  for (auto docid : more)
    if (std::find(docids.begin(), docids.end(), docid) == docids.end()) docids.push_back(docid);
}

// The documents of the articles read from the file at `typed` (as results show paths, or relative
// to the current folder), from each database's record of that file.
std::vector<Xapian::docid> docids_of_file(const Xapian::Database& combined, const std::vector<Xapian::Database>& each,
                                          std::string_view typed) {
  std::vector<Xapian::docid> docids;
  auto path = stored_path_form(typed);
  if (path.empty()) return docids;
  for (const auto& database : each)
    if (auto record = load_file_record(database, path))
      for (const auto& id : record->article_ids) add_new(docids, docids_with_id(combined, id));
  return docids;
}

// The whole stored record, the article's own entities (`extracted`) included, which the fast reader
// of hits skips; data that does not parse as JSON goes to that tolerant reader.
Article stored_article(const Xapian::Database& database, DataUnpacker& unpacker, Xapian::docid docid) {
  auto bytes = unpacker.unpack(database.get_document(docid).get_data());
  auto data = nlohmann::json::parse(bytes, nullptr, false);
  return data.is_object() ? article_from_json(data) : article_from_stored_data(bytes);
}

// The other documents with the body-hash term of `docid`.
std::vector<SameBody> same_body(const Xapian::Database& database, DataUnpacker& unpacker, Xapian::docid docid) {
  std::vector<SameBody> others;
  auto terms = database.termlist_begin(docid);
  terms.skip_to(std::string(schema::body_hash_prefix));
  if (terms == database.termlist_end(docid) || !(*terms).starts_with(schema::body_hash_prefix)) return others;
  const std::string hash_term = *terms;
  for (auto it = database.postlist_begin(hash_term); it != database.postlist_end(hash_term); ++it) {
    if (*it == docid) continue;
    auto other = stored_article(database, unpacker, *it);
    others.push_back({*it, std::move(other.id), std::move(other.path)});
  }
  return others;
}

ShownArticle read_article(const Xapian::Database& database, const std::vector<Xapian::Database>& each,
                          DataUnpacker& unpacker, Xapian::docid docid) {
  ShownArticle shown;
  shown.docid = docid;
  shown.article = stored_article(database, unpacker, docid);
  // What results and facets show: curated, with the collection's display names; `extracted` keeps
  // the article's own (stored only when the collection-wide resolution changed them).
  if (!shown.article.extracted) shown.article.extracted = shown.article.entities;
  shown.article.entities = CollectionNames(each, load_curation(database))(shown.article.entities);
  shown.language = holding(each, docid).get_metadata(std::string(schema::language_key));
  shown.same_body = same_body(database, unpacker, docid);
  return shown;
}

}  // namespace

std::optional<Xapian::docid> existing_docid(const Xapian::Database& database, std::string_view text) {
  bool numeric = !text.empty() && text.size() < 10 && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  // Docids start at 1: Xapian refuses 0 as an invalid argument rather than a missing document.
  auto docid = numeric ? static_cast<Xapian::docid>(std::stoul(std::string(text))) : Xapian::docid(0);
  if (docid == 0) return std::nullopt;
  try {
    database.get_document(docid);
    return docid;
  } catch (const Xapian::DocNotFoundError&) {
    return std::nullopt;
  }
}

std::vector<Xapian::docid> docids_with_id(const Xapian::Database& database, std::string_view id) {
  std::vector<Xapian::docid> docids;
  for (auto prefix : {schema::id_prefix, schema::duplicate_prefix}) {
    auto term = schema::id_term(id, prefix);
    for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) docids.push_back(*it);
    if (!docids.empty()) break;
  }
  return docids;
}

std::string_view article_key_name(ArticleKey key) {
  switch (key) {
    case ArticleKey::docid:
      return "docid";
    case ArticleKey::path:
      return "path";
    default:
      return "id";
  }
}

ShownArticles show_articles(Searcher& searcher, std::string_view which) {
  ShownArticles shown;
  shown.asked = std::string(which);
  searcher.read([&](const Xapian::Database& database, DataUnpacker& unpacker) {
    auto each = each_database(searcher.paths(), database);
    std::vector<Xapian::docid> docids;
    if (auto docid = existing_docid(database, which)) {
      docids = {*docid};
      shown.matched_by = ArticleKey::docid;
    } else if (docids = docids_of_file(database, each, which); !docids.empty()) {
      shown.matched_by = ArticleKey::path;
    } else {
      docids = docids_with_id(database, which);
      shown.matched_by = ArticleKey::id;
    }
    shown.articles.clear();  // a second attempt starts afresh
    for (auto docid : docids) shown.articles.push_back(read_article(database, each, unpacker, docid));
  });
  if (shown.articles.empty())
    throw QueryError("--show: no article with docid, path or id '" + shown.asked +
                     "' (give a docid, id or path shown in results)");
  // A file's articles in their order in it (a JSON Lines export holds many).
  std::stable_sort(shown.articles.begin(), shown.articles.end(), [](const ShownArticle& a, const ShownArticle& b) {
    return a.article.position < b.article.position;
  });
  return shown;
}

}  // namespace newsdex
