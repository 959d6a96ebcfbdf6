// The readable output: one block per result, then suggestions and facets.
#include <algorithm>
#include <cstdio>
#include <type_traits>

#include "common/base/json_writer.hpp"
#include "common/base/text.hpp"
#include "common/output/printers.hpp"
#include "common/store/curation_file.hpp"

namespace newsdex {
namespace {

constexpr std::string_view bold = "\033[1m", bold_match = "\033[1;33m", dim = "\033[2m", reset = "\033[0m";
constexpr std::size_t entities_shown = 3;

// Everything the text printer writes goes through here. Text, whatever its source (a title, a
// snippet, a URL, a path, a facet name, the query), is shown with its control characters escaped:
// a scraped page must not be able to set the terminal's title, clear the screen or move the cursor.
// Only the printer's own line ends and colour codes are written as they are.
class TerminalText {
 public:
  TerminalText(std::ostream& out, const TextStyle& style) : out_(out), color_(style.color) {}

  TerminalText& operator<<(std::string_view text) {
    out_ << escape_controls(text);
    return *this;
  }
  TerminalText& operator<<(char c) { return *this << std::string_view(&c, 1); }
  template <typename Number>
  requires std::is_arithmetic_v<Number> TerminalText& operator<<(Number number) {
    out_ << number;
    return *this;
  }
  // The printer's own: a line end, a colour code (nothing without colour).
  void end_line() { out_ << '\n'; }
  void style(std::string_view code) {
    if (color_) out_ << code;
  }
  bool color() const { return color_; }

  // C0 controls (newline and tab included: every field is shown on one line), DEL and C1 controls
  // (U+0080-U+009F, which some terminals obey too) become \xHH, HH being the code point; so does a
  // byte that is not valid UTF-8 (a lone 0x9B is CSI to an 8-bit terminal). docs/search.md.
  static std::string escape_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
      auto c = static_cast<unsigned char>(text[at]);
      std::size_t length = c < 0x80 ? 1 : utf8_sequence_length(text, at);
      unsigned shown = c;  // the code point, or the invalid byte
      if (length == 2) shown = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[at + 1]) & 0x3Fu);
      bool control = length == 0 || (length == 1 && (c < 0x20 || c == 0x7F)) || (length == 2 && shown < 0xA0);
      if (control) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\x%02X", shown);
        out += escaped;
        length = std::max<std::size_t>(length, 1);
      } else {
        out.append(text, at, length);
      }
      at += length;
    }
    return out;
  }

 private:
  std::ostream& out_;
  bool color_;
};

// A highlighted text: its parts escaped, the highlights in bold yellow, `base` the style around them.
void styled(TerminalText& out, const HighlightedText& text, std::string_view base = {}) {
  out.style(base);
  std::size_t at = 0;
  for (const auto& range : text.highlights) {
    out << std::string_view(text.text).substr(at, range.begin - at);
    out.style(bold_match);
    out << std::string_view(text.text).substr(range.begin, range.end - range.begin);
    out.style(reset);
    out.style(base);
    at = range.end;
  }
  out << std::string_view(text.text).substr(at);
  out.style(reset);
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

void print_hit(TerminalText& out, const Hit& hit) {
  const auto& a = hit.article;
  out << hit.rank << ". ";
  styled(out, hit.title, out.color() ? bold : "");
  out.end_line();
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
    out << "   ";
    out.style(dim);
    out << line;
    out.style(reset);
    out.end_line();
  }
  if (!hit.snippet.text.empty()) {
    out << "   ";
    styled(out, hit.snippet);
    out.end_line();
  }
  out << "   ";
  out.style(dim);
  out << (a.url.empty() ? a.path : a.url);
  out.style(reset);
  out << "  [id " << a.id << ", docid " << hit.docid << "]";
  out.end_line();
}

// "44 matching articles" when counted (the same whatever the page); with a page topped up with
// articles having some of the words, how many have every word and how many some; "about" before
// an estimate.
void print_count(TerminalText& out, const SearchResponse& response) {
  const auto& counts = response.counts;
  const auto& matching = response.matching;
  if (matching.exact()) {
    out << matching.lower_bound << " matching article" << (matching.lower_bound == 1 ? "" : "s");
    if (response.fallback_to_any) {
      const auto& some = response.topped_up;
      out << ", and " << (some.exact() ? "" : "about ") << some.estimated << " with only some of the words";
    }
  } else {
    out << (counts.exact() ? "" : "about ") << counts.estimated << " matching article"
        << (counts.estimated == 1 ? "" : "s");
  }
  if (!response.hits.empty())
    out << " (showing " << response.hits.front().rank << "-" << response.hits.back().rank << ", "
        << sort_order_name(response.sort) << " first)";
  out.end_line();
}

