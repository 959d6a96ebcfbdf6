#include "common/index/curate.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>

#include "common/base/errors.hpp"
#include "common/base/path_text.hpp"
#include "common/base/text.hpp"
#include "common/store/curation.hpp"
#include "common/store/database.hpp"
#include "common/store/document.hpp"
#include "common/store/schema.hpp"
#include "common/store/stored_article.hpp"
#include "common/store/stored_data.hpp"
#include "common/store/write_failure_guard.hpp"
#include "common/store/xapian_errors.hpp"

namespace newsdex {
namespace {

// A curation file is a few hundred lines: anything this large is the wrong file.
constexpr std::size_t max_curation_bytes = 16 * 1024 * 1024;

std::string read_curation_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read the curation file " + path_text(path) + ": " + std::strerror(errno));
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_curation_bytes)
      throw UsageError("the curation file " + path_text(path) + " is larger than 16 MB: is it the right file?");
  }
  if (in.bad()) throw UsageError("cannot read the curation file " + path_text(path) + ": I/O error");
  return text;
}

// True when two lists of an article give the same entity terms and facet slots: the same keys of
// each type in the same order (names and mentions are not in the index).
bool same_terms(const Entities& a, const Entities& b) {
  for (const auto& field : schema::entity_fields) {
    const auto &x = entities_of(a, field.type), &y = entities_of(b, field.type);
    if (!std::equal(x.begin(), x.end(), y.begin(), y.end(),
                    [](const Entity& e, const Entity& f) { return e.key == f.key; }))
      return false;
  }
  return true;
}

std::string name_key(schema::EntityType type, std::string_view key) {
  return schema::entity_name_key(schema::entity_fields[static_cast<std::size_t>(type)].prefix, key);
}

// The display names to write, each once: those a rule gives replace the name the index had; other
// keys keep theirs and get the article's name only when they had none (a key new to its type).
class DisplayNames {
 public:
  explicit DisplayNames(Xapian::WritableDatabase& db) : db_(db) {}

  void keep_or_give(schema::EntityType type, const Entity& entity) {
    auto key = name_key(type, entity.key);
    if (!names_.count(key) && db_.get_metadata(key).empty()) names_[key] = entity.name;
  }
  void give(schema::EntityType type, const std::string& key, const std::string& name) {
    names_[name_key(type, key)] = name;
  }

  // Writes the names that differ from the index's; returns how many.
  std::size_t write() {
    std::size_t written = 0;
    for (const auto& [key, name] : names_)
      if (db_.get_metadata(key) != name) db_.set_metadata(key, name), ++written;
    return written;
  }

 private:
  Xapian::WritableDatabase& db_;
  std::map<std::string, std::string> names_;
};

class CurationRun {
 public:
  // `previous`: the database's curation until now, whose entity terms every document holds (each
  // write applies it), so only the articles the two curate differently are rewritten.
  CurationRun(Xapian::WritableDatabase& db, const Curation& previous, const Curation& curation, CurationReport& report)
      : db_(db), previous_(previous), curation_(curation), report_(report), unpacker_(db), names_(db) {}

  // Every article through the curation; the changed ones rewritten. Returns true when anything
  // was written.
  bool apply(const std::string& text) {
    std::vector<Xapian::docid> docids;
    for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it) docids.push_back(*it);
    for (auto docid : docids) curate_document(docid);
    name_rule_targets();
    bool names_changed = names_.write() > 0;
    report_.stored_changed = stored_curation_text(db_) != text;
    if (report_.stored_changed) db_.set_metadata(std::string(schema::curation_key), text);
    return report_.rewritten > 0 || names_changed || report_.stored_changed;
  }

 private:
  void curate_document(Xapian::docid docid) {
    ++report_.articles;
    auto document = db_.get_document(docid);
    auto article = article_from_stored_data(unpacker_.unpack(document.get_data()));
    auto curated = curation_.apply(article.entities);
    for (auto rule : curated.rules_applied) ++report_.rules[rule].articles;
    if (same_terms(curated.entities, previous_.apply(article.entities).entities)) return;
    replace_entity_terms(document, curated.entities);
    db_.replace_document(docid, document);
    ++report_.rewritten;
    for (const auto& field : schema::entity_fields)
      for (const auto& entity : entities_of(curated.entities, field.type)) names_.keep_or_give(field.type, entity);
  }

  // A name a rule gives is the display name of its key, under each type the key now has.
  void name_rule_targets() {
    for (const auto& [rule, articles] : report_.rules) {
      if (rule.target.empty() || articles == 0) continue;
      auto key = fold_key(rule.target);
      for (const auto& field : schema::entity_fields)
        if (db_.term_exists(schema::boolean_term(field.prefix, key))) names_.give(field.type, key, rule.target);
    }
  }

  Xapian::WritableDatabase& db_;
  const Curation &previous_, &curation_;
  CurationReport& report_;
  DataUnpacker unpacker_;
  DisplayNames names_;
};

CurationReport curate(const std::string& db_path, const std::string& curation_path, bool wait_for_lock) {
  auto started = std::chrono::steady_clock::now();
  CurationReport report;
  report.file = path_text(curation_path);
  auto text = read_curation_file(curation_path);
  Curation curation(parse_curation(text, report.file));
  for (const auto& rule : curation.rules()) report.rules.push_back({rule, 0});
  open_for_reading({db_path});  // a missing database is exit 3 with its message, not created here
  auto folder = open_for_writing(db_path, wait_for_lock);
  if (folder.shards.size() > 1)
    throw UsageError("--curate does not apply to a sharded collection yet (" + path_text(db_path) + " has " +
                     std::to_string(folder.shards.size()) +
                     " shards): 'newsdex-index merge --db " + path_text(db_path) + "' makes it one database, which --curate can change");
  auto& db = folder.database();
  auto previous = load_curation(db);
  // One transaction: nothing is committed unless every article was curated.
  db.begin_transaction();
  try {
    report.wrote_anything = CurationRun(db, previous, curation, report).apply(text);
    if (report.wrote_anything) {
      db.commit_transaction();
    } else {
      db.cancel_transaction();
    }
  } catch (...) {
    db.cancel_transaction();
    throw;
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace

CurationReport curate_database(const std::string& db_path, const std::string& curation_path, bool wait_for_lock) {
  WriteFailureGuard guard(db_path);  // its commit rewrites value slots too (write_failure_guard.hpp)
  return with_newsdex_errors(DatabaseWork::indexing, [&] { return curate(db_path, curation_path, wait_for_lock); });
}

}  // namespace newsdex
