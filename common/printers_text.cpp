// The readable output: one block per result, then suggestions and facets.
#include <algorithm>

#include "common/printers.hpp"

namespace newsdex {
namespace {

constexpr std::string_view bold = "\033[1m", bold_match = "\033[1;33m", dim = "\033[2m", reset = "\033[0m";
constexpr std::size_t entities_shown = 3;

std::string styled(const HighlightedText& text, const TextStyle& style, std::string_view base = {}) {
  if (!style.color) return text.text;
  std::string close(reset), out(base);
  close += base;
  out += render(text, bold_match, close);
  out += reset;
  return out;
}

std::string names(const std::vector<Entity>& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size() && i < entities_shown; ++i) {
    if (i) out += ", ";
    out += list[i].name;
  }
  if (list.size() > entities_shown) out += ", +" + std::to_string(list.size() - entities_shown);
  return out;
}

void print_hit(std::ostream& out, const Hit& hit, const TextStyle& style) {
  const auto& a = hit.article;
  out << hit.rank << ". " << styled(hit.title, style, style.color ? bold : "") << '\n';
  std::vector<std::string> details;
  if (!a.published.empty()) details.push_back(a.published.substr(0, 10));
  if (!a.source.empty()) details.push_back(a.source);
  if (!a.entities.people.empty()) details.push_back("people: " + names(a.entities.people));
  if (!a.entities.organisations.empty()) details.push_back("orgs: " + names(a.entities.organisations));
  if (!a.entities.places.empty()) details.push_back("places: " + names(a.entities.places));
  if (hit.duplicates_hidden) details.push_back(std::to_string(hit.duplicates_hidden) + " duplicate(s) hidden");
  if (!details.empty()) {
    std::string line;
    for (const auto& detail : details) {
      if (!line.empty()) line += " | ";
      line += detail;
    }
    out << "   " << (style.color ? dim : "") << line << (style.color ? reset : "") << '\n';
  }
  if (!hit.snippet.text.empty()) out << "   " << styled(hit.snippet, style) << '\n';
  out << "   " << (style.color ? dim : "") << (a.url.empty() ? a.path : a.url) << (style.color ? reset : "")
      << "  [id " << a.id << ", docid " << hit.docid << "]\n";
}

void print_count(std::ostream& out, const SearchResponse& response) {
  const auto& counts = response.counts;
  out << (counts.exact() ? "" : "about ") << counts.estimated << " matching article"
      << (counts.estimated == 1 ? "" : "s");
  if (!response.hits.empty())
    out << " (showing " << response.hits.front().rank << "-" << response.hits.back().rank << ", "
        << sort_order_name(response.sort) << " first)";
  out << '\n';
}

void print_facets(std::ostream& out, const std::vector<Facet>& facets) {
  for (const auto& facet : facets) {
    out << facet_name(facet.field);
    if (!facet.granularity.empty()) out << " (by " << facet.granularity << ")";
    out << ":";
    if (facet.values.empty()) out << " (none)";
    for (const auto& value : facet.values) out << "\n  " << value.count << "  " << value.name;
    if (facet.other_values) out << "\n  ... " << facet.other_values << " more";
    out << '\n';
  }
}

}  // namespace

void print_text(std::ostream& out, const SearchResponse& response, const TextStyle& style) {
  if (!response.corrected_from.empty())
    out << "No results for '" << response.corrected_from << "'; showing results for '" << response.parsed.text
        << "'\n";
  else if (!response.suggestion.empty())
    out << "Did you mean: " << response.suggestion << "\n";
  if (response.fallback_to_any)
    out << "(fewer articles than asked for have all the words: those after them have some of the words)\n";
  if (!response.parsed.stopwords.empty()) {
    out << "(ignored common words:";
    for (const auto& word : response.parsed.stopwords) out << ' ' << word;
    out << ")\n";
  }
  print_count(out, response);
  for (const auto& hit : response.hits) {
    out << '\n';
    print_hit(out, hit, style);
  }
  if (!response.facets.empty()) {
    out << '\n';
    print_facets(out, response.facets);
  }
}

}  // namespace newsdex
