#include "common/index/writer.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "common/base/text.hpp"
#include "common/store/display_names.hpp"
#include "common/store/document.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

Xapian::docid find_document(Xapian::Database& db, const std::string& term) {
  auto it = db.postlist_begin(term);
  return it == db.postlist_end(term) ? 0 : *it;
}

// Articles whose data trains the compression dictionary (stored_data.hpp): 300 gave nearly all
// of what 2,000 give on Reuters; when training fails (too few or too alike), it is tried once more.
constexpr std::size_t dictionary_samples = 300, dictionary_samples_retry = 1000;

// Vocabulary size from which words seen once are left out of the spelling dictionary (a few hundred
// news articles; smaller collections keep every word).
constexpr std::size_t large_vocabulary_words = 20000;

DuplicateLocation location_of(const Article& article) {
  return {article.id,     article.path,   article.url,   article.title, article.published,
          article.source, article.author, article.position};
}

// The duplicate at `index` becomes the article: same body and entities, its own metadata.
Article promote(Article primary, std::size_t index) {
  auto location = primary.duplicates[index];
  primary.duplicates.erase(primary.duplicates.begin() + static_cast<std::ptrdiff_t>(index));
  primary.id = location.id;
  primary.path = location.path;
  primary.url = location.url;
  primary.title = location.title;
  primary.published = location.published;
  primary.source = location.source;
  primary.author = location.author;
  primary.position = location.position;
  return primary;
}

}  // namespace

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, std::string language, bool fresh)
    : db_(db), fresh_(fresh), curation_(load_curation(db)), unpacker_(db) {
  rebuilder_.set_stemmer(Xapian::Stem(language));
  auto id_text = db_.get_metadata(std::string(schema::data_dictionary_key));
  std::uint32_t id = 0;
  std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (id == 0) return;
  if (auto bytes = db_.get_metadata(data_dictionary_key(id)); !bytes.empty()) use_dictionary(DataDictionary(bytes));
}

void IndexWriter::use_dictionary(const DataDictionary& dictionary) {
  packer_.emplace(dictionary);
  unpacker_.add(dictionary);
}

Article IndexWriter::load_article(Xapian::docid docid) {
  auto data = nlohmann::json::parse(unpacker_.unpack(db_.get_document(docid).get_data()), nullptr, false);
  return data.is_discarded() ? Article{} : article_from_json(data);
}

std::string IndexWriter::stored_data(const Article& article) { return stored_data(article_to_json(article).dump()); }

std::string IndexWriter::stored_data(std::string json) {
  if (packer_) return packer_->pack(json);
  if (dictionary_samples_.size() >= dictionary_samples_retry) return json;  // training failed twice: stay plain
  dictionary_samples_.push_back(json);
  if (dictionary_samples_.size() == dictionary_samples || dictionary_samples_.size() == dictionary_samples_retry) {
    if (auto trained = DataDictionary::train(dictionary_samples_)) {
      db_.set_metadata(data_dictionary_key(trained->id()), trained->bytes());
      db_.set_metadata(std::string(schema::data_dictionary_key), std::to_string(trained->id()));
      use_dictionary(*trained);
      dictionary_samples_ = {};
    }
  }
  return json;  // the samples themselves stay plain: they were the dictionary's teachers
}

void IndexWriter::set_stored_data(Xapian::Document& document) { document.set_data(stored_data(document.get_data())); }

void IndexWriter::promote_first_duplicate(Xapian::docid docid, Article&& article) {
  auto promoted = promote(std::move(article), 0);
  auto document = make_document(promoted, rebuilder_);
  curate(document, promoted.entities);
  set_stored_data(document);
  db_.replace_document(docid, document);
  ++pending_;
}

void IndexWriter::remove_article(const std::string& id, const std::string& path, bool written_again) {
  if (auto docid = find_document(db_, schema::id_term(id))) {
    auto article = load_article(docid);
    if (article.path != path) return;  // the id now belongs to an article read from another file
    if (article.duplicates.empty()) {
      db_.delete_document(docid);
      ++pending_;
    } else if (written_again) {
      // Left as it is until the article comes again (write): promoting a duplicate now made the
      // article a duplicate of its own copy, so a forced run counted it as one more duplicate.
      kept_in_place_[id] = docid;
    } else {
      promote_first_duplicate(docid, std::move(article));
    }
    return;
  }
  if (auto docid = find_document(db_, schema::id_term(id, schema::duplicate_prefix))) {
    auto article = load_article(docid);
    std::erase_if(article.duplicates, [&](const DuplicateLocation& d) { return d.id == id && d.path == path; });
    auto document = db_.get_document(docid);
    document.remove_term(schema::id_term(id, schema::duplicate_prefix));
    document.set_data(stored_data(article));
    db_.replace_document(docid, document);
    ++pending_;
  }
}

void IndexWriter::remove_file_articles(const FileRecord& record, const std::unordered_set<std::string>& keep) {
  for (const auto& id : record.article_ids) {
    bool written_again = keep.count(id) > 0;
    remove_article(id, record.path, written_again);
    if (!written_again) ++counts_.deleted;
  }
}

void IndexWriter::finish_file() {
  for (auto& [id, docid] : kept_in_place_) promote_first_duplicate(docid, load_article(docid));
  kept_in_place_.clear();
}

