#include "common/stored_article.hpp"

#include <nlohmann/json.hpp>
#include <vector>

namespace newsdex {
namespace {

using Json = nlohmann::json;

// Fills an Article from parser events. Each open container is remembered by what it holds, so a
// value knows where it goes from the innermost container and the member name before it.
class ArticleEvents : public nlohmann::json_sax<Json> {
 public:
  explicit ArticleEvents(Article& article) : article_(article) {}

  bool start_object(std::size_t) override {
    open_.push_back(object_holds());
    if (open_.back() == Holds::entity) entity_list_->emplace_back();
    if (open_.back() == Holds::duplicate) article_.duplicates.emplace_back();
    return true;
  }

  bool start_array(std::size_t) override {
    open_.push_back(array_holds());
    return true;
  }

  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    key_ = name;
    return true;
  }

  bool string(string_t& text) override {
    if (auto* field = text_field()) {
      *field = std::move(text);
    } else if (parent() == Holds::paragraphs) {
      article_.paragraphs.push_back(std::move(text));
    }
    return true;
  }

  bool number_unsigned(number_unsigned_t value) override { return number(value); }
  bool number_integer(number_integer_t value) override { return number(value); }
  bool number_float(number_float_t value, const string_t&) override { return number(value); }

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  enum class Holds { other, article, entities, entity_list, entity, duplicates, duplicate, paragraphs };

  Holds parent() const { return open_.empty() ? Holds::other : open_.back(); }

  Holds object_holds() const {
    if (open_.empty()) return Holds::article;
    if (parent() == Holds::article && key_ == "entities") return Holds::entities;
    if (parent() == Holds::entity_list) return Holds::entity;
    if (parent() == Holds::duplicates) return Holds::duplicate;
    return Holds::other;
  }

  Holds array_holds() {
    if (parent() == Holds::article && key_ == "paragraphs") return Holds::paragraphs;
    if (parent() == Holds::article && key_ == "duplicates") return Holds::duplicates;
    if (parent() == Holds::entities) {
      entity_list_ = entity_list(key_);
      if (entity_list_) return Holds::entity_list;
    }
    return Holds::other;
  }

  bool close() {
    open_.pop_back();
    return true;
  }

  std::vector<Entity>* entity_list(const std::string& name) {
    if (name == "people") return &article_.entities.people;
    if (name == "organisations") return &article_.entities.organisations;
    if (name == "places") return &article_.entities.places;
    return nullptr;
  }

  // The string member the current key names, or null.
  std::string* text_field() {
    if (parent() == Holds::article) {
      auto& a = article_;
      for (auto [name, field] : {std::pair{"id", &a.id},
                                 {"title", &a.title},
                                 {"published", &a.published},
                                 {"author", &a.author},
                                 {"source", &a.source},
                                 {"url", &a.url},
                                 {"path", &a.path},
                                 {"lede", &a.lede}})
        if (key_ == name) return field;
    } else if (parent() == Holds::entity) {
      auto& e = entity_list_->back();
      if (key_ == "name") return &e.name;
      if (key_ == "key") return &e.key;
    } else if (parent() == Holds::duplicate) {
      auto& d = article_.duplicates.back();
      for (auto [name, field] : {std::pair{"id", &d.id},
                                 {"path", &d.path},
                                 {"url", &d.url},
                                 {"title", &d.title},
                                 {"published", &d.published},
                                 {"source", &d.source},
                                 {"author", &d.author}})
        if (key_ == name) return field;
    }
    return nullptr;
  }

  template <typename Number>
  bool number(Number value) {
    if (key_ == "position" && parent() == Holds::article) article_.position = static_cast<std::size_t>(value);
    if (key_ == "position" && parent() == Holds::duplicate)
      article_.duplicates.back().position = static_cast<std::size_t>(value);
    if (key_ == "mentions" && parent() == Holds::entity) entity_list_->back().mentions = static_cast<int>(value);
    return true;
  }

  Article& article_;
  std::vector<Holds> open_;
  std::string key_;
  std::vector<Entity>* entity_list_ = nullptr;
};

}  // namespace

Article article_from_stored_data(std::string_view data) {
  Article article;
  ArticleEvents events(article);
  // Any other JSON value fills nothing: only an object's members are read.
  if (!Json::sax_parse(data, &events)) return Article{};
  return article;
}

}  // namespace newsdex
