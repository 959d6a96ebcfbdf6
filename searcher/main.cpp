// newsdex-search: command-line front end of the searcher (common/ does the work).
#include <CLI/CLI.hpp>

#include <iostream>
#include <nlohmann/json.hpp>

#include "common/database.hpp"
#include "common/document.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "newsdex/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"newsdex-search: ranked search over a newsdex database"};
  std::string query_text;
  std::vector<std::string> db_paths;
  std::size_t limit = 10;
  app.add_option("query", query_text, "The query")->required();
  app.add_option("--db", db_paths, "Database to search (default: $NEWSDEX_DB or ~/.local/share/newsdex/db)");
  app.add_option("--limit", limit, "Number of results")->capture_default_str();
  app.set_version_flag("--version", std::string("newsdex-search ") + newsdex::version_string);
  CLI11_PARSE(app, argc, argv);
  if (db_paths.empty()) db_paths.push_back(newsdex::default_database_path());

  try {
    auto db = newsdex::open_for_reading(db_paths);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.add_prefix("title", std::string(newsdex::schema::title_prefix));
    for (const auto& field : newsdex::schema::entity_fields)
      parser.add_boolean_prefix(std::string(field.query_name), std::string(field.prefix));
    Xapian::Query query;
    try {
      query = parser.parse_query(query_text);
    } catch (const Xapian::QueryParserError& e) {
      throw newsdex::QueryError("cannot parse query '" + query_text + "': " + e.get_msg());
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    auto matches = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    std::cout << "about " << matches.get_matches_estimated() << " matching articles\n";
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      auto article = newsdex::article_from_json(nlohmann::json::parse(it.get_document().get_data()));
      std::cout << (it.get_rank() + 1) << ". " << article.title << " (" << article.published << ")\n   "
                << article.path << '\n';
    }
    return 0;
  } catch (const newsdex::Error& e) {
    std::cerr << "newsdex-search: " << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const Xapian::Error& e) {
    std::cerr << "newsdex-search: " << e.get_description() << '\n';
    return static_cast<int>(newsdex::ExitCode::io_error);
  }
}
