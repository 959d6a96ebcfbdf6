// An HTML page's title when its metadata cannot be trusted alone: a `<title>` that carries the site's
// name ("Headline | Section | Site", "Site - Headline"), several `<h1>`s (the site's logo and the
// headline), a headline that is only an `<h2>` or a styled `<div>`. Pure: the page's evidence in, the
// title and where it came from out; docs/html.md describes the rules.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::html {

// A heading-like element seen above the article's running text: an <h1>, an <h2>, or an element
// whose class says title/headline/heading.
struct HeadingSeen {
  std::string text;
  bool h1 = false;
  std::size_t blocks_to_text = 0;  // text blocks between it and the first paragraph of running text
};

struct TitleEvidence {
  std::string declared;               // og:title, twitter:title or the JSON-LD headline: what the page declares
  std::string declared_source;        // which of them ("og:title", "json-ld headline")
  std::string title_element;          // the <title>
  std::string site, url;              // the site's name and address, when known (suffixes naming them are cut)
  std::vector<HeadingSeen> headings;  // in page order
  std::string running_text;           // the first paragraphs of running text (what the headline announces)
};

struct TitleChoice {
  std::string title;
  std::string source;  // "og:title", "heading matching <title>", "h1", "headline evidence", "<title>"
};

// The parts of a <title> between separators (" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "),
// without those naming the site or the host.
std::vector<std::string> title_parts(const std::string& title_element, const std::string& site, const std::string& url);

// Removes a trailing " | Site Name" / " - Site" from a title: a tail naming `site` or the host of
// `url` (either may be empty), or a short tail after " | ".
std::string strip_site_suffix(std::string_view title, std::string_view site, std::string_view url = {});

// Whether `text` is the site's name (or the host's), so never the article's headline.
bool names_site(const std::string& text, const std::string& site, const std::string& url);

// The title, by evidence: the declared title unless it is only the site's name; else a heading that the
// <title> repeats (the headline among them by choose_headline); else the one <h1>; else the heading
// that looks most like a headline of the running text; else the <title> without its site suffix.
TitleChoice choose_page_title(const TitleEvidence& evidence);

}  // namespace newsdex::html
