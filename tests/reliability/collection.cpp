#include "tests/reliability/collection.hpp"

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "tests/support.hpp"

namespace newsdex::test {
namespace {

constexpr std::array<const char*, 48> vocabulary{
    "harbour",  "council",  "ferry",    "timetable", "budget",   "river",    "bridge",   "school",
    "teachers", "station",  "railway",  "flood",     "defences", "market",   "traders",  "museum",
    "library",  "hospital", "nurses",   "festival",  "weather",  "storm",    "coast",    "fishing",
    "quota",    "mayor",    "election", "candidate", "survey",   "housing",  "rents",    "tenants",
    "factory",  "workers",  "union",    "strike",    "airport",  "runway",   "noise",    "planning",
    "garden",   "park",     "cyclists", "roadworks", "tunnel",   "contract", "auditors", "report"};

std::string sentence(std::mt19937& random, std::size_t words) {
  std::string text = "The";
  for (std::size_t i = 0; i < words; ++i) {
    text += ' ';
    text += vocabulary[random() % vocabulary.size()];
  }
  return text + ".";
}

// Three paragraphs; the serial word makes every body distinct (identical bodies would be merged as
// duplicates, which is right for the indexer but not what these tests count).
std::string body(std::mt19937& random, const std::string& serial, const std::string& common_word) {
  return "Officials met on a grey morning about the " + serial + " " + common_word + " matter. " +
         sentence(random, 14) + "\n\n" + sentence(random, 18) + " Record " + serial + " follows. " +
         sentence(random, 12) + "\n\n" + "Residents said they would wait and see what the " + serial +
         " decision meant. " + sentence(random, 10);
}

std::string date(std::size_t n) {
  char text[16];
  std::snprintf(text, sizeof text, "2023-%02zu-%02zu", 1 + n % 12, 1 + n % 28);
  return text;
}

}  // namespace

std::string text_page(const std::string& url, const std::string& title, const std::string& date,
                      const std::string& body) {
  return date + "\n\n" + title + "\n\nURL: " + url + "\n\n" + body + "\n";
}

Collection make_collection(const std::filesystem::path& root, const CollectionShape& shape) {
  Collection collection{root, {}, "zz" + shape.tag + "common"};
  std::mt19937 random(shape.seed);
  std::size_t n = 0;
  for (std::size_t i = 0; i < shape.text_files; ++i, ++n) {
    auto serial = shape.tag + "text" + std::to_string(i);
    auto url = "https://reliability.example/" + shape.tag + "/text/" + std::to_string(i);
    auto folder = root / ("folder" + std::to_string(i / 100));
    write_file(folder / (serial + ".txt"), text_page(url, "Story " + serial + " about the harbour", date(n),
                                                     body(random, serial, collection.common_word)));
    collection.ids.insert("url:" + url);
  }
  for (std::size_t f = 0; f < shape.jsonl_files; ++f) {
    std::string lines;
    for (std::size_t l = 0; l < shape.lines_per_jsonl; ++l, ++n) {
      auto serial = shape.tag + "json" + std::to_string(f) + "x" + std::to_string(l);
      auto url = "https://reliability.example/" + shape.tag + "/json/" + std::to_string(f) + "/" + std::to_string(l);
      nlohmann::json article{{"url", url},
                             {"title", "Report " + serial + " from the coast"},
                             {"published", date(n)},
                             {"source", "Reliability Wire"},
                             {"body", body(random, serial, collection.common_word)}};
      lines += article.dump() + "\n";
      collection.ids.insert("url:" + url);
    }
    write_file(root / "exports" / ("export" + std::to_string(f) + ".jsonl"), lines);
  }
  return collection;
}

std::set<std::string> ids_of(std::initializer_list<std::reference_wrapper<const Collection>> collections) {
  std::set<std::string> ids;
  for (const Collection& collection : collections) ids.insert(collection.ids.begin(), collection.ids.end());
  return ids;
}

}  // namespace newsdex::test