// An article kept in place by remove_file_articles comes again: with the same body it stays the
// document its duplicates point to (its own data and terms, their locations kept); with another
// body its first duplicate takes the old document over, as if it had been removed.
void IndexWriter::take_back_kept(PreparedArticle& prepared, const std::string& hash_term) {
  auto kept = kept_in_place_.find(prepared.article.id);
  if (kept == kept_in_place_.end()) return;
  auto docid = kept->second;
  kept_in_place_.erase(kept);
  auto old = load_article(docid);
  if (find_by_hash(hash_term) != docid) {
    promote_first_duplicate(docid, std::move(old));
    return;
  }
  auto& article = prepared.article;
  article.duplicates = std::move(old.duplicates);
  for (const auto& duplicate : article.duplicates)
    prepared.document.add_boolean_term(schema::id_term(duplicate.id, schema::duplicate_prefix));
  auto data = article_to_json(article);
  data["id"] = article.id;
  prepared.document.set_data(data.dump());
}

std::optional<Entities> IndexWriter::curate(Xapian::Document& document, const Entities& extracted) const {
  if (curation_.empty()) return std::nullopt;
  auto curated = curation_.apply(extracted);
  if (curated.changed) replace_entity_terms(document, curated.entities);
  return std::move(curated.entities);
}

void IndexWriter::record_display_names(const Entities& entities, const std::string& source) {
  auto remember = [&](std::string_view prefix, const std::vector<Entity>& entities) {
    for (const auto& entity : entities) {
      auto key = schema::entity_name_key(prefix, entity.key);
      auto [known, inserted] = display_names_.try_emplace(key);
      if (inserted) known->second = db_.get_metadata(key);
      // The first name seen stays, unless a later one writes the accents it lacked ("Zoe" -> "Zoë").
      if (is_better_display_name(entity.name, known->second)) {
        known->second = entity.name;
        db_.set_metadata(key, entity.name);
      }
    }
  };
  remember(schema::person_prefix, entities.people);
  remember(schema::org_prefix, entities.organisations);
  remember(schema::place_prefix, entities.places);
  if (auto key = fold_key(source); !key.empty()) remember(schema::source_prefix, {{source, key, 1}});
}

bool IndexWriter::write(PreparedArticle&& prepared, bool existed_before) {
  auto& article = prepared.article;
  ++pending_;
  auto hash_term = schema::boolean_term(schema::body_hash_prefix, prepared.body_hash);
  take_back_kept(prepared, hash_term);
  if (auto docid = find_by_hash(hash_term)) {
    auto primary = load_article(docid);
    if (primary.id != article.id) {
      bool known = false;
      for (auto& duplicate : primary.duplicates)
        if (duplicate.id == article.id) duplicate = location_of(article), known = true;
      if (!known) primary.duplicates.push_back(location_of(article));
      auto document = db_.get_document(docid);
      document.add_boolean_term(schema::id_term(article.id, schema::duplicate_prefix));
      document.set_data(stored_data(primary));
      db_.replace_document(docid, document);
      ++counts_.duplicates;
      return false;
    }
  }
  for (auto& [word, count] : prepared.spelling_words) spelling_[std::move(word)] += count;
  if (spelling_.size() > 500000) flush_spelling();
  auto curated = curate(prepared.document, article.entities);
  record_display_names(curated ? *curated : article.entities, article.source);
  set_stored_data(prepared.document);
  if (fresh_ && written_ids_.insert(article.id).second) {
    written_hashes_.emplace(hash_term, db_.add_document(prepared.document));
  } else {
    auto docid = db_.replace_document(schema::id_term(article.id), prepared.document);
    if (fresh_) written_hashes_[hash_term] = docid;
  }
  ++(existed_before ? counts_.updated : counts_.added);
  return true;
}

bool IndexWriter::rekey(Xapian::docid docid, const ner::KeyResolution& resolution) {
  auto article = load_article(docid);
  if (article.id.empty()) return false;  // data that does not parse: left as it is
  Entities own = article.extracted ? std::move(*article.extracted) : article.entities;
  auto resolved = ner::apply_resolution(own, resolution);
  if (resolved == article.entities) return false;
  article.entities = std::move(resolved);
  if (article.entities == own)
    article.extracted.reset();
  else
    article.extracted = std::move(own);
  // Built again from the stored article rather than edited: changing the terms of a document read
  // from the database makes Xapian load every term's positions, which cost several times more.
  auto document = make_document(article, rebuilder_);
  auto curated = curate(document, article.entities);  // the user's curation comes last, as for new articles
  record_display_names(curated ? *curated : article.entities, article.source);
  set_stored_data(document);
  db_.replace_document(docid, document);
  ++pending_;
  return true;
}

Xapian::docid IndexWriter::find_by_hash(const std::string& hash_term) {
  if (!fresh_) return find_document(db_, hash_term);
  auto it = written_hashes_.find(hash_term);
  return it == written_hashes_.end() ? 0 : it->second;
}

void IndexWriter::flush_spelling() {
  // In a large collection built from empty a word seen once is mostly a typo or a stray token:
  // suggesting it would not help, and leaving such words out halves the table and the time spent
  // writing it. Incremental runs add every word (Xapian 1.4 cannot cheaply say which are known).
  bool drop_single = fresh_ && spelling_.size() >= large_vocabulary_words;
  for (const auto& [word, count] : spelling_)
    if (count > 1 || !drop_single) db_.add_spelling(word, count);
  spelling_.clear();
}

void IndexWriter::commit_if_due(std::size_t every) {
  if (pending_ == 0 || pending_ < every) return;
  db_.commit();
  pending_ = 0;
}

}  // namespace newsdex
