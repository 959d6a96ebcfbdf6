// --show as text: the title, one labelled line per piece of metadata, the entities, the other
// locations, then the whole text, paragraph by paragraph. Every string from the article is shown
// through terminal_safe(), as in search results.
#include <algorithm>
#include <string_view>
#include <vector>

#include "common/output/article_output.hpp"

namespace newsdex {
namespace {

constexpr std::string_view bold = "\033[1m", reset = "\033[0m";

// "  label     value", when there is a value.
void labelled(std::ostream& out, std::string_view label, std::string_view value) {
  if (value.empty()) return;
  std::string padded(label);
  padded.resize(std::max<std::size_t>(padded.size() + 1, 10), ' ');
  out << "  " << padded << terminal_safe(value) << '\n';
}

// "Benjamin Netanyahu (2), Zoë Marchetti (1)": every entity with its mentions.
std::string entity_line(const std::vector<Entity>& list) {
  std::string line;
  for (const auto& entity : list)
    line += (line.empty() ? "" : ", ") + entity.name + " (" + std::to_string(entity.mentions) + ")";
  return line;
}

void print_article(std::ostream& out, const ShownArticle& shown, const TextStyle& style) {
  const auto& a = shown.article;
  if (style.color) out << bold;
  out << terminal_safe(a.title.empty() ? "(no title)" : a.title);
  if (style.color) out << reset;
  out << '\n';
  labelled(out, "docid", std::to_string(shown.docid));
  labelled(out, "id", a.id);
  labelled(out, "date", a.published);
  labelled(out, "author", a.author);
  labelled(out, "source", a.source);
  labelled(out, "url", a.url);
  labelled(out, "path", a.path);
  labelled(out, "position", std::to_string(a.position));  // in the file, from 0 (a JSON Lines line)
  labelled(out, "language", shown.language);
  labelled(out, "people", entity_line(a.entities.people));
  labelled(out, "orgs", entity_line(a.entities.organisations));
  labelled(out, "places", entity_line(a.entities.places));
  for (const auto& d : a.duplicates)
    labelled(out, "also at", (d.url.empty() ? d.path : d.path + " (" + d.url + ")") + " [id " + d.id + "]");
  for (const auto& other : shown.same_body)
    labelled(out, "same body", "docid " + std::to_string(other.docid) + ": " + other.path + " [id " + other.id + "]");
  if (!a.lede.empty()) out << '\n' << terminal_safe(a.lede) << '\n';
  for (const auto& paragraph : a.paragraphs) out << '\n' << terminal_safe(paragraph) << '\n';
}

}  // namespace

std::string shown_text(const Article& article) {
  auto body = article.body_text();
  if (article.lede.empty()) return body;
  return body.empty() ? article.lede : article.lede + "\n\n" + body;
}

void print_shown_text(std::ostream& out, const ShownArticles& shown, const TextStyle& style) {
  for (std::size_t i = 0; i < shown.articles.size(); ++i) {
    if (i) out << '\n' << std::string(40, '-') << '\n';
    print_article(out, shown.articles[i], style);
  }
}

}  // namespace newsdex
