#include "common/output/cooccurrence_output.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "common/output/export.hpp"
#include "common/output/printers.hpp"

namespace newsdex {
namespace {

constexpr const char* columns[] = {"type_a", "key_a", "name_a", "type_b", "key_b", "name_b", "articles"};

std::vector<std::string> row_of(const EntityPair& pair) {
  return {std::string(facet_name(pair.a.type)), pair.a.key, pair.a.name,
          std::string(facet_name(pair.b.type)), pair.b.key, pair.b.name,
          std::to_string(pair.articles)};
}

// A header row, then one row per pair, as the CSV and TSV exports write them.
void write_rows(std::ostream& out, const Cooccurrence& cooccurrence, ExportFormat format) {
  out << export_row(std::vector<std::string>(std::begin(columns), std::end(columns)), format);
  for (const auto& pair : cooccurrence.pairs) out << export_row(row_of(pair), format);
}

void print_text(std::ostream& out, const SearchResponse& response) {
  const auto& c = *response.cooccurrence;
  auto distinct = c.pairs.size() + c.other_pairs;
  out << c.articles << " matching article" << (c.articles == 1 ? "" : "s") << "; " << distinct << " pair"
      << (distinct == 1 ? "" : "s") << " of entities named together";
  if (c.other_pairs) out << " (showing the " << c.pairs.size() << " named together most)";
  out << '\n';
  std::size_t width = 1;
  for (const auto& pair : c.pairs) width = std::max(width, std::to_string(pair.articles).size());
  for (const auto& pair : c.pairs) {
    auto count = std::to_string(pair.articles);
    out << "  " << std::string(width - count.size(), ' ') << count << "  " << terminal_safe(pair.a.name) << " ("
        << facet_name(pair.a.type) << ") + " << terminal_safe(pair.b.name) << " (" << facet_name(pair.b.type) << ")\n";
  }
}

}  // namespace

void print_cooccurrence(std::ostream& out, const SearchResponse& response, CooccurrenceFormat format) {
  switch (format) {
    case CooccurrenceFormat::csv:
      write_rows(out, *response.cooccurrence, ExportFormat::csv);
      break;
    case CooccurrenceFormat::tsv:
      write_rows(out, *response.cooccurrence, ExportFormat::tsv);
      break;
    case CooccurrenceFormat::json:
      print_json(out, response);
      break;
    default:
      print_text(out, response);
  }
}

}  // namespace newsdex
