// newsdex-extract-bodies: reads the benchmark's gzipped HTML pages with the real HTML reader
// (read_html_page, clean_body included) and writes {id: {"articleBody": text}} for body_score.py.
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/readers/html_page.hpp"

namespace {

// The whole content of a .gz (or plain) file; empty when it cannot be read.
std::string read_gzip(const std::filesystem::path& path) {
  std::string bytes;
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return bytes;
  char buffer[1 << 16];
  int read = 0;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) bytes.append(buffer, static_cast<std::size_t>(read));
  gzclose(file);
  return bytes;
}

std::string page_id(const std::filesystem::path& path) {
  auto name = path.filename().string();
  for (std::string_view suffix : {".html.gz", ".htm.gz", ".html", ".htm"})
    if (name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size());
  return name;
}

// The benchmark's gold bodies are the article text without the headline and without the standfirst
// (which is what the HTML reader's lede is): the paragraphs, one per line. --with-lede adds the lede.
std::string body_text(const newsdex::Article& article, bool with_lede) {
  std::string text = with_lede ? article.lede : std::string{};
  for (const auto& paragraph : article.paragraphs) {
    if (!text.empty()) text += '\n';
    text += paragraph;
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool with_lede = std::find(args.begin(), args.end(), "--with-lede") != args.end();
  std::erase(args, "--with-lede");
  if (args.size() != 2) {
    std::cerr << "usage: newsdex-extract-bodies [--with-lede] HTML_DIR PREDICTIONS.json\n";
    return 2;
  }
  std::vector<std::filesystem::path> pages;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(args[0], error))
    if (entry.is_regular_file()) pages.push_back(entry.path());
  if (error || pages.empty()) {
    std::cerr << "newsdex-extract-bodies: no pages in " << args[0] << "\n";
    return 5;
  }
  std::sort(pages.begin(), pages.end());
  nlohmann::json predictions = nlohmann::json::object();
  for (const auto& path : pages) {
    auto html = read_gzip(path);
    auto read = newsdex::read_html_page(html, path.string());
    std::string text = read.articles.empty() ? std::string{} : body_text(read.articles.front(), with_lede);
    predictions[page_id(path)] = {{"articleBody", text}};
  }
  std::ofstream out(args[1]);
  out << predictions.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  if (!out) {
    std::cerr << "newsdex-extract-bodies: cannot write " << args[1] << "\n";
    return 5;
  }
  std::cerr << "newsdex-extract-bodies: " << pages.size() << " pages\n";
  return 0;
}
