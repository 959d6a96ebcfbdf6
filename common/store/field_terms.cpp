#include "common/store/field_terms.hpp"

#include <bitset>

#include "common/base/text.hpp"
#include "common/base/words.hpp"
#include "common/store/schema.hpp"

namespace newsdex::field_terms {
namespace {

// Xapian's TermGenerator leaves out words longer than this (its default max_word_length).
constexpr std::size_t max_word_bytes = 64;

std::string_view trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first);
}

// "https://a.b/c" -> {"https", "a.b/c"}; no scheme -> {"", text}.
std::pair<std::string, std::string_view> split_scheme(std::string_view url) {
  auto separator = url.find("://");
  if (separator == std::string_view::npos || separator == 0) return {{}, url};
  return {ascii_lower(url.substr(0, separator)), url.substr(separator + 3)};
}

}  // namespace

std::vector<std::string> author_words(std::string_view author) {
  static const auto every_initial = std::bitset<256>().set();
  Tokens tokens;
  auto folded = fold_key(author);
  tokenize(folded, every_initial, tokens);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < tokens.list.size(); ++i)
    if (auto word = tokens.word(i); !word.empty() && word.size() <= max_word_bytes) words.emplace_back(word);
  return words;
}

std::string host(std::string_view url_or_host) {
  auto rest = split_scheme(trim(url_or_host)).second;
  auto authority = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  // An IPv6 address keeps its colons: "[::1]:80" -> "[::1]".
  if (authority.starts_with('['))
    authority = authority.substr(0, authority.find(']') + 1);  // none: npos + 1 = 0, no host
  else
    authority = authority.substr(0, authority.find(':'));
  while (!authority.empty() && authority.front() == '.') authority.remove_prefix(1);
  while (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);
  return ascii_lower(authority);
}

std::string site_term(std::string_view host) { return schema::exact_term(schema::site_prefix, host); }

std::vector<std::string> site_terms(std::string_view url) {
  auto name = host(url);
  bool web_address = !split_scheme(trim(url)).first.empty() || name.find('.') != std::string::npos;
  std::vector<std::string> terms;
  if (name.empty() || !web_address || name.find_first_of(" \t") != std::string::npos) return terms;
  for (std::size_t from = 0; from != std::string::npos;) {
    terms.push_back(site_term(std::string_view(name).substr(from)));
    auto dot = name.find('.', from);
    from = dot == std::string::npos ? dot : dot + 1;
  }
  return terms;
}

std::string url_key(std::string_view url) {
  auto [scheme, rest] = split_scheme(trim(url));
  rest = rest.substr(0, rest.find('#'));
  auto host_end = std::min(rest.find_first_of("/?"), rest.size());
  std::string key = scheme.empty() || scheme == "http" || scheme == "https" ? "" : scheme + "://";
  key += ascii_lower(rest.substr(0, host_end));
  auto path = rest.substr(host_end);
  if (path.find('?') == std::string_view::npos && path.ends_with('/')) path.remove_suffix(1);
  key += path;
  return key;
}

std::string url_term(std::string_view url) { return schema::exact_term(schema::url_prefix, url_key(url)); }

std::string path_term(std::string_view path) { return schema::exact_term(schema::path_prefix, path); }

std::vector<std::string> path_terms(std::string_view path) {
  std::vector<std::string> terms;
  if (path.empty()) return terms;
  for (auto slash = path.find('/', 1); slash != std::string_view::npos; slash = path.find('/', slash + 1))
    terms.push_back(path_term(path.substr(0, slash)));
  terms.push_back(path_term(path));
  return terms;
}

}  // namespace newsdex::field_terms
