// Entity extraction speed on Reuters-21578 article bodies, on one core, as a ratio against a bare
// tokenizer pass over the same text measured in the same run (docs/entities.md, "Speed").
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/base/data_files.hpp"
#include "common/base/errors.hpp"
#include "common/entities/entities.hpp"
#include "common/entities/tokenizer.hpp"
#include "ner/cpu_time.hpp"

namespace {

using Article = std::vector<std::string>;  // paragraphs

std::string unescape_sgml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const auto semicolon = text.find(';', i);
    if (semicolon == std::string_view::npos || semicolon - i > 8) {
      out += '&';
      continue;
    }
    const std::string_view entity = text.substr(i + 1, semicolon - i - 1);
    if (entity == "lt") out += '<';
    else if (entity == "gt") out += '>';
    else if (entity == "amp") out += '&';
    else if (entity == "quot") out += '"';
    else if (entity.size() > 1 && entity[0] == '#' && std::all_of(entity.begin() + 1, entity.end(), ::isdigit)) {
      const int code = std::stoi(std::string(entity.substr(1)));
      if (code >= 32 && code < 127) out += static_cast<char>(code);  // Reuters uses &#2; &#3; as markers
    } else {
      out.append(text.substr(i, semicolon - i + 1));
      i = semicolon;
      continue;
    }
    i = semicolon;
  }
  return out;
}

// Reuters bodies wrap lines at ~70 columns and indent the first line of each paragraph.
Article paragraphs_of(const std::string& body) {
  Article paragraphs;
  std::istringstream lines(body);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("    ") || paragraphs.empty()) paragraphs.emplace_back();
    if (!paragraphs.back().empty()) paragraphs.back() += ' ';
    paragraphs.back() += line;
  }
  std::erase_if(paragraphs, [](const std::string& p) { return p.find_first_not_of(' ') == std::string::npos; });
  return paragraphs;
}

std::vector<Article> read_reuters(const std::filesystem::path& dir, std::size_t& bytes) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto name = entry.path().filename().string();
    if (name.starts_with("reut2-") && name.ends_with(".sgm")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw newsdex::Error(newsdex::ExitCode::io_error, "no reut2-*.sgm files in " + dir.string());
  std::vector<Article> articles;
  bytes = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream contents;
    contents << in.rdbuf();
    const std::string sgml = contents.str();
    for (std::size_t at = sgml.find("<BODY>"); at != std::string::npos; at = sgml.find("<BODY>", at)) {
      const auto end = sgml.find("</BODY>", at);
      if (end == std::string::npos) break;
      const std::string body = unescape_sgml(std::string_view(sgml).substr(at + 6, end - at - 6));
      bytes += body.size();
      articles.push_back(paragraphs_of(body));
      at = end;
    }
  }
  return articles;
}

template <class Work>
double best_seconds(int repeats, Work&& work) {
  double best = 1e100;
  for (int r = 0; r < repeats; ++r) {
    const double started = newsdex::ner::thread_cpu_seconds();
    work();
    best = std::min(best, newsdex::ner::thread_cpu_seconds() - started);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Entity extraction speed on Reuters-21578 bodies (one core), against a tokenizer baseline."};
  std::string reuters_dir = "../shared/corpora/reuters21578";
  int repeats = 3;
  std::size_t limit = 0;
  app.add_option("--reuters", reuters_dir, "folder with reut2-*.sgm")->capture_default_str();
  app.add_option("--repeats", repeats, "timed runs of each pass; the fastest counts")->capture_default_str();
  app.add_option("--limit", limit, "use only the first N articles (0 = all)");
  CLI11_PARSE(app, argc, argv);
  try {
    std::size_t bytes = 0;
    auto articles = read_reuters(reuters_dir, bytes);
    if (limit > 0 && limit < articles.size()) {
      articles.resize(limit);
      bytes = 0;
      for (const auto& a : articles) for (const auto& p : a) bytes += p.size();
    }
    const auto& extractor = newsdex::EntityExtractor::shared();  // load outside the timed runs

    std::size_t tokens = 0;
    const double tokenize_seconds = best_seconds(repeats, [&] {
      tokens = 0;
      for (const auto& article : articles) {
        for (const auto& paragraph : article) {
          for (const auto& sentence : newsdex::ner::tokenize_sentences(paragraph)) tokens += sentence.size();
        }
      }
    });
    std::size_t entities = 0;
    const double extract_seconds = best_seconds(repeats, [&] {
      entities = 0;
      for (const auto& article : articles) {
        const auto found = extractor.extract("", "", article);
        entities += found.people.size() + found.organisations.size() + found.places.size();
      }
    });
    const double mb = bytes / 1e6;
    std::printf("corpus: %zu Reuters-21578 bodies, %.2f MB, %zu tokens; one thread, CPU time, best of %d\n",
                articles.size(), mb, tokens, repeats);
    std::printf("baseline  tokenizer only        %8.2f MB/s  (%.3f s)\n", mb / tokenize_seconds, tokenize_seconds);
    std::printf("measured  extract_entities      %8.2f MB/s  (%.3f s, %.0f tokens/s, %zu entities)\n",
                mb / extract_seconds, extract_seconds, tokens / extract_seconds, entities);
    std::printf("ratio     extraction/tokenizer  %8.3f  (target: extraction >= 5 MB/s)\n",
                tokenize_seconds / extract_seconds);
    return 0;
  } catch (const newsdex::Error& error) {
    std::cerr << "ner-speed: " << error.what() << "\n";
    return static_cast<int>(error.code());
  }
}
