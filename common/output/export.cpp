#include "common/output/export.hpp"

#include "common/base/errors.hpp"
#include "common/base/option_choices.hpp"
#include "common/base/path_text.hpp"
#include "common/base/text.hpp"

namespace newsdex {
namespace {

using FieldText = std::string (*)(const Hit&);

// An entity list as one field: the names, most mentioned first, separated by "; ".
std::string names(const std::vector<Entity>& list) {
  std::string out;
  for (const auto& entity : list) out += (out.empty() ? "" : "; ") + entity.name;
  return out;
}

std::string organisations(const Hit& hit) { return names(hit.article.entities.organisations); }

// The fields --fields takes, in the order --help and the refusal list them.
constexpr OptionChoice<FieldText> export_fields[] = {
    {"rank", [](const Hit& h) { return std::to_string(h.rank); }},
    {"id", [](const Hit& h) { return h.article.id; }},
    {"date", [](const Hit& h) { return h.article.published; }},
    {"source", [](const Hit& h) { return h.article.source; }},
    {"title", [](const Hit& h) { return h.article.title; }},
    {"author", [](const Hit& h) { return h.article.author; }},
    {"url", [](const Hit& h) { return h.article.url; }},
    {"path", [](const Hit& h) { return h.article.path; }},
    {"people", [](const Hit& h) { return names(h.article.entities.people); }},
    {"organisations", organisations},
    {"orgs", organisations},  // an alias: the same column, headed "organisations"
    {"places", [](const Hit& h) { return names(h.article.entities.places); }},
    {"snippet", [](const Hit& h) { return h.snippet.text; }},
};

constexpr OptionChoice<ExportFormat> export_outputs[] = {{"ids", ExportFormat::ids}, {"paths", ExportFormat::paths}};

}  // namespace

ExportFormat parse_export_output(std::string_view name) {
  return parse_choice<ExportFormat>("--output value", name, export_outputs);
}

std::string export_field_names() {
  std::string names;
  for (const auto& field : export_fields)
    if (choice_name<FieldText>(field.value, export_fields) == field.name)
      names += (names.empty() ? "" : ", ") + std::string(field.name);
  return names;
}

std::vector<ExportField> parse_export_fields(std::string_view list) {
  std::vector<ExportField> fields;
  for (auto name : split(list, ',')) {
    if (name.empty()) continue;
    auto text = parse_choice<FieldText>("--fields field", name, export_fields);
    fields.push_back({choice_name<FieldText>(text, export_fields), text});
  }
  if (fields.empty()) throw UsageError("--fields: name at least one field");
  return fields;
}

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out += '"';
}

std::string tsv_field(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

ExportWriter::ExportWriter(std::ostream& out, ExportOptions options) : out_(out), options_(std::move(options)) {}

void ExportWriter::header() {
  if (header_written_) return;
  header_written_ = true;
  if (options_.format != ExportFormat::csv && options_.format != ExportFormat::tsv) return;
  std::vector<std::string> names;
  for (const auto& field : options_.fields) names.emplace_back(field.name);
  row(names);
}

void ExportWriter::finish() {
  header();
  out_.flush();
}

std::string export_row(const std::vector<std::string>& values, ExportFormat format) {
  const bool csv = format == ExportFormat::csv;
  std::string line;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) line += csv ? ',' : '\t';
    line += csv ? csv_field(values[i]) : tsv_field(values[i]);
  }
  line += csv ? "\r\n" : "\n";  // RFC 4180 ends records with CRLF
  return line;
}

void ExportWriter::row(const std::vector<std::string>& values) { out_ << export_row(values, options_.format); }

void ExportWriter::add(const Hit& hit) {
  header();
  switch (options_.format) {
    case ExportFormat::csv:
    case ExportFormat::tsv: {
      std::vector<std::string> values;
      values.reserve(options_.fields.size());
      for (const auto& field : options_.fields) values.push_back(field.text(hit));
      row(values);
      break;
    }
    case ExportFormat::ids:
      out_ << hit.article.id << options_.separator;
      break;
    case ExportFormat::paths: {
      // The file's own bytes (the index keeps names as reversible text), so that xargs opens it.
      auto path = path_bytes(hit.article.path);
      if (!paths_seen_.insert(path).second) return;  // a file of several articles is listed once
      out_ << path << options_.separator;
      break;
    }
  }
  ++written_;
}

}  // namespace newsdex
