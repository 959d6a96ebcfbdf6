// What an element's class, id, role and tag say about whether it holds the article or boilerplate.
// The word lists follow Mozilla Readability's, which were tuned on many thousands of sites.
#pragma once
#include <gumbo.h>

#include <initializer_list>
#include <string_view>

namespace newsdex::html {

// +25 for each of class and id that looks like content ("article", "story", "body"…), -25 for each
// that looks like boilerplate ("comment", "share", "related", "sidebar"…).
int class_weight(const GumboNode* node);

// Navigation, menus, comment sections, social widgets, cookie banners…: dropped before scoring on the
// first try (a whole-page wrapper can carry such a class by accident, so a second try keeps them).
bool is_unlikely_candidate(const GumboNode* node);

// Elements that are never the article wherever they are: <nav>, menus, dialogs, cookie banners.
bool is_always_boilerplate(const GumboNode* node);

// Share/social widgets, newsletter boxes, "related" lists: dropped inside the article when small.
bool looks_like_widget(const GumboNode* node);

// A standfirst element (the deck under the headline): class "standfirst", "dek", "subtitle"…
bool looks_like_standfirst(const GumboNode* node);

// A byline element: class/itemprop/rel "author" or "byline".
bool looks_like_byline(const GumboNode* node);

// An element the page marks as its author, rel="author" or itemprop="author": the surest byline.
bool is_marked_author(const GumboNode* node);

// True when `haystack` contains any of the words (plain substring search, as Readability's patterns do).
bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> words);

}  // namespace newsdex::html
