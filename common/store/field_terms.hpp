// The terms of the author:, site:, url: and path: fields, made by the same functions for the
// document (common/store/document.cpp) and for the query (common/query/query.cpp), so that the two
// cannot disagree. docs/schema.md lists the terms; docs/query.md what each field matches.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::field_terms {

// The words of an author line, as the author: field indexes and matches them: fold_key()'s form
// (case and accents ignored), split as Xapian's TermGenerator splits words, each at most 64 bytes
// (longer ones are left out, as the TermGenerator leaves them out of the text).
// "Zoë Marchetti, Sam Rivers" -> zoe, marchetti, sam, rivers.
std::vector<std::string> author_words(std::string_view author);

// The host of a URL, or of a host name as typed: lower-cased, without scheme, user, port, path or
// the dots around it. "https://WWW.BBC.co.uk:443/news" -> "www.bbc.co.uk"; "bbc.co.uk" -> itself.
std::string host(std::string_view url_or_host);

// The site terms of an article's URL: its host and every domain above it (www.bbc.co.uk,
// bbc.co.uk, co.uk, uk), so that site:bbc.co.uk is one term that also finds every subdomain. None
// when the URL has no host with a dot in it and no scheme (not a web address).
std::vector<std::string> site_terms(std::string_view url);
std::string site_term(std::string_view host);

// A URL as url: compares it: the scheme http:// or https:// left out, the host lower-cased, the
// fragment (#...) and a trailing '/' of the path left out. "https://BBC.co.uk/news/#top" ->
// "bbc.co.uk/news". Other schemes stay, lower-cased.
std::string url_key(std::string_view url);
std::string url_term(std::string_view url);

// The path terms of an article's path (its text, docs/schema.md): the file itself and every folder
// above it but the root ("/data/bbc/a.html" -> /data, /data/bbc, /data/bbc/a.html), so that
// path: finds a file or everything under a folder with one term.
std::vector<std::string> path_terms(std::string_view path);
std::string path_term(std::string_view path);

}  // namespace newsdex::field_terms