void print_facets(TerminalText& out, const std::vector<Facet>& facets) {
  for (const auto& facet : facets) {
    out << facet_name(facet.field);
    if (!facet.granularity.empty()) out << " (by " << facet.granularity << ")";
    out << ":";
    if (facet.values.empty()) out << " (none)";
    for (const auto& value : facet.values) {
      out.end_line();
      out << "  " << value.count << "  " << value.name;
    }
    if (facet.other_values) {
      out.end_line();
      out << "  ... " << facet.other_values << " more";
    }
    out.end_line();
  }
}

}  // namespace

void print_text(std::ostream& stream, const SearchResponse& response, const TextStyle& style) {
  TerminalText out(stream, style);
  if (!response.corrected_from.empty()) {
    out << "No results for '" << response.corrected_from << "'; showing results for '" << response.parsed.text << "'";
    out.end_line();
  } else if (!response.suggestion.empty()) {
    out << "Did you mean: " << response.suggestion;
    out.end_line();
  }
  if (response.fallback_to_any) {
    out << "(fewer articles than asked for have all the words: those after them have some of the words)";
    out.end_line();
  }
  if (!response.parsed.stopwords.empty()) {
    out << "(ignored common words:";
    for (const auto& word : response.parsed.stopwords) out << ' ' << word;
    out << ")";
    out.end_line();
  }
  print_count(out, response);
  for (const auto& hit : response.hits) {
    out.end_line();
    print_hit(out, hit);
  }
  if (!response.facets.empty()) {
    out.end_line();
    print_facets(out, response.facets);
  }
}

namespace {

std::string_view plural_of(std::optional<schema::EntityType> type) {
  if (!type) return "entities";
  switch (*type) {
    case schema::EntityType::person: return "people";
    case schema::EntityType::organisation: return "organisations";
    default: return "places";
  }
}

// "    written as: Valdermoor (16), Valdermoor City (3)" and "    also: person (2)", when they say more
// than the name above them.
void print_entity_details(TerminalText& out, const ListedEntity& entity, const std::string& indent) {
  bool only_the_name = entity.variants.size() == 1 && entity.variants.front().name == entity.name;
  if (!only_the_name && !entity.variants.empty()) {
    out.style(dim);
    out << indent << "written as: ";
    for (std::size_t i = 0; i < entity.variants.size(); ++i)
      out << (i ? ", " : "") << entity.variants[i].name << " (" << entity.variants[i].articles << ")";
    out.style(reset);
    out.end_line();
  }
  if (!entity.other_types.empty()) {
    out << indent << "also as: ";
    for (std::size_t i = 0; i < entity.other_types.size(); ++i)
      out << (i ? ", " : "") << entity_type_name(entity.other_types[i].first) << " ("
          << entity.other_types[i].second << ")";
    out.end_line();
  }
}

}  // namespace

void print_entity_listing_text(std::ostream& stream, const EntityListing& listing, const TextStyle& style) {
  TerminalText out(stream, style);
  out << listing.total << " " << plural_of(listing.type);
  if (!listing.entities.empty()) out << " (showing 1-" << listing.entities.size() << ", most articles first)";
  out << " in " << listing.articles_read << " articles";
  if (listing.curation_rules) out << "; curation: " << listing.curation_rules << " rules";
  out.end_line();
  auto width = listing.entities.empty() ? 1 : std::to_string(listing.entities.front().articles).size();
  for (const auto& entity : listing.entities) {
    auto count = std::to_string(entity.articles);
    auto type = std::string(entity_type_name(entity.type));
    out << std::string(width - std::min(width, count.size()) + 2, ' ') << count << "  " << type
        << std::string(8 - std::min<std::size_t>(6, type.size()), ' ');
    out.style(bold);
    out << entity.name;
    out.style(reset);
    if (fold_key(entity.name) != entity.key) out << "  [key: " << entity.key << "]";
    out.end_line();
    print_entity_details(out, entity, std::string(width + 12, ' '));
  }
}

}  // namespace newsdex
