// The bare Xapian indexing baseline: what a few lines of Xapian do with the same texts, and so the
// reference that newsdex-index is measured against. JSON Lines in (title, body, id/url), title and
// body indexed by one TermGenerator with the English stemmer and positions, one writer, no cleaning,
// no entity extraction, one commit at the end. The document data is the record's id, so the bare
// Xapian search baseline can print it.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <xapian.h>

namespace {

std::string string_field(const nlohmann::json& record, const char* name) {
  auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"xapian-baseline-index: bare Xapian TermGenerator indexing of JSON Lines (benchmark baseline)"};
  std::vector<std::string> inputs;
  std::string db_path;
  unsigned title_weight = 1;
  app.add_option("inputs", inputs, "JSON Lines files")->required();
  app.add_option("--db", db_path, "Database to create (overwritten)")->required();
  app.add_option("--title-weight", title_weight, "wdf increment of title words (ranking experiments)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    std::size_t count = 0;
    for (const auto& input : inputs) {
      std::ifstream in(input);
      if (!in) {
        std::cerr << "xapian-baseline-index: cannot read " << input << '\n';
        return 2;
      }
      std::string line;
      while (std::getline(in, line)) {
        auto record = nlohmann::json::parse(line, nullptr, false);
        if (!record.is_object()) continue;
        Xapian::Document document;
        generator.set_document(document);
        generator.index_text(string_field(record, "title"), title_weight);
        generator.increase_termpos();
        generator.index_text(string_field(record, "body"));
        auto id = string_field(record, "id");
        document.set_data(id);
        document.add_boolean_term("Q" + id);
        db.add_document(document);
        ++count;
      }
    }
    db.commit();
    std::cerr << "xapian-baseline-index: indexed " << count << " documents\n";
    return 0;
  } catch (const Xapian::Error& e) {
    std::cerr << "xapian-baseline-index: " << e.get_description() << '\n';
    return 1;
  }
}
