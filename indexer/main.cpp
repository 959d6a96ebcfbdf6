// newsdex-index: command-line front end of the indexing pipeline (common/ does the work).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "common/database.hpp"
#include "common/document.hpp"
#include "common/errors.hpp"
#include "common/readers/reader.hpp"
#include "common/schema.hpp"
#include "newsdex/version.hpp"

namespace {

std::vector<std::filesystem::path> collect_files(const std::vector<std::string>& inputs) {
  std::vector<std::filesystem::path> files;
  for (const auto& input : inputs) {
    std::error_code error;
    if (std::filesystem::is_directory(input, error)) {
      for (auto it = std::filesystem::recursive_directory_iterator(
               input, std::filesystem::directory_options::skip_permission_denied, error);
           it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (error) break;
        if (it->is_regular_file(error)) files.push_back(it->path());
      }
    } else {
      files.emplace_back(input);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void print_problems(const newsdex::ReadResult& result) {
  for (const auto& problem : result.problems) {
    std::cerr << "newsdex-index: " << problem.path;
    if (problem.line) std::cerr << ':' << problem.line;
    std::cerr << ": " << problem.message << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsdex-index: read, clean and index a collection of news articles into a Xapian database"};
  std::vector<std::string> inputs;
  std::string db_path = newsdex::default_database_path();
  bool dump = false;
  std::string format = "auto";
  app.add_option("paths", inputs, "Files and folders to index (folders are read recursively)")->required();
  app.add_option("--db", db_path, "Database to create or update")->capture_default_str();
  app.add_flag("--dump", dump, "Print each cleaned article as JSON and touch no database");
  app.add_option("--format", format, "Input format: auto, text, html or json")->capture_default_str();
  app.set_version_flag("--version", std::string("newsdex-index ") + newsdex::version_string);
  CLI11_PARSE(app, argc, argv);

  try {
    newsdex::ReadOptions options;
    options.format = newsdex::parse_input_format(format);
    auto files = collect_files(inputs);
    if (dump) {
      for (const auto& file : files) {
        auto result = newsdex::read_articles(file, options);
        print_problems(result);
        for (const auto& article : result.articles) std::cout << newsdex::article_to_json(article).dump(2) << '\n';
      }
      return 0;
    }
    auto db = newsdex::open_for_writing(db_path);
    Xapian::TermGenerator indexer;
    indexer.set_stemmer(Xapian::Stem("english"));
    std::size_t indexed = 0;
    for (const auto& file : files) {
      auto result = newsdex::read_articles(file, options);
      print_problems(result);
      for (auto& article : result.articles) {
        article.id = newsdex::make_article_id(article);
        auto document = newsdex::make_document(article, indexer);
        db.replace_document(newsdex::schema::boolean_term(newsdex::schema::id_prefix, article.id), document);
        ++indexed;
      }
    }
    db.commit();
    std::cerr << "newsdex-index: indexed " << indexed << " articles from " << files.size() << " files into " << db_path
              << '\n';
    return 0;
  } catch (const newsdex::Error& e) {
    std::cerr << "newsdex-index: " << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const Xapian::Error& e) {
    std::cerr << "newsdex-index: " << e.get_description() << '\n';
    return static_cast<int>(newsdex::ExitCode::io_error);
  }
}
