#include "common/index/writer.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "common/base/text.hpp"
#include "common/store/display_names.hpp"
#include "common/store/document.hpp"
#include "common/store/schema.hpp"
#include "common/store/shard_routing.hpp"

namespace newsdex {
namespace {

Xapian::docid find_document(const Xapian::Database& db, const std::string& term) {
  auto it = db.postlist_begin(term);
  return it == db.postlist_end(term) ? 0 : *it;
}

// The database's compression dictionary (stored_data.hpp), as bytes; empty when it has none yet.
std::string stored_dictionary(const Xapian::Database& db) {
  auto id_text = db.get_metadata(std::string(schema::data_dictionary_key));
  std::uint32_t id = 0;
  std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  return id == 0 ? std::string() : db.get_metadata(data_dictionary_key(id));
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

IndexWriter::IndexWriter(ShardWriters& shards, std::string language, bool fresh)
    : shards_(shards), fresh_(fresh), unpacker_(Xapian::Database()) {
  start(language);
}

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, std::string language, bool fresh)
    : own_shards_(std::make_unique<ShardWriters>(std::vector{db})),
      shards_(*own_shards_),
      fresh_(fresh),
      unpacker_(Xapian::Database()) {
  start(language);
}

IndexWriter::~IndexWriter() = default;

void IndexWriter::start(const std::string& language) {
  rebuilder_.set_stemmer(Xapian::Stem(language));
  // The first shard's metadata is the collection's: every shard holds the same.
  curation_ = shards_.read<Curation>(0, [](Xapian::WritableDatabase& db) { return load_curation(db); });
  auto dictionary = shards_.read<std::string>(0, [](Xapian::WritableDatabase& db) { return stored_dictionary(db); });
  if (!dictionary.empty()) use_dictionary(DataDictionary(std::move(dictionary)));
}

void IndexWriter::use_dictionary(const DataDictionary& dictionary) {
  packer_.emplace(dictionary);
  unpacker_.add(dictionary);
}

std::size_t IndexWriter::shard_for(const std::string& key) const { return shard_of(key, shards_.count()); }

Xapian::docid IndexWriter::find_in(std::size_t shard, const std::string& term) {
  auto local =
      shards_.read<Xapian::docid>(shard, [term](Xapian::WritableDatabase& db) { return find_document(db, term); });
  return local == 0 ? 0 : collection_docid({shard, local}, shards_.count());
}

Xapian::docid IndexWriter::find_anywhere(const std::string& term) {
  for (std::size_t shard = 0; shard < shards_.count(); ++shard)
    if (auto docid = find_in(shard, term)) return docid;
  return 0;
}

std::string IndexWriter::stored_bytes(Xapian::docid docid) {
  auto at = shard_docid(docid, shards_.count());
  return shards_.read<std::string>(at.shard,
                                   [at](Xapian::WritableDatabase& db) { return db.get_document(at.docid).get_data(); });
}

void IndexWriter::replace(Xapian::docid docid, Xapian::Document&& document) {
  auto at = shard_docid(docid, shards_.count());
  shards_.write(at.shard, [at, document = std::move(document)](Xapian::WritableDatabase& db) {
    db.replace_document(at.docid, document);
  });
}

void IndexWriter::write_record(const FileRecord& record) {
  shards_.write(0, [record](Xapian::WritableDatabase& db) { store_file_record(db, record); });
}

void IndexWriter::erase_record(const std::string& path) {
  shards_.write(0, [path](Xapian::WritableDatabase& db) { erase_file_record(db, path); });
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
  shards_.write_all([key, value](Xapian::WritableDatabase& db) { db.set_metadata(key, value); });
}

Article IndexWriter::load_article(Xapian::docid docid) {
  auto data = nlohmann::json::parse(unpacker_.unpack(stored_bytes(docid)), nullptr, false);
  return data.is_discarded() ? Article{} : article_from_json(data);
}

std::string IndexWriter::stored_data(const Article& article) { return stored_data(article_to_json(article).dump()); }

std::string IndexWriter::stored_data(std::string json) {
  if (packer_) return packer_->pack(json);
  if (dictionary_samples_.size() >= dictionary_samples_retry) return json;  // training failed twice: stay plain
  dictionary_samples_.push_back(json);
  if (dictionary_samples_.size() == dictionary_samples || dictionary_samples_.size() == dictionary_samples_retry) {
    if (auto trained = DataDictionary::train(dictionary_samples_)) {
      // One dictionary for the whole collection, in every shard: a reader asks only the first.
      set_metadata(data_dictionary_key(trained->id()), trained->bytes());
      set_metadata(std::string(schema::data_dictionary_key), std::to_string(trained->id()));
      use_dictionary(*trained);
      dictionary_samples_ = {};
    }
  }
  return json;  // the samples themselves stay plain: they were the dictionary's teachers
}

void IndexWriter::set_stored_data(Xapian::Document& document) { document.set_data(stored_data(document.get_data())); }

// The promoted article goes to the shard of its own id, where a later run looks for it.
void IndexWriter::promote_first_duplicate(Xapian::docid docid, Article&& article) {
  auto promoted = promote(std::move(article), 0);
  auto document = make_document(promoted, rebuilder_);
  curate(document, promoted.entities);
  set_stored_data(document);
  auto at = shard_docid(docid, shards_.count());
  auto target = shard_for(promoted.id);
  if (target == at.shard) {
    replace(docid, std::move(document));
  } else {
    shards_.write(at.shard, [at](Xapian::WritableDatabase& db) { db.delete_document(at.docid); });
    shards_.write(target, [term = schema::id_term(promoted.id), document = std::move(document)](
                              Xapian::WritableDatabase& db) { db.replace_document(term, document); });
  }
  ++pending_;
}

void IndexWriter::remove_article(const std::string& id, const std::string& path, bool written_again) {
  if (auto docid = find_in(shard_for(id), schema::id_term(id))) {
    auto article = load_article(docid);
    if (article.path != path) return;  // the id now belongs to an article read from another file
    if (article.duplicates.empty()) {
      auto at = shard_docid(docid, shards_.count());
      shards_.write(at.shard, [at](Xapian::WritableDatabase& db) { db.delete_document(at.docid); });
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
  // A duplicate location is recorded on its article, which may be in any shard.
  if (auto docid = find_anywhere(schema::id_term(id, schema::duplicate_prefix))) {
    auto article = load_article(docid);
    std::erase_if(article.duplicates, [&](const DuplicateLocation& d) { return d.id == id && d.path == path; });
    auto at = shard_docid(docid, shards_.count());
    shards_.write(at.shard, [at, term = schema::id_term(id, schema::duplicate_prefix),
                             data = stored_data(article)](Xapian::WritableDatabase& db) {
      auto document = db.get_document(at.docid);
      document.remove_term(term);
      document.set_data(data);
      db.replace_document(at.docid, document);
    });
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
      // A fresh run began with no names: only one it wrote itself can be known.
      if (inserted && !fresh_)
        known->second =
            shards_.read<std::string>(0, [key](Xapian::WritableDatabase& db) { return db.get_metadata(key); });
      // The first name seen stays, unless a later one writes the accents it lacked ("Zoe" -> "Zoë").
      if (is_better_display_name(entity.name, known->second)) {
        known->second = entity.name;
        set_metadata(key, entity.name);
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
      auto at = shard_docid(docid, shards_.count());
      shards_.write(at.shard, [at, term = schema::id_term(article.id, schema::duplicate_prefix),
                               data = stored_data(primary)](Xapian::WritableDatabase& db) {
        auto document = db.get_document(at.docid);
        document.add_boolean_term(term);
        document.set_data(data);
        db.replace_document(at.docid, document);
      });
      ++counts_.duplicates;
      return false;
    }
  }
  for (auto& [word, count] : prepared.spelling_words) spelling_[std::move(word)] += count;
  if (spelling_.size() > 500000) flush_spelling();
  auto curated = curate(prepared.document, article.entities);
  record_display_names(curated ? *curated : article.entities, article.source);
  set_stored_data(prepared.document);
  auto shard = shard_for(article.id);
  if (fresh_ && written_ids_.insert(article.id).second) {
    written_hashes_.emplace(hash_term, article.id);
    shards_.write(
        shard, [document = std::move(prepared.document)](Xapian::WritableDatabase& db) { db.add_document(document); });
  } else {
    shards_.write(shard, [term = schema::id_term(article.id), document = std::move(prepared.document)](
                             Xapian::WritableDatabase& db) { db.replace_document(term, document); });
    if (fresh_) written_hashes_[hash_term] = article.id;
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
  replace(docid, std::move(document));
  ++pending_;
  return true;
}

Xapian::docid IndexWriter::find_by_hash(const std::string& hash_term) {
  if (!fresh_) return find_anywhere(hash_term);
  auto it = written_hashes_.find(hash_term);
  return it == written_hashes_.end() ? 0 : find_in(shard_for(it->second), schema::id_term(it->second));
}

void IndexWriter::flush_spelling() {
  // In a large collection built from empty a word seen once is mostly a typo or a stray token:
  // suggesting it would not help, and leaving such words out halves the table and the time spent
  // writing it. Incremental runs add every word (Xapian 1.4 cannot cheaply say which are known).
  bool drop_single = fresh_ && spelling_.size() >= large_vocabulary_words;
  std::vector<std::vector<std::pair<std::string, Xapian::termcount>>> words(shards_.count());
  for (auto& [word, count] : spelling_)
    if (count > 1 || !drop_single) words[shard_for(word)].emplace_back(word, count);
  spelling_.clear();
  for (std::size_t shard = 0; shard < words.size(); ++shard)
    shards_.write(shard, [words = std::move(words[shard])](Xapian::WritableDatabase& db) {
      for (const auto& [word, count] : words) db.add_spelling(word, count);
    });
}

void IndexWriter::commit_if_due(std::size_t every) {
  if (pending_ == 0 || pending_ < every) return;
  // The periodic commits of shards run on their threads while the run goes on; the last one
  // (every = 0), and every commit of one database, return once everything is committed.
  shards_.commit(every == 0 || shards_.count() == 1);
  pending_ = 0;
}

}  // namespace newsdex
