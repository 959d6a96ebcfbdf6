// Indexing the real Reuters-21578 collection (converted by corpus/tools/reuters_to_jsonl.py) and
// checking the index against counts computed here, independently, from the converted input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

std::string normalised(const std::string& text) {
  std::string out;
  bool space = false;
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

Xapian::doccount count(Xapian::Database& db, const std::string& term) {
  return db.get_termfreq(term);
}

}  // namespace

TEST_CASE("Reuters-21578 indexes with the counts, dates and tags of its input", "[indexer][reuters]") {
  NEWSDEX_REQUIRE_SHARED(shared);
  TempDir dir("reuters");
  auto jsonl = dir.path() / "reuters.jsonl";
  auto convert = run_command("python3 " + shell_quote((source_dir() / "corpus/tools/reuters_to_jsonl.py").string()) +
                             " " + shell_quote((shared / "corpora/reuters21578").string()) + " > " +
                             shell_quote(jsonl.string()));
  REQUIRE(convert.exit_code == 0);

  // Independent expectations: stories in file order; the first story of each distinct body is
  // the one indexed, later ones are duplicates.
  std::istringstream lines(read_file(jsonl));
  std::string line;
  std::size_t stories = 0;
  std::set<std::string> bodies;
  std::map<std::string, std::size_t> place_counts, month_counts;
  std::string first_date = "9999", last_date;
  while (std::getline(lines, line)) {
    auto story = nlohmann::json::parse(line);
    ++stories;
    if (!bodies.insert(normalised(story["body"])).second) continue;
    for (const auto& place : story["places"]) ++place_counts[place.get<std::string>()];
    std::string date = story["published"].get<std::string>().substr(0, 10);
    if (date.size() == 10) {
      ++month_counts[date.substr(0, 7)];
      first_date = std::min(first_date, date);
      last_date = std::max(last_date, date);
    }
  }
  REQUIRE(stories == 19043);

  auto db_path = dir.path() / "db";
  auto result = run_command(shell_quote(index_bin()) + " --json --entities supplied --no-spelling --db " +
                            shell_quote(db_path.string()) + " " + shell_quote(jsonl.string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto summary = nlohmann::json::parse(result.out);
  std::size_t skipped = 0;
  for (const auto& [reason, n] : summary["skipped"].items()) skipped += n.get<std::size_t>();
  CHECK(skipped <= 3);  // stories whose whole body is boilerplate to the cleaner
  std::size_t added = summary["articles"]["added"], duplicates = summary["articles"]["duplicates"];
  CHECK(added + duplicates + skipped == stories);
  // The cleaner may treat two stories a little differently from this test's plain normalisation
  // (a paragraph repeating the title is dropped), so distinct-body counts may differ by a few.
  const std::size_t tolerance = skipped + 3;
  auto near = [&](std::size_t got, std::size_t expected) { return got + tolerance >= expected && got <= expected + tolerance; };
  CHECK(near(added, bodies.size()));

  Xapian::Database db(db_path.string());
  CHECK(db.get_doccount() == added);
  CHECK(db.get_value_lower_bound(0) == first_date.substr(0, 4) + first_date.substr(5, 2) + first_date.substr(8, 2));
  CHECK(db.get_value_upper_bound(0) == last_date.substr(0, 4) + last_date.substr(5, 2) + last_date.substr(8, 2));
  for (const auto& [month, expected] : month_counts) {
    INFO("month " << month);
    auto got = count(db, "M" + month.substr(0, 4) + month.substr(5, 2));
    CHECK(near(got, expected));
  }
  for (const char* place : {"usa", "uk", "japan", "west-germany", "canada"}) {
    INFO("place " << place);
    auto got = count(db, std::string("XL") + place);
    CHECK(near(got, place_counts[place]));
    CHECK(got > 100);
  }
}
