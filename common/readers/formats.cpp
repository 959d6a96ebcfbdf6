#include "common/readers/formats.hpp"

#include <filesystem>

#include "common/base/option_choices.hpp"
#include "common/base/text.hpp"

namespace newsdex {
namespace {

struct NamedFormat {
  std::string_view extension;  // lower case, with its dot
  InputFormat format;
  bool json_lines = false;  // many articles, one a line
};

// The one list of the extensions newsdex knows: docs/readers.md and docs/indexing.md list them too.
constexpr NamedFormat named_formats[] = {
    {".html", InputFormat::html},         {".htm", InputFormat::html},  {".xhtml", InputFormat::html},
    {".shtml", InputFormat::html},        {".json", InputFormat::json}, {".jsonl", InputFormat::json, true},
    {".ndjson", InputFormat::json, true}, {".txt", InputFormat::text},  {".text", InputFormat::text},
};

std::string lower_extension(const std::string& path) {
  return ascii_lower(std::filesystem::path(path).extension().string());
}

const NamedFormat* named_format(const std::string& path) {
  auto extension = lower_extension(path);
  for (const auto& named : named_formats)
    if (named.extension == extension) return &named;
  return nullptr;
}

bool starts_with_html(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '<') return false;
  auto head = fold_key(text.substr(first, 256));
  return head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") ||
         (head.starts_with("<?xml version") && head.find("<html") != std::string::npos);
}

}  // namespace

InputFormat parse_input_format(std::string_view name) {
  static constexpr OptionChoice<InputFormat> formats[] = {
      {"auto", InputFormat::automatic}, {"text", InputFormat::text}, {"txt", InputFormat::text},
      {"html", InputFormat::html},      {"json", InputFormat::json}, {"jsonl", InputFormat::json}};
  return parse_choice<InputFormat>("format", name, formats);
}

InputFormat format_of_name(const std::string& path) {
  const auto* named = named_format(path);
  return named ? named->format : InputFormat::automatic;
}

bool is_json_lines_name(const std::string& path) {
  const auto* named = named_format(path);
  return named && named->json_lines;
}

bool is_article_file_name(const std::string& path) {
  return named_format(path) || std::filesystem::path(path).extension().empty();
}

InputFormat sniff_format(std::string_view text, const std::string& path) {
  if (starts_with_html(text)) return InputFormat::html;
  if (auto named = format_of_name(path); named != InputFormat::automatic) return named;
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return InputFormat::text;
  if (text[first] == '{' || text[first] == '[') return InputFormat::json;
  auto head = fold_key(text.substr(first, 1024));
  if (text[first] == '<' && (head.find("<body") != std::string::npos || head.find("<div") != std::string::npos ||
                             head.find("<p>") != std::string::npos || head.find("<article") != std::string::npos))
    return InputFormat::html;
  return InputFormat::text;
}

}  // namespace newsdex
