// The index schema, defined once: every field's term prefix, value slot and kind. The indexer builds
// documents from this table and the searcher builds its QueryParser from it, so they cannot disagree.
// docs/schema.md explains each entry.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex::schema {

// Term prefixes (Xapian/Omega conventions: single capitals for standard meanings, X... for our own).
inline constexpr std::string_view id_prefix = "Q";          // unique article id
inline constexpr std::string_view title_prefix = "S";       // title words (free text: terms are ZS<stem>)
inline constexpr std::string_view person_prefix = "XP";     // person key (boolean)
inline constexpr std::string_view org_prefix = "XO";        // organisation key (boolean)
inline constexpr std::string_view place_prefix = "XL";      // place key (boolean)
// The article's own entity keys, before the collection-wide resolution (docs/entities.md): the
// evidence it counts, and how it finds the articles of a raw key to re-key them. Not for queries.
inline constexpr std::string_view raw_person_prefix = "XRP";
inline constexpr std::string_view raw_org_prefix = "XRO";
inline constexpr std::string_view raw_place_prefix = "XRL";
// XRA<acronym>:<key>: in this article the acronym stood for that name ("XRAwto:world trade organisation").
inline constexpr std::string_view acronym_use_prefix = "XRA";
inline constexpr std::string_view source_prefix = "XS";     // source key (boolean)
inline constexpr std::string_view year_prefix = "Y";        // Y2024 (boolean)
inline constexpr std::string_view month_prefix = "M";       // M202411 (boolean)
inline constexpr std::string_view day_prefix = "D";         // D20241122 (boolean)
inline constexpr std::string_view file_prefix = "XF";       // hash of the source file's path (boolean)
inline constexpr std::string_view body_hash_prefix = "XH";  // hash of the normalised body (boolean)
inline constexpr std::string_view duplicate_prefix = "XD";  // id of a duplicate location this article stands for
// The location fields (schema 3; common/store/field_terms.hpp makes their terms).
inline constexpr std::string_view author_prefix = "A";  // words of the author line, with positions (wdf 0)
inline constexpr std::string_view site_prefix = "H";    // the URL's host and each domain above it (boolean)
inline constexpr std::string_view url_prefix = "U";     // the URL, as url_key() writes it (boolean)
inline constexpr std::string_view path_prefix = "P";    // the file's path and each folder above it (boolean)
// XV<version>: the schema a document was built with. Databases of schema 2 are still read; the
// location fields are answered only when every document has them (fields_schema_term).
inline constexpr std::string_view document_schema_prefix = "XV";

// Value slots.
inline constexpr Xapian::valueno date_slot = 0;       // "YYYYMMDD": sorts and range-filters as a string
inline constexpr Xapian::valueno source_slot = 1;     // source key, for the source facet
inline constexpr Xapian::valueno collapse_slot = 2;   // body hash: collapses duplicates across databases
// "YYYYMMDD" (or "00000000" when undated) followed by the body hash: a date order whose ties do not
// depend on the docid, as a plain value sort that xapian-tcpsrv runs (a KeyMaker cannot run remotely).
inline constexpr Xapian::valueno date_order_slot = 3;
// Multi-valued facets: the i-th entity of a type (by mentions) goes in slot first + i, with no gaps,
// so exact counts come from the slots in order (locally) or from one built-in ValueCountMatchSpy per
// slot, summed (which also works through xapian-tcpsrv): see common/search/facets.hpp.
inline constexpr std::size_t facet_slots_per_type = 16;
inline constexpr Xapian::valueno person_first_slot = 10;
inline constexpr Xapian::valueno org_first_slot = 30;
inline constexpr Xapian::valueno place_first_slot = 50;

enum class EntityType { person, organisation, place };

struct EntityField {
  EntityType type;
  std::string_view query_name;   // the query-language field name ("person")
  std::string_view facet_name;   // the facet name on the command line and in JSON
  std::string_view prefix;       // boolean term prefix
  Xapian::valueno first_slot;    // first of facet_slots_per_type value slots
  std::string_view raw_prefix;   // the article's own keys of this type (before resolution)
};

inline constexpr std::array<EntityField, 3> entity_fields{{
    {EntityType::person, "person", "person", person_prefix, person_first_slot, raw_person_prefix},
    {EntityType::organisation, "org", "org", org_prefix, org_first_slot, raw_org_prefix},
    {EntityType::place, "place", "place", place_prefix, place_first_slot, raw_place_prefix},
}};

// Weights of free-text fields (wdf increments); the title counts more than the body.
inline constexpr Xapian::termcount title_weight = 3;
inline constexpr Xapian::termcount body_weight = 1;

// Metadata keys.
inline constexpr std::string_view file_record_key_prefix = "file:";   // file:<path hash> -> JSON record
inline constexpr std::string_view entity_name_key_prefix = "name:";   // name:<prefix><key> -> display name
inline constexpr std::string_view language_key = "newsdex:language";  // stemmer language of the index
// The collection-wide entity resolution in force (common/entities/collection_keys.hpp, as text).
inline constexpr std::string_view entity_resolution_key = "newsdex:entity-resolution";
inline constexpr std::string_view schema_version_key = "newsdex:schema";
// newsdex:data-dictionary -> id of the dictionary new document data is compressed with;
// newsdex:data-dictionary:<id> -> that dictionary (stored_data.hpp).
inline constexpr std::string_view data_dictionary_key = "newsdex:data-dictionary";
// newsdex:curation -> the text of the curation file last applied (curation.hpp, docs/entities.md).
inline constexpr std::string_view curation_key = "newsdex:curation";
// 2: free text as stems only, with positions (1 had an unstemmed copy of every word besides).
// 3: the author, site, url and path terms, and XV3 on every document. Schema 2 differs only by
// lacking them, so it is still read and written (oldest_readable_schema); databases of any other
// version are refused (common/store/database.cpp): build them again.
inline constexpr std::string_view schema_version = "3";
inline constexpr std::string_view oldest_readable_schema = "2";
// The term every document with the location fields carries.
inline constexpr std::string_view fields_schema_term = "XV3";

// Xapian terms are at most 245 bytes; keys longer than this are cut at a UTF-8 boundary.
inline constexpr std::size_t max_term_key_bytes = 200;

// Builds the boolean term for a prefix and a normalised key.
std::string boolean_term(std::string_view prefix, std::string_view key);

// A term that matches a key whole (an id, a URL, a path, a host): a key too long for a term keeps its
// first 100 bytes and a hash of the whole (a key of up to 150 bytes is kept as it is).
std::string exact_term(std::string_view prefix, std::string_view key);

// The metadata key of the display name of an entity or source key: "name:" + boolean_term(prefix, key)
// (common/store/display_names.hpp reads and chooses them).
std::string entity_name_key(std::string_view prefix, std::string_view key);

// The unique-id term (Q) or duplicate-location term (XD) of an article id.
inline std::string id_term(std::string_view id, std::string_view prefix = id_prefix) { return exact_term(prefix, id); }

// The date terms and value from an ISO date: "2024-11-22..." -> 20241122 (empty when not a date).
std::string date_value(std::string_view iso_date);

}  // namespace newsdex::schema
