#include "common/readers/json_export.hpp"

#include <nlohmann/json.hpp>

#include "common/cleaner.hpp"
#include "common/dates.hpp"
#include "common/text.hpp"

namespace newsdex {
namespace {

std::string first_string(const nlohmann::json& object, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    auto it = object.find(name);
    if (it == object.end()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object() && it->contains("name") && (*it)["name"].is_string()) return (*it)["name"].get<std::string>();
  }
  return {};
}

std::vector<Block> body_blocks(std::string_view body) {
  std::vector<Block> blocks;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    auto line = collapse_whitespace(body.substr(start, end - start));
    if (!line.empty()) blocks.push_back({std::move(line), BlockKind::paragraph, 0.0});
    start = end + 1;
  }
  return blocks;
}

void add_article(const nlohmann::json& object, const std::string& path, std::size_t position,
                 const JsonFieldNames& fields, ReadResult& result) {
  if (!object.is_object()) {
    result.problems.push_back({path, position + 1, "skipped: not a JSON object", true});
    return;
  }
  Article article;
  article.path = path;
  article.position = position;
  article.title = collapse_whitespace(first_string(object, fields.title));
  article.url = first_string(object, fields.url);
  article.author = collapse_whitespace(first_string(object, fields.author));
  article.source = collapse_whitespace(first_string(object, fields.source));
  auto raw_date = first_string(object, fields.date);
  if (auto date = parse_date(raw_date)) {
    article.published = *date;
  } else if (!raw_date.empty()) {
    result.problems.push_back({path, position + 1, "unreadable date '" + raw_date + "': recorded as missing", false});
  }
  auto body = clean_body(article.title, first_string(object, fields.lede), body_blocks(first_string(object, fields.body)));
  article.lede = body.lede;
  article.paragraphs = std::move(body.paragraphs);
  result.articles.push_back(std::move(article));
}

}  // namespace

ReadResult read_json_export(std::string_view utf8_text, const std::string& path, const JsonFieldNames& fields) {
  ReadResult result;
  auto whole = nlohmann::json::parse(utf8_text, nullptr, false);
  if (!whole.is_discarded()) {
    if (whole.is_array()) {
      for (std::size_t i = 0; i < whole.size(); ++i) add_article(whole[i], path, i, fields, result);
    } else {
      add_article(whole, path, 0, fields, result);
    }
    return result;
  }
  std::size_t start = 0, line_number = 0;
  while (start < utf8_text.size()) {
    auto end = utf8_text.find('\n', start);
    if (end == std::string_view::npos) end = utf8_text.size();
    auto line = utf8_text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      auto object = nlohmann::json::parse(line, nullptr, false);
      if (object.is_discarded())
        result.problems.push_back({path, line_number + 1, "skipped: malformed JSON", true});
      else
        add_article(object, path, line_number, fields, result);
    }
    start = end + 1;
    ++line_number;
  }
  return result;
}

}  // namespace newsdex
