// An HTML page's metadata: title, date, author, site, URL, description, from meta tags, JSON-LD,
// microdata and visible elements, each field by the precedence documented in docs/html.md.
#pragma once
#include <string>
#include <string_view>

#include "common/readers/html_dom.hpp"
#include "common/readers/html_title.hpp"

namespace newsdex::html {

struct PageMetadata {
  std::string title;            // without a " | Site" suffix
  std::string title_source;     // where the title came from (html_title.hpp)
  std::string published;        // ISO 8601 (parse_date), or empty
  std::string author;           // "A. Writer" or "A. Writer, B. Writer"
  std::string source;           // the site or publication name
  std::string url;              // canonical URL
  std::string description;      // og:description / meta description (may or may not be the standfirst)
  std::string standfirst;       // the text of a visible standfirst element
  std::string structured_body;  // JSON-LD articleBody
};

PageMetadata read_metadata(const Document& document);

}  // namespace newsdex::html
