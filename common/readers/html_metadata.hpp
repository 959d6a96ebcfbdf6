// An HTML page's metadata: title, date, author, site, URL, description, from meta tags, JSON-LD,
// microdata and visible elements, each field by the precedence documented in docs/html.md.
#pragma once
#include <string>
#include <string_view>

#include "common/readers/html_dom.hpp"

namespace newsdex::html {

struct PageMetadata {
  std::string title;            // without a " | Site" suffix
  std::string published;        // ISO 8601 (parse_date), or empty
  std::string author;           // "A. Writer" or "A. Writer, B. Writer"
  std::string source;           // the site or publication name
  std::string url;              // canonical URL
  std::string description;      // og:description / meta description (may or may not be the standfirst)
  std::string standfirst;       // the text of a visible standfirst element
  std::string structured_body;  // JSON-LD articleBody
};

PageMetadata read_metadata(const Document& document);

// Removes a trailing " | Site Name" / " - Site" from a title: a tail naming `site` or the host of
// `url` (either may be empty), or a short tail after " | ".
std::string strip_site_suffix(std::string_view title, std::string_view site, std::string_view url = {});

}  // namespace newsdex::html
