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
  TerminalText(std::ostream& out, const TextStyle& style) : out_(out), color_(style.color), width_(style.width) {}

  TerminalText& operator<<(std::string_view text) {
    write_wrapped(escape_controls(text));
    return *this;
  }
  TerminalText& operator<<(char c) { return *this << std::string_view(&c, 1); }
  template <typename Number>
  requires std::is_arithmetic_v<Number> TerminalText& operator<<(Number number) {
    return *this << std::string_view(std::to_string(number));
  }
  // The printer's own: a line end, a colour code (nothing without colour).
  void end_line() {
    out_ << '\n';
    column_ = 0;
    pending_spaces_ = 0;
  }
  // Where the continuation lines of a wrapped line start.
  void indent(std::size_t columns) { indent_ = columns; }
  void style(std::string_view code) {
    if (color_) out_ << code;
  }
  bool color() const { return color_; }

  // C0 controls (newline and tab included: every field is shown on one line), DEL and C1 controls
  // (U+0080-U+009F, which some terminals obey too) become \xHH, HH being the code point; so does a
  // byte that is not valid UTF-8 (a lone 0x9B is CSI to an 8-bit terminal). docs/search.md.
  // Columns on the terminal: one per code point (wide characters are counted as one).
  static std::size_t columns_of(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  }

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
  // With a width, a line is broken at the last space that keeps it within the width (a word
  // longer than the width overflows); continuation lines start at the indent. The spaces at a
  // break are not written.
  void write_wrapped(std::string_view text) {
    if (width_ == 0) {
      out_ << text;
      return;
    }
    for (std::size_t at = 0; at < text.size();) {
      auto end = text.find_first_of(' ', at);
      if (end == at) {
        ++pending_spaces_;
        ++at;
        continue;
      }
      if (end == std::string_view::npos) end = text.size();
      auto word = text.substr(at, end - at);
      auto word_columns = columns_of(word);
      if (column_ > indent_ && column_ + pending_spaces_ + word_columns > width_) {
        out_ << '\n' << std::string(indent_, ' ');
        column_ = indent_;
      } else {
        out_ << std::string(pending_spaces_, ' ');
        column_ += pending_spaces_;
      }
      pending_spaces_ = 0;
      out_ << word;
      column_ += word_columns;
      at = end;
    }
  }

  std::ostream& out_;
  bool color_;
  std::size_t width_, indent_ = 0, column_ = 0, pending_spaces_ = 0;
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

// The id, unless it only repeats the URL or the path shown beside it (make_article_id's forms).
bool id_repeats_location(const Article& a) {
  if (!a.url.empty()) return a.id == "url:" + a.url;
  auto prefix = "file:" + a.path + "#";
  return a.id.starts_with(prefix) && a.id.find_first_not_of("0123456789", prefix.size()) == std::string::npos &&
         a.id.size() > prefix.size();
}

// The other places the same article was found (indexed once: docs/indexing.md, Duplicates).
void print_duplicates(TerminalText& out, const Article& a) {
  if (a.duplicates.empty()) return;
  out << "   also at: ";
  for (std::size_t i = 0; i < a.duplicates.size() && i < entities_shown; ++i) {
    const auto& location = a.duplicates[i];
    out.style(dim);
    out << (i ? ", " : "") << (location.url.empty() ? location.path : location.url);
    out.style(reset);
  }
  if (a.duplicates.size() > entities_shown) out << ", +" << a.duplicates.size() - entities_shown << " more";
  out.end_line();
}

void print_hit(TerminalText& out, const Hit& hit) {
  const auto& a = hit.article;
  out.indent(3);
  out << hit.rank << ". ";
  if (hit.title.text.empty())
    styled(out, HighlightedText{fallback_title(a), {}}, out.color() ? bold : "");
  else
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
  if (id_repeats_location(a))
    out << "  [docid " << hit.docid << "]";
  else
    out << "  [id " << a.id << ", docid " << hit.docid << "]";
  out.end_line();
  print_duplicates(out, a);
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
    std::size_t count_width = 0;  // the counts right-aligned
    for (const auto& value : facet.values) count_width = std::max(count_width, std::to_string(value.count).size());
    out.indent(2 + count_width + 2);
    for (const auto& value : facet.values) {
      out.end_line();
      auto count = std::to_string(value.count);
      out << "  " << std::string(count_width - count.size(), ' ') << count << "  " << value.name;
    }
    if (facet.other_values) {
      out.end_line();
      out << "  ... " << facet.other_values << " more";
    }
    if (facet.field == FacetField::date && facet.undated) {
      out.end_line();
      out << "  " << facet.undated << "  (undated)";
    }
    out.end_line();
  }
}

}  // namespace

std::string fallback_title(const Article& article) {
  constexpr std::size_t words_shown = 10;
  std::string_view text = article.lede;
  if (text.empty() && !article.paragraphs.empty()) text = article.paragraphs.front();
  std::string title;
  std::size_t at = 0;
  for (std::size_t words = 0; words < words_shown; ++words) {
    auto start = text.find_first_not_of(" \t\n", at);
    if (start == std::string_view::npos) break;
    at = std::min(text.find_first_of(" \t\n", start), text.size());
    title += (title.empty() ? "" : " ") + std::string(text.substr(start, at - start));
  }
  if (!title.empty()) {
    if (text.find_first_not_of(" \t\n", at) != std::string_view::npos) title += "\xE2\x80\xA6";  // more follows
    return title;
  }
  auto slash = article.path.find_last_of('/');
  if (!article.path.empty()) return slash == std::string::npos ? article.path : article.path.substr(slash + 1);
  return article.url.empty() ? "(untitled)" : article.url;
}

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
  for (const auto& shard : response.missing_shards) {
    out << "(partial answer: shard " << shard.name << " is missing: " << shard.problem << ")";
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

std::string terminal_safe(std::string_view text) { return TerminalText::escape_controls(text); }

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
