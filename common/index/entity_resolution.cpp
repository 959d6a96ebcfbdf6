#include "common/index/entity_resolution.hpp"

#include <set>
#include <string>

#include "common/store/display_names.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

ner::EntityType ner_type(schema::EntityType type) {
  switch (type) {
    case schema::EntityType::person:
      return ner::EntityType::person;
    case schema::EntityType::organisation:
      return ner::EntityType::organisation;
    default:
      return ner::EntityType::location;
  }
}

const schema::EntityField& field_of(ner::EntityType type) {
  for (const auto& field : schema::entity_fields)
    if (ner_type(field.type) == type) return field;
  return schema::entity_fields.back();
}

// The display name the collection shows for a canonical name (the first written, writer.cpp).
std::string display_name(const Xapian::Database& db, const ner::TypedKey& name) {
  return stored_display_name({db}, field_of(name.type).prefix, name.key);
}

}  // namespace

ner::KeyResolution stored_entity_resolution(const Xapian::Database& db) {
  return ner::parse_resolution(db.get_metadata(std::string(schema::entity_resolution_key)));
}

ner::CollectionEvidence collection_evidence(const Xapian::Database& db) {
  ner::CollectionEvidence evidence;
  for (const auto& field : schema::entity_fields) {
    const std::string prefix(field.raw_prefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term)
      evidence.keys.push_back({{ner_type(field.type), (*term).substr(prefix.size())}, term.get_termfreq()});
  }
  const std::string prefix(schema::acronym_use_prefix);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    const std::string pairing = (*term).substr(prefix.size());
    const auto colon = pairing.find(':');
    if (colon == std::string::npos) continue;
    evidence.acronyms.push_back({pairing.substr(0, colon), pairing.substr(colon + 1), term.get_termfreq()});
  }
  return evidence;
}

ResolutionCounts resolve_collection_entities(ShardWriters& shards, IndexWriter& writer) {
  ResolutionCounts counts;
  shards.drain();  // the collection as written so far, read as one while no shard is being written
  const auto& db = shards.combined();
  const auto old = stored_entity_resolution(db);
  auto resolution = ner::resolve_collection_keys(collection_evidence(db));
  for (auto& [from, to] : resolution) to.display = display_name(db, to.name);
  counts.names = resolution.size();

  // The raw names whose canonical name changed, either way; only their articles are re-keyed.
  std::set<ner::TypedKey> changed;
  for (const auto& [from, to] : resolution)
    if (auto it = old.find(from); it == old.end() || !(it->second == to)) changed.insert(from);
  for (const auto& [from, to] : old)
    if (!resolution.count(from)) changed.insert(from);
  counts.changed = changed.size();
  if (changed.empty()) return counts;

  std::set<Xapian::docid> documents;
  for (const auto& name : changed) {
    const auto term = schema::boolean_term(field_of(name.type).raw_prefix, name.key);
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting)
      documents.insert(*posting);
  }
  for (const auto docid : documents) counts.rekeyed += writer.rekey(docid, resolution);
  writer.set_metadata(std::string(schema::entity_resolution_key), ner::serialise_resolution(resolution));
  counts.wrote = true;
  return counts;
}

}  // namespace newsdex
