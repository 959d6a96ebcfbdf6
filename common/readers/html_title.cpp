#include "common/readers/html_title.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "common/base/text.hpp"
#include "common/readers/headline.hpp"

namespace newsdex::html {
namespace {

constexpr std::array<std::string_view, 8> separators{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "};

std::string_view host_of(std::string_view url) {
  auto from = url.find("//") == std::string_view::npos ? 0 : url.find("//") + 2;
  return url.substr(0, url.find('/', from));
}

// The index of the headline among `headings` by choose_headline; headings.size() when none looks like one.
std::size_t best_heading(const std::vector<const HeadingSeen*>& headings, const std::set<std::string>& stems) {
  std::vector<HeadlineCandidate> candidates;
  for (const auto* heading : headings) candidates.push_back({heading->text, false, heading->blocks_to_text});
  return choose_headline(candidates, stems);
}

// Letters and digits only, lower-cased: "News Nation" and "www.newsnation.in" compare.
std::string squeeze(std::string_view text) {
  std::string out;
  for (char c : fold_key(text))
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) out += c;
  return out;
}

}  // namespace

bool names_site(const std::string& text, const std::string& site, const std::string& url) {
  auto squeezed = squeeze(text);
  if (squeezed.empty()) return false;
  auto site_key = squeeze(site);
  // A part of the site's name ("Herald" of "The Calder Herald") names it too, when it is a word's length.
  // So does the name with a word or two around it ("The Pellby Post Online"), not a headline naming the site.
  return (!site_key.empty() &&
          (squeezed == site_key || (squeezed.size() >= 4 && site_key.find(squeezed) != std::string::npos) ||
           (squeezed.find(site_key) != std::string::npos && squeezed.size() <= site_key.size() + 10))) ||
         (squeezed.size() >= 3 && squeeze(host_of(url)).find(squeezed) != std::string::npos);
}

std::string strip_site_suffix(std::string_view title, std::string_view site, std::string_view url) {
  auto text = collapse_whitespace(title);
  for (auto separator : separators) {
    auto cut = text.rfind(separator);
    if (cut == std::string::npos || cut == 0) continue;
    auto suffix = std::string(std::string_view(text).substr(cut + separator.size()));
    // Without a known site name, only a short tail after a bar is taken for one ("… | The Daily Example").
    auto words = std::count(suffix.begin(), suffix.end(), ' ') + 1;
    bool short_tail = separator == " | " && words <= 4;
    if (names_site(suffix, std::string(site), std::string(url)) || short_tail)
      return collapse_whitespace(text.substr(0, cut));
  }
  return text;
}

std::vector<std::string> title_parts(const std::string& title_element, const std::string& site,
                                     const std::string& url) {
  std::vector<std::string> parts;
  auto text = collapse_whitespace(title_element);
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.size();
    std::size_t length = 0;
    for (auto separator : separators) {
      auto at = text.find(separator, start);
      if (at != std::string::npos && at < end) end = at, length = separator.size();
    }
    auto part = collapse_whitespace(std::string_view(text).substr(start, end - start));
    if (!part.empty() && !names_site(part, site, url)) parts.push_back(part);
    if (end == text.size()) break;
    start = end + length;
  }
  return parts;
}

TitleChoice choose_page_title(const TitleEvidence& evidence) {
  const auto& site = evidence.site;
  const auto& url = evidence.url;
  if (!evidence.declared.empty() && !names_site(evidence.declared, site, url))
    return {strip_site_suffix(evidence.declared, site, url), evidence.declared_source};
  std::vector<const HeadingSeen*> headings, repeated, h1s;
  auto parts = title_parts(evidence.title_element, site, url);
  auto whole_key = fold_key(evidence.title_element);
  for (const auto& heading : evidence.headings) {
    if (names_site(heading.text, site, url)) continue;
    headings.push_back(&heading);
    if (heading.h1) h1s.push_back(&heading);
    auto key = fold_key(heading.text);
    bool in_title = std::any_of(parts.begin(), parts.end(), [&](const std::string& p) { return fold_key(p) == key; }) ||
                    (count_words(heading.text) >= 3 && whole_key.find(key) != std::string::npos);
    if (in_title) repeated.push_back(&heading);
  }
  auto stems = word_stems(evidence.running_text);
  // The <title> names the headline among the headings (and the site's name, the section...).
  if (!repeated.empty()) {
    auto chosen = best_heading(repeated, stems);
    return {repeated[chosen < repeated.size() ? chosen : 0]->text, "heading matching <title>"};
  }
  if (h1s.size() == 1) return {h1s.front()->text, "h1"};
  if (auto chosen = best_heading(headings, stems); chosen < headings.size())
    return {headings[chosen]->text, "headline evidence"};
  if (evidence.title_element.empty()) return {};
  return {strip_site_suffix(evidence.title_element, site, url), "<title>"};
}

}  // namespace newsdex::html
