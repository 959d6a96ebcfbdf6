#include "common/readers/json_export.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "common/base/dates.hpp"
#include "common/base/errors.hpp"
#include "common/base/hashing.hpp"
#include "common/base/option_choices.hpp"
#include "common/base/text.hpp"
#include "common/readers/cleaner.hpp"
#include "common/readers/text_page.hpp"

namespace newsdex {
namespace {

using nlohmann::json;

// Where an article came from in the file, for positions and messages.
struct Origin {
  std::size_t position;  // JSON Lines: line number - 1; array: index
  std::size_t line;      // 1-based line, or 0 when unknown (items of a top-level array)
  std::string label() const { return line ? "" : "item " + std::to_string(position + 1) + ": "; }
};

const json* find_field(const json& object, std::string_view name) {
  if (auto it = object.find(std::string(name)); it != object.end()) return &*it;
  auto dot = name.find('.');
  if (dot == std::string_view::npos) return nullptr;
  auto it = object.find(std::string(name.substr(0, dot)));
  if (it == object.end() || !it->is_object()) return nullptr;
  return find_field(*it, name.substr(dot + 1));
}

// The text of a metadata value, whatever its JSON type: strings as they are, numbers written out,
// {"name": ...} objects by their name, arrays joined with ", ". Notes a type it had to ignore.
std::string text_of(const json& value, std::string_view field, std::vector<std::string>& notes) {
  switch (value.type()) {
    case json::value_t::string:
      return value.get<std::string>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return value.dump();
    case json::value_t::object:
      for (const char* key : {"name", "text", "title", "value", "@value"})
        if (auto it = value.find(key); it != value.end() && it->is_string()) return it->get<std::string>();
      notes.push_back(std::string(field) + " is an object without a name: ignored");
      return {};
    case json::value_t::array: {
      std::string joined;
      for (const auto& item : value) {
        auto text = collapse_whitespace(text_of(item, field, notes));
        if (text.empty()) continue;
        if (!joined.empty()) joined += ", ";
        joined += text;
      }
      return joined;
    }
    case json::value_t::null:
      return {};
    default:
      notes.push_back(std::string(field) + " is " + value.type_name() + ", not text: ignored");
      return {};
  }
}

const json* first_present(const json& object, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    const json* value = find_field(object, name);
    if (value && !value->is_null() && !(value->is_string() && value->get_ref<const std::string&>().empty()))
      return value;
  }
  return nullptr;
}

std::string field_text(const json& object, const std::vector<std::string>& names, std::string_view field,
                       std::vector<std::string>& notes) {
  const json* value = first_present(object, names);
  return value ? normalise_text(text_of(*value, field, notes)) : std::string{};
}

// A body is a string (split into paragraphs like a text page), an array of paragraphs (strings or
// objects with a "text"), or an object holding one of those.
void collect_body(const json& value, std::vector<Block>& blocks, std::vector<std::string>& notes, int depth = 0) {
  if (depth > 4) return;
  if (value.is_string()) {
    for (auto& text : split_text_blocks(value.get_ref<const std::string&>())) blocks.push_back({std::move(text)});
  } else if (value.is_array()) {
    for (const auto& item : value) collect_body(item, blocks, notes, depth + 1);
  } else if (value.is_object()) {
    for (const char* key : {"text", "content", "body", "value", "paragraphs"})
      if (auto it = value.find(key); it != value.end()) return collect_body(*it, blocks, notes, depth + 1);
    notes.push_back("a body part is an object without text: ignored");
  } else if (!value.is_null()) {
    notes.push_back(std::string("a body part is ") + value.type_name() + ", not text: ignored");
  }
}

// Dates as text, as Unix timestamps (seconds, or milliseconds when larger than any date in seconds
// could be), or as {"$date": ...} (MongoDB exports).
std::optional<std::string> date_of(const json& value) {
  if (value.is_string()) return parse_date(value.get_ref<const std::string&>());
  if (value.is_number()) {
    double seconds = value.get<double>();
    if (seconds > 1e11) seconds /= 1000;
    if (seconds < 0 || seconds > 253402300799.0) return std::nullopt;
    return iso_from_unix_time(static_cast<long long>(seconds));
  }
  if (value.is_object())
    if (auto it = value.find("$date"); it != value.end()) return date_of(*it);
  return std::nullopt;
}

void problem(ReadResult& result, const std::string& path, const Origin& origin, std::string message, bool skipped,
             bool failed = false) {
  result.problems.push_back({path, origin.line, origin.label() + std::move(message), skipped, failed});
}

// An export's own id ("id", "_id", "guid") makes a stable article id, scoped by the source so that
// two exports numbering from 1 do not collide; the URL, when present, still wins (make_article_id).
std::string supplied_id(const json& object, const std::string& source, const std::string& url) {
  if (!url.empty()) return {};
  for (const char* name : {"id", "_id", "guid"}) {
    auto it = object.find(name);
    if (it == object.end()) continue;
    if (it->is_string() && !it->get<std::string>().empty()) return "id:" + source + "/" + it->get<std::string>();
    if (it->is_number_integer() || it->is_number_unsigned()) return "id:" + source + "/" + it->dump();
  }
  return {};
}

// Entity tags an export already carries (Reuters' people/orgs/places, a CMS's tags by kind).
void add_supplied_entities(const json& object, Entities& entities) {
  auto take = [&](std::initializer_list<const char*> names, std::vector<Entity>& into) {
    for (const char* name : names) {
      auto it = object.find(name);
      if (it == object.end() || !it->is_array()) continue;
      for (const auto& item : *it) {
        std::string text = item.is_string() ? item.get<std::string>()
                           : item.is_object() && item.contains("name") && item["name"].is_string()
                               ? item["name"].get<std::string>()
                               : std::string{};
        text = collapse_whitespace(text);
        if (!text.empty()) into.push_back({text, fold_key(text), 1});
      }
    }
  };
  take({"people", "persons"}, entities.people);
  take({"organisations", "organizations", "orgs"}, entities.organisations);
  take({"places", "locations"}, entities.places);
}

void add_article(const json& object, const std::string& path, const Origin& origin, const JsonFieldNames& fields,
                 ReadResult& result) {
  if (!object.is_object()) {
    problem(result, path, origin,
            std::string("skipped: ") + object.type_name() + " where an article object was expected", true);
    return;
  }
  Article article;
  std::vector<std::string> notes;
  article.path = path;
  article.position = origin.position;
  article.title = field_text(object, fields.title, "title", notes);
  article.url = field_text(object, fields.url, "url", notes);
  article.author = field_text(object, fields.author, "author", notes);
  article.source = field_text(object, fields.source, "source", notes);
  article.id = supplied_id(object, article.source, article.url);
  add_supplied_entities(object, article.entities);
  if (const json* date = first_present(object, fields.date)) {
    if (auto iso = date_of(*date)) {
      article.published = *iso;
    } else {
      auto shown = date->is_string() ? date->get<std::string>() : date->dump();
      notes.push_back("unreadable date '" + shown.substr(0, 60) + "': recorded as missing");
      problem(result, path, origin, notes.back(), false);
    }
  }
  std::vector<Block> blocks;
  if (const json* body = first_present(object, fields.body)) collect_body(*body, blocks, notes);
  auto lede = field_text(object, fields.lede, "lede", notes);
  if (blocks.empty() && lede.empty()) {
    problem(result, path, origin,
            article.title.empty() ? "skipped: no title and no body" : "skipped: no article body (title only)", true);
    return;
  }
  auto cleaned = clean_body(article.title, lede, blocks);
  article.lede = std::move(cleaned.lede);
  article.paragraphs = std::move(cleaned.paragraphs);
  if (article.paragraphs.empty()) {
    problem(result, path, origin, "skipped: nothing of the body is left after cleaning", true);
    return;
  }
  if (article.title.empty()) notes.push_back("no title found");
  article.warnings = std::move(notes);
  result.articles.push_back(std::move(article));
}

// An export wrapped in an envelope ({"status": "ok", "articles": [...]}) holds its articles in the one
// member that is an array of objects, and has none of the article fields itself.
const json* envelope_list(const json& object, const JsonFieldNames& fields) {
  if (first_present(object, fields.title) || first_present(object, fields.body)) return nullptr;
  for (const auto& [key, value] : object.items())
    if (value.is_array() && !value.empty() && value.front().is_object()) return &value;
  return nullptr;
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// nlohmann's message without its exception id and (for one line of JSON Lines) the line number.
std::string parse_error_text(const json::parse_error& error, bool keep_line) {
  std::string_view what = error.what();
  auto at = what.find(keep_line ? "line " : "column ");
  return std::string(at == std::string_view::npos ? what : what.substr(at));
}

// "[json.exception.out_of_range.406] number overflow parsing '1e999'" -> "number overflow parsing '1e999'"
std::string value_error_text(const json::exception& error) {
  std::string_view what = error.what();
  auto end_of_tag = what.find("] ");
  return std::string(end_of_tag == std::string_view::npos ? what : what.substr(end_of_tag + 2));
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// JSON Lines when one of the first non-blank lines is a whole JSON object on its own.
bool looks_like_json_lines(const std::vector<std::string_view>& lines) {
  int tried = 0;
  for (auto line : lines) {
    if (blank(line)) continue;
    if (++tried > 5) break;
    auto value = json::parse(line, nullptr, false);
    if (!value.is_discarded() && value.is_object()) return true;
  }
  return false;
}

// Lines [begin, end) of a JSON Lines export, one article each; `lines[0]` is line `first_line` + 1
// of the file (a segment of a large export).
void read_line_range(const std::vector<std::string_view>& lines, std::size_t begin, std::size_t end,
                     std::size_t first_line, const std::string& path, const JsonFieldNames& fields,
                     ReadResult& result) {
  for (std::size_t i = begin; i < end; ++i) {
    if (blank(lines[i])) continue;
    Origin origin{first_line + i, first_line + i + 1};
    try {
      add_article(json::parse(lines[i]), path, origin, fields, result);
    } catch (const json::parse_error& error) {
      problem(result, path, origin, "skipped: malformed JSON line (" + parse_error_text(error, false) + ")", true, true);
    } catch (const json::exception& error) {
      problem(result, path, origin, "skipped: unreadable JSON line (" + value_error_text(error) + ")", true, true);
    }
  }
}

// A large export is cut into `threads` ranges of lines read side by side (parsing and cleaning are
// most of its reading time, and nothing else can start before the file is read), then joined in
// line order: articles, positions and messages are the same as when read in one go.
ReadResult read_lines(const std::vector<std::string_view>& lines, std::size_t first_line, const std::string& path,
                      const JsonFieldNames& fields, unsigned threads) {
  constexpr std::size_t min_lines_per_range = 500;
  auto ranges = std::clamp<std::size_t>(lines.size() / min_lines_per_range, 1, std::max(1u, threads));
  std::vector<ReadResult> parts(ranges);
  std::vector<std::exception_ptr> failures(ranges);
  auto read_part = [&](std::size_t part) {
    try {
      read_line_range(lines, lines.size() * part / ranges, lines.size() * (part + 1) / ranges, first_line, path,
                      fields, parts[part]);
    } catch (...) {
      failures[part] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t part = 1; part < ranges; ++part) helpers.emplace_back(read_part, part);
  read_part(0);
  for (auto& helper : helpers) helper.join();
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  ReadResult result = std::move(parts[0]);
  for (std::size_t part = 1; part < ranges; ++part) {
    std::move(parts[part].articles.begin(), parts[part].articles.end(), std::back_inserter(result.articles));
    std::move(parts[part].problems.begin(), parts[part].problems.end(), std::back_inserter(result.problems));
  }
  return result;
}

}  // namespace

void apply_json_field_mapping(std::string_view mapping, JsonFieldNames& fields) {
  auto equals = mapping.find('=');
  if (equals == std::string_view::npos)
    throw UsageError("--json-field expects FIELD=NAME[,NAME...], got '" + std::string(mapping) + "'");
  auto field = collapse_whitespace(mapping.substr(0, equals));
  using Names = std::vector<std::string> JsonFieldNames::*;
  static constexpr OptionChoice<Names> article_fields[] = {
      {"title", &JsonFieldNames::title},  {"date", &JsonFieldNames::date}, {"body", &JsonFieldNames::body},
      {"lede", &JsonFieldNames::lede},    {"url", &JsonFieldNames::url},   {"author", &JsonFieldNames::author},
      {"source", &JsonFieldNames::source}};
  auto& names = fields.*parse_choice<Names>("--json-field field", field, article_fields);
  std::vector<std::string> given;
  for (auto item : split(mapping.substr(equals + 1), ','))
    if (auto name = collapse_whitespace(item); !name.empty()) given.push_back(name);
  if (given.empty()) throw UsageError("--json-field " + field + "= names no JSON field");
  for (const auto& name : names)
    if (std::find(given.begin(), given.end(), name) == given.end()) given.push_back(name);
  names = std::move(given);
}

ReadResult read_json_export(std::string_view utf8_text, const std::string& path, const JsonFieldNames& fields,
                            unsigned threads) {
  ReadResult result;
  auto lines = lines_of(utf8_text);
  try {
    auto whole = json::parse(utf8_text);
    const json* list = whole.is_array() ? &whole : whole.is_object() ? envelope_list(whole, fields) : nullptr;
    if (list) {
      for (std::size_t i = 0; i < list->size(); ++i) add_article((*list)[i], path, {i, 0}, fields, result);
      keep_apart_shared_ids(result, path, false);
    } else {
      add_article(whole, path, {0, 1}, fields, result);
    }
    return result;
  } catch (const json::parse_error& error) {
    if (!looks_like_json_lines(lines)) {
      result.problems.push_back({path, line_of_offset(utf8_text, error.byte ? error.byte - 1 : 0),
                                 "skipped: malformed JSON (" + parse_error_text(error, true) + ")", true, true});
      return result;
    }
  } catch (const json::exception& error) {  // e.g. a number too large for a double
    if (!looks_like_json_lines(lines)) {
      result.problems.push_back({path, 1, "skipped: unreadable JSON (" + value_error_text(error) + ")", true, true});
      return result;
    }
  }
  result = read_lines(lines, 0, path, fields, threads);
  keep_apart_shared_ids(result, path, true);
  return result;
}

ReadResult read_json_lines(std::string_view utf8_text, std::size_t first_line, const std::string& path,
                           const JsonFieldNames& fields, unsigned threads) {
  return read_lines(lines_of(utf8_text), first_line, path, fields, threads);
}

namespace {

// The id the indexer will give the article when it could be shared: its url or its export's own id.
std::optional<std::string> shared_id(const Article& article) {
  std::string id = article.id.empty() ? make_article_id(article) : article.id;
  if (!id.starts_with("url:") && !id.starts_with("id:")) return std::nullopt;  // file:path#position
  return id;
}

}  // namespace

void keep_apart_shared_ids(ReadResult& read, const std::string& path, bool json_lines) {
  // Articles by the hash of their id, so that only those whose id is shared have their body hashed:
  // a large export holds millions of articles, nearly all with an id of their own.
  std::vector<std::pair<std::uint64_t, std::size_t>> by_id;
  for (std::size_t i = 0; i < read.articles.size(); ++i) {
    if (auto id = shared_id(read.articles[i])) by_id.emplace_back(fnv1a64(*id), i);
  }
  std::sort(by_id.begin(), by_id.end());
  auto where = [&](std::size_t position) { return (json_lines ? "line " : "item ") + std::to_string(position + 1); };
  std::vector<std::pair<std::size_t, ReadProblem>> warnings;  // by article, to report in reading order
  for (std::size_t run = 0, next = 0; run < by_id.size(); run = next) {
    for (next = run + 1; next < by_id.size() && by_id[next].first == by_id[run].first;) ++next;
    if (next - run < 2) continue;
    struct Body {
      std::string id, hash;
      std::size_t position;
    };
    std::vector<Body> seen;  // the first article of each body under each id
    for (std::size_t k = run; k < next; ++k) {
      Article& article = read.articles[by_id[k].second];
      const std::string id = *shared_id(article);
      const std::string hash = body_hash(article);
      auto first = std::find_if(seen.begin(), seen.end(), [&](const Body& body) { return body.id == id; });
      auto same = std::find_if(seen.begin(), seen.end(), [&](const Body& b) { return b.id == id && b.hash == hash; });
      if (first == seen.end() || same == first) {  // the first under its id, or a copy of it: kept as before
        if (first == seen.end()) seen.push_back({id, hash, article.position});
        continue;
      }
      article.id = id + "#body-" + hash.substr(0, 12);
      if (same != seen.end()) continue;  // a copy of another body under this id: the id that body got
      const std::string field = id.starts_with("url:") ? "url" : "id";
      const std::size_t shared_with = first->position;
      seen.push_back({id, hash, article.position});
      warnings.push_back({by_id[k].second,
                          {path, json_lines ? article.position + 1 : 0,
                           (json_lines ? std::string() : where(article.position) + ": ") + "same " + field + " as " +
                               where(shared_with) + " but another article: both kept, this one as " + article.id,
                           false}});
    }
  }
  std::sort(warnings.begin(), warnings.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [index, warning] : warnings) read.problems.push_back(std::move(warning));
}

bool starts_as_json_lines(std::string_view utf8_text) {
  // Only the first non-blank line is needed: no list of every line of the segment.
  for (std::size_t start = 0; start < utf8_text.size();) {
    auto end = std::min(utf8_text.find('\n', start), utf8_text.size());
    auto line = utf8_text.substr(start, end - start);
    start = end + 1;
    if (blank(line)) continue;
    auto value = json::parse(line, nullptr, false);
    return !value.is_discarded() && value.is_object();
  }
  return false;
}

}  // namespace newsdex
