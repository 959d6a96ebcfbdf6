// A generated collection for the reliability tests: thousands of small, distinct articles as
// plain-text pages and JSON Lines exports, each with a URL so its id ("url:...") is known in advance.
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <set>
#include <string>

namespace newsdex::test {

struct CollectionShape {
  std::string tag = "a";          // part of every URL and title, so two collections never share an id
  std::size_t text_files = 1500;  // one article each, spread over folders of 100
  std::size_t jsonl_files = 15;
  std::size_t lines_per_jsonl = 100;
  unsigned seed = 1;
};

struct Collection {
  std::filesystem::path root;
  std::set<std::string> ids;  // the article ids the indexer must end up with
  std::string common_word;    // a word in every article of the collection (for searches)
};

Collection make_collection(const std::filesystem::path& root, const CollectionShape& shape);

// The ids of all of `collections`: what a database they were all indexed into must hold.
std::set<std::string> ids_of(std::initializer_list<std::reference_wrapper<const Collection>> collections);

// One plain-text page in the layout the text reader expects (date, title, URL, paragraphs).
std::string text_page(const std::string& url, const std::string& title, const std::string& date,
                      const std::string& body);

}  // namespace newsdex::test
