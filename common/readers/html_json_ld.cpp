#include "common/readers/html_json_ld.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

#include "common/base/text.hpp"

namespace newsdex::html {
namespace {

using nlohmann::json;

constexpr int max_depth = 12;  // JSON-LD objects of interest are never deeper; bounds the recursion

bool has_type(const json& object, std::initializer_list<std::string_view> names) {
  auto matches = [&](const json& type) {
    if (!type.is_string()) return false;
    auto text = type.get_ref<const std::string&>();
    for (auto name : names)
      if (text.find(name) != std::string::npos) return true;
    return false;
  };
  auto found = object.find("@type");
  if (found == object.end()) return false;
  if (found->is_array()) return std::any_of(found->begin(), found->end(), matches);
  return matches(*found);
}

bool is_article(const json& object) {
  return has_type(object, {"Article", "BlogPosting", "Report", "LiveBlogPosting"});
}

// Every object in the document, outer first (arrays and @graph included), down to max_depth.
void collect_objects(const json& value, int depth, std::vector<const json*>& out) {
  if (depth > max_depth) return;
  if (value.is_array()) {
    for (const auto& item : value) collect_objects(item, depth + 1, out);
  } else if (value.is_object()) {
    out.push_back(&value);
    for (const auto& [key, item] : value.items())
      if (item.is_structured() && key != "articleBody") collect_objects(item, depth + 1, out);
  }
}

// Objects by "@id", so that {"@id": "#org"} (a reference, as in Yoast-style @graph arrays) finds its name.
using IdIndex = std::unordered_map<std::string, const json*>;

std::string text_of(const json& value, const IdIndex& ids) {
  if (value.is_string()) return collapse_whitespace(value.get_ref<const std::string&>());
  if (value.is_array() && !value.empty()) return text_of(value.front(), ids);
  if (!value.is_object()) return {};
  auto id = value.find("@id");
  if (value.find("name") == value.end() && id != value.end() && id->is_string()) {
    auto target = ids.find(id->get<std::string>());
    if (target != ids.end() && target->second != &value) {
      auto name = target->second->find("name");
      if (name != target->second->end() && name->is_string()) return collapse_whitespace(name->get<std::string>());
    }
  }
  for (const char* key : {"name", "@id", "url"}) {
    auto found = value.find(key);
    if (found != value.end() && found->is_string()) return collapse_whitespace(found->get_ref<const std::string&>());
  }
  return {};
}

std::string field(const json& object, std::initializer_list<const char*> keys, const IdIndex& ids) {
  for (const char* key : keys) {
    auto found = object.find(key);
    if (found == object.end()) continue;
    auto text = text_of(*found, ids);
    if (!text.empty()) return text;
  }
  return {};
}

// "author": "A", {"name": "A"}, {"@id": ...}, or a list of these; names joined with ", ".
std::string author_names(const json& object, const IdIndex& ids) {
  auto found = object.find("author");
  if (found == object.end()) found = object.find("creator");
  if (found == object.end()) return {};
  std::string names;
  auto add = [&](const json& person) {
    auto name = text_of(person, ids);
    if (name.empty() || name.starts_with("http")) return;
    if (!names.empty()) names += ", ";
    names += name;
  };
  if (found->is_array()) {
    for (const auto& person : *found) add(person);
  } else {
    add(*found);
  }
  return names;
}

// Pages often put raw line breaks inside JSON strings (invalid JSON) or wrap the script in an HTML
// comment or CDATA: JSON parsers reject both, browsers' JSON-LD consumers are lenient.
std::string sanitise(std::string_view script) {
  std::string text(script);
  for (auto& c : text)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  auto first = text.find_first_of("{[");
  auto last = text.find_last_of("}]");
  if (first == std::string::npos || last == std::string::npos || last < first) return {};
  return text.substr(first, last - first + 1);
}

}  // namespace

JsonLdArticle read_json_ld(const std::vector<std::string>& scripts) {
  std::vector<json> documents;
  for (const auto& script : scripts) {
    auto document = json::parse(sanitise(script), nullptr, /*allow_exceptions=*/false);
    if (!document.is_discarded()) documents.push_back(std::move(document));
  }
  std::vector<const json*> objects;
  for (const auto& document : documents) collect_objects(document, 0, objects);
  IdIndex ids;
  for (const auto* object : objects) {
    auto id = object->find("@id");
    if (id != object->end() && id->is_string() && object->find("name") != object->end())
      ids.try_emplace(id->get<std::string>(), object);
  }
  JsonLdArticle article;
  auto found = std::find_if(objects.begin(), objects.end(), [](const json* object) { return is_article(*object); });
  if (found != objects.end()) {
    const auto& object = **found;
    article.headline = field(object, {"headline", "name"}, ids);
    article.published = field(object, {"datePublished", "dateCreated"}, ids);
    article.author = author_names(object, ids);
    article.url = field(object, {"url", "mainEntityOfPage"}, ids);
    article.description = field(object, {"description"}, ids);
    auto body = object.find("articleBody");
    if (body != object.end() && body->is_string()) article.body = body->get<std::string>();
    article.publisher = field(object, {"publisher"}, ids);
  }
  if (article.publisher.empty() || article.publisher.starts_with("http")) {
    for (const auto* object : objects)
      if (has_type(*object, {"NewsMediaOrganization", "Organization", "WebSite"})) {
        auto name = field(*object, {"name"}, ids);
        if (!name.empty()) {
          article.publisher = name;
          break;
        }
      }
  }
  return article;
}

}  // namespace newsdex::html
