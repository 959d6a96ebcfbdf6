// The article model: what every reader produces and what the indexer stores.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

struct Entity {
  std::string name;  // canonical display name ("Benjamin Netanyahu")
  std::string key;   // normalised key for filters and facets (fold_key of name)
  int mentions = 0;
  friend bool operator==(const Entity&, const Entity&) = default;
};

// Within one article, an acronym ("wto") stood for the entity with this key ("world trade
// organisation"): the evidence that pairs them across the collection (docs/entities.md).
struct AcronymUse {
  std::string acronym, key;
  friend bool operator==(const AcronymUse&, const AcronymUse&) = default;
};

struct Entities {
  std::vector<Entity> people, organisations, places;
  std::vector<AcronymUse> acronyms;
  bool empty() const { return people.empty() && organisations.empty() && places.empty(); }
  friend bool operator==(const Entities&, const Entities&) = default;
};

// Another place the same article (identical normalised body) was found; indexed once, listed here.
struct DuplicateLocation {
  std::string id, path, url, title, published, source, author;
  std::size_t position = 0;
};

struct Article {
  std::string id;  // stable unique id: the reader's, else make_article_id's
  std::string title;
  std::string title_source;  // where the reader found the title ("metadata", "headline line"...): --dump shows it
  std::string lede;
  std::vector<std::string> paragraphs;  // the cleaned body
  std::string published;                // ISO 8601 ("2024-11-22" or "2024-11-22T09:30:00+02:00"), or empty
  std::string author, source, url;
  std::string path;                     // the file it came from
  std::size_t position = 0;             // article index in that file (JSON Lines: line number - 1)
  // What filters, facets and results show: the collection's canonical names.
  Entities entities;
  // The article's own entities, as extracted (and supplied), when the collection-wide resolution
  // renamed or re-typed some of them (docs/entities.md, "Across the collection"); else none.
  std::optional<Entities> extracted;
  std::vector<DuplicateLocation> duplicates;
  std::vector<std::string> warnings;    // problems found while reading that did not stop it

  std::string body_text() const;        // paragraphs joined by blank lines
};

// The id of an article its reader gave none: "url:<url>" when the URL is known, else
// "file:<path>#<position>". The JSON reader gives the others (readers/json_export.cpp): an export's
// own id as "id:<source>/<id>" when there is no URL, and "<id>#body-<hash>" to a second, different
// article under an id already taken (docs/schema.md, Article ids).
std::string make_article_id(const Article& article);

// The hash of the normalised body (hex), used to recognise duplicates.
std::string body_hash(const Article& article);

}  // namespace newsdex
