#include "common/store/stored_article.hpp"

#include <xapian.h>

#include <cstdint>
#include <limits>
#include <type_traits>
#include <nlohmann/json.hpp>
#include <vector>

#include "common/base/json_writer.hpp"  // utf8_sequence_length
#include "common/store/article_data.hpp"

namespace newsdex {
namespace {

using Json = nlohmann::json;

// A number from damaged data may be a double beyond the type, and converting that is undefined
// behaviour (found by fuzz_stored_data): 0 then. Integers convert as article_from_json's do.
template <typename Target, typename Number>
Target in_range(Number value) {
  if constexpr (std::is_floating_point_v<Number>) {
    if (!(value > static_cast<Number>(std::numeric_limits<Target>::min()) - 1) ||
        !(value < static_cast<Number>(std::numeric_limits<Target>::max())))
      return 0;
  }
  return static_cast<Target>(value);
}

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
    if (parent() == Holds::article && key_ == article_data::entities) return Holds::entities;
    if (parent() == Holds::entity_list) return Holds::entity;
    if (parent() == Holds::duplicates) return Holds::duplicate;
    return Holds::other;
  }

  Holds array_holds() {
    if (parent() == Holds::article && key_ == article_data::paragraphs) return Holds::paragraphs;
    if (parent() == Holds::article && key_ == article_data::duplicates) return Holds::duplicates;
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
    for (const auto& list : article_data::entity_lists)
      if (name == list.name) return &(article_.entities.*list.list);
    return nullptr;
  }

  template <typename Record, std::size_t N>
  std::string* text_field(Record& record, const article_data::TextMember<Record> (&members)[N]) const {
    for (const auto& member : members)
      if (key_ == member.name) return &(record.*member.field);
    return nullptr;
  }

  // The string member the current key names, or null.
  std::string* text_field() {
    if (parent() == Holds::article) return text_field(article_, article_data::article_text);
    if (parent() == Holds::entity) return text_field(entity_list_->back(), article_data::entity_text);
    if (parent() == Holds::duplicate) return text_field(article_.duplicates.back(), article_data::duplicate_text);
    return nullptr;
  }

  template <typename Record, typename Target, typename Number>
  void set_number(Record& record, const article_data::NumberMember<Record, Target>& member, Number value) const {
    if (key_ == member.name) record.*member.field = in_range<Target>(value);
  }

  template <typename Number>
  bool number(Number value) {
    if (parent() == Holds::article) set_number(article_, article_data::article_position, value);
    if (parent() == Holds::duplicate) set_number(article_.duplicates.back(), article_data::duplicate_position, value);
    if (parent() == Holds::entity) set_number(entity_list_->back(), article_data::entity_mentions, value);
    return true;
  }

  Article& article_;
  std::vector<Holds> open_;
  std::string key_;
  std::vector<Entity>* entity_list_ = nullptr;
};

// A small JSON reader for the data as the indexer writes it (nlohmann's compact dump), sending the
// same events to the same handler as nlohmann's parser, several times faster (nlohmann's lexer
// reads a byte at a time through an input adapter). It knows plain JSON only: at anything it
// does not handle exactly as nlohmann would (a fraction, a sign, a surrogate escape, a bad byte,
// deep nesting, trailing text), it gives up and nlohmann's parser reads the data instead.
class FastReader {
 public:
  FastReader(std::string_view text, ArticleEvents& events) : text_(text), events_(events) {}

  bool read() { return value(0) && (skip_space(), at_ == text_.size()); }

 private:
  static constexpr int max_depth = 32;

  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\t' || text_[at_] == '\r'))
      ++at_;
  }

  bool next_is(char c) {
    skip_space();
    if (at_ < text_.size() && text_[at_] == c) return ++at_, true;
    return false;
  }

  bool value(int depth) {
    skip_space();
    if (at_ >= text_.size() || depth > max_depth) return false;
    switch (text_[at_]) {
      case '{':
        return ++at_, object(depth);
      case '[':
        return ++at_, array(depth);
      case '"':
        return string(scratch_) && events_.string(scratch_);
      case 't':
        return literal("true") && events_.boolean(true);
      case 'f':
        return literal("false") && events_.boolean(false);
      case 'n':
        return literal("null") && events_.null();
      default:
        return number();
    }
  }

  bool object(int depth) {
    events_.start_object(std::size_t(-1));
    if (next_is('}')) return events_.end_object();
    do {
      skip_space();
      if (!string(scratch_) || !events_.key(scratch_) || !next_is(':') || !value(depth + 1)) return false;
    } while (next_is(','));
    return next_is('}') && events_.end_object();
  }

  bool array(int depth) {
    events_.start_array(std::size_t(-1));
    if (next_is(']')) return events_.end_array();
    do {
      if (!value(depth + 1)) return false;
    } while (next_is(','));
    return next_is(']') && events_.end_array();
  }

  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  // Digits only, no leading zero, small enough for 64 bits: what nlohmann reads as number_unsigned.
  bool number() {
    auto start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
    auto digits = at_ - start;
    if (digits == 0 || digits > 19 || (digits > 1 && text_[start] == '0')) return false;
    if (at_ < text_.size() && (text_[at_] == '.' || text_[at_] == 'e' || text_[at_] == 'E')) return false;
    std::uint64_t value = 0;
    for (auto i = start; i < at_; ++i) value = value * 10 + static_cast<unsigned>(text_[i] - '0');
    return events_.number_unsigned(value);
  }

  bool string(std::string& out) {
    if (at_ >= text_.size() || text_[at_] != '"') return false;
    ++at_;
    out.clear();
    while (at_ < text_.size()) {
      auto run = at_;  // bytes that stand for themselves
      while (at_ < text_.size() && plain(static_cast<unsigned char>(text_[at_]))) ++at_;
      out.append(text_, run, at_ - run);
      if (at_ >= text_.size()) return false;
      auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') return ++at_, true;
      if (c == '\\') {
        if (!escape(out)) return false;
      } else if (c >= 0x80) {
        auto length = utf8_sequence_length(text_, at_);
        if (length == 0) return false;
        out.append(text_, at_, length);
        at_ += length;
      } else {
        return false;  // a control character: nlohmann rejects it
      }
    }
    return false;
  }

  static bool plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

  bool escape(std::string& out) {
    if (at_ + 1 >= text_.size()) return false;
    char c = text_[at_ + 1];
    at_ += 2;
    switch (c) {
      case '"':
        out += '"';
        return true;
      case '\\':
        out += '\\';
        return true;
      case '/':
        out += '/';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    if (at_ + 4 > text_.size()) return false;
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      char h = text_[at_++];
      int digit = h >= '0' && h <= '9'   ? h - '0'
                  : h >= 'a' && h <= 'f' ? h - 'a' + 10
                  : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                         : -1;
      if (digit < 0) return false;
      code = code * 16 + static_cast<unsigned>(digit);
    }
    if (code >= 0xD800 && code <= 0xDFFF) return false;  // surrogate pairs: left to nlohmann
    Xapian::Unicode::append_utf8(out, code);
    return true;
  }

  std::string_view text_;
  ArticleEvents& events_;
  std::size_t at_ = 0;
  std::string scratch_;
};

}  // namespace

Article article_from_stored_data(std::string_view data) {
  {
    Article article;
    ArticleEvents events(article);
    if (FastReader(data, events).read()) return article;
  }
  Article article;
  ArticleEvents events(article);
  // Any other JSON value fills nothing: only an object's members are read.
  if (!Json::sax_parse(data, &events)) return Article{};
  return article;
}

}  // namespace newsdex
