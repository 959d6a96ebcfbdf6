// Black-box tests of date histograms and the co-occurrence export (issue 17, item 4):
// --facet date:day|week|month|year lists every bucket of the range with 0 where no article falls
// (checked against buckets computed by Python's own calendar from the results' dates), counts the
// undated articles, and goes over --from/--to when given; --cooccurrence lists the pairs of entities
// named together with their article counts, each checked against a search for both
// (--person A --org B --count), in CSV, TSV, JSON and text.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/search_commands.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

// The fixture, and two articles without a date that match "hostages".
std::vector<newsdex::Article> with_undated() {
  auto articles = fixture_articles();
  articles.push_back(fixture_article("undated-appeal", "Appeal for the hostages", "", "BBC",
                                     {"An appeal for the hostages was read out at the vigil."}, {}, {}, {}));
  articles.push_back(fixture_article("undated-vigil", "Vigil for hostages", "", "AP",
                                     {"A vigil for the hostages was held in the square."}, {}, {}, {}));
  return articles;
}

// The histogram Python's datetime makes of `dates` ("YYYY-MM-DD"), every bucket from `first` to
// `last` (the first and last date when empty): [[key, count], ...].
json python_histogram(const std::vector<std::string>& dates, const std::string& granularity,
                      const std::string& first = "", const std::string& last = "") {
  static const char* script = R"(
import datetime, json, sys
request = json.load(sys.stdin)
days = [datetime.date.fromisoformat(d) for d in request["dates"]]
first = datetime.date.fromisoformat(request["first"]) if request["first"] else min(days)
last = datetime.date.fromisoformat(request["last"]) if request["last"] else max(days)
def key(day):
    g = request["granularity"]
    if g == "day": return day.isoformat()
    if g == "week":
        year, week, _ = day.isocalendar()
        return "%04d-W%02d" % (year, week)
    if g == "month": return day.isoformat()[:7]
    return day.isoformat()[:4]
counts = {}
day = first
while day <= last:
    counts.setdefault(key(day), 0)
    day += datetime.timedelta(days=1)
for day in days:
    counts[key(day)] = counts.get(key(day), 0) + 1
print(json.dumps(sorted([k, v] for k, v in counts.items())))
)";
  json request{{"dates", dates}, {"granularity", granularity}, {"first", first}, {"last", last}};
  auto result = run_command("python3 -c " + shell_quote(script), request.dump());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return json::parse(result.out);
}

json buckets_of(const json& facet) {
  auto out = json::array();
  for (const auto& value : facet["values"]) out.push_back({value["key"], value["count"]});
  return out;
}

// The dates ("YYYY-MM-DD") of every result, and how many have none.
std::vector<std::string> result_dates(const json& response, int& undated) {
  std::vector<std::string> dates;
  undated = 0;
  for (const auto& result : response["results"]) {
    if (result["published"].is_null()) {
      ++undated;
    } else {
      dates.push_back(result["published"].get<std::string>().substr(0, 10));
    }
  }
  return dates;
}

std::string filter_option(const std::string& type) {
  return type == "person" ? "--person" : type == "org" ? "--org" : "--place";
}

}  // namespace

TEST_CASE("date histograms: every bucket of each granularity, and the undated articles", "[cli][search][dates]") {
  FixtureDb db("dates-undated", with_undated());
  for (const std::string granularity : {"day", "week", "month", "year"}) {
    INFO(granularity);
    // --no-collapse: the facet spies count every copy, and so does the list then.
    auto response = ok_json(db.run("hostages --no-collapse --json --limit 100 --facet date:" + granularity));
    const auto& facet = response["facets"]["date"];
    int undated = 0;
    auto dates = result_dates(response, undated);
    CHECK(undated == 2);
    CHECK(dates.size() == 4);
    CHECK(facet["granularity"] == granularity);
    CHECK(facet["undated"] == 2);
    CHECK(facet["exact"] == true);
    CHECK(buckets_of(facet) == python_histogram(dates, granularity));
    CHECK(facet["other_values"] == 0);
  }
  // The automatic choice is still the default: this span (2023-01 to 2024-11) is in months.
  auto automatic = ok_json(db.run("hostages --no-collapse --json --limit 100 --facet date"));
  int undated = 0;
  CHECK(automatic["facets"]["date"]["granularity"] == "month");
  CHECK(buckets_of(automatic["facets"]["date"]) == python_histogram(result_dates(automatic, undated), "month"));
}

TEST_CASE("date histograms: over --from and --to when given", "[cli][search][dates]") {
  FixtureDb db("dates-range", with_undated());
  auto response =
      ok_json(db.run("hostages --no-collapse --json --limit 100 --from 2022-12 --to 2025-02 --facet date:month"));
  int undated = 0;
  auto dates = result_dates(response, undated);
  CHECK(undated == 0);  // a date filter leaves out the undated
  CHECK(response["facets"]["date"]["undated"] == 0);
  auto buckets = buckets_of(response["facets"]["date"]);
  CHECK(buckets == python_histogram(dates, "month", "2022-12-01", "2025-02-28"));
  CHECK(buckets.front()[0] == "2022-12");
  CHECK(buckets.back()[0] == "2025-02");
  // Only --from: up to the last matching article.
  auto from_only = ok_json(db.run("hostages --no-collapse --json --limit 100 --from 2024-10-28 --facet date:week"));
  CHECK(buckets_of(from_only["facets"]["date"]) ==
        python_histogram(result_dates(from_only, undated), "week", "2024-10-28", ""));
}

TEST_CASE("date histograms: the text output names the buckets and the undated count", "[cli][search][dates]") {
  FixtureDb db("dates-text", with_undated());
  auto result = db.run("hostages --no-collapse --limit 0 --color never --facet date:year");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("date (by year):\n  1  2023\n  3  2024\n  2  (undated)\n") != std::string::npos);
  auto refused = db.run("hostages --facet date:fortnight");
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("unknown date facet granularity 'fortnight': choose day, week, month or year") !=
        std::string::npos);
}

TEST_CASE("co-occurrence: every pair's count is the number of articles naming both", "[cli][search][cooccurrence]") {
  const std::string query = "strike";
  auto result = search_sample("--cooccurrence all --cooccurrence-size all --csv " + query);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto rows = parse_export("csv", result.out);
  REQUIRE(rows.size() > 20);
  CHECK(rows[0] == std::vector<std::string>{"type_a", "key_a", "name_a", "type_b", "key_b", "name_b", "articles"});
  const std::vector<std::string> types{"person", "org", "place"};
  auto order = [&](const std::string& type) { return std::find(types.begin(), types.end(), type) - types.begin(); };
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    REQUIRE(row.size() == 7);
    // a before b; counts never grow down the list.
    CHECK(std::make_pair(order(row[0]), row[1]) < std::make_pair(order(row[3]), row[4]));
    if (i > 1) CHECK(std::stoi(rows[i - 1][6]) >= std::stoi(row[6]));
  }
  // Each of the first 12 pairs, and every 10th after them, against a search for both entities.
  std::size_t checked = 0;
  for (std::size_t i = 1; i < rows.size(); i += i <= 12 ? 1 : 10) {
    const auto& row = rows[i];
    INFO(row[1] << " + " << row[4]);
    auto count = search_sample(query + " --count " + filter_option(row[0]) + " " + shell_quote(row[1]) + " " +
                               filter_option(row[3]) + " " + shell_quote(row[4]));
    REQUIRE(count.exit_code == 0);
    CHECK(count.out == row[6] + "\n");
    ++checked;
  }
  CHECK(checked > 15);
  // The JSON holds the same pairs as the CSV, and counts the ones left out by the size.
  auto json_result = ok_json(search_sample("--cooccurrence all --cooccurrence-size 5 --json " + query));
  const auto& pairs = json_result["cooccurrence"];
  CHECK(pairs["pairs"].size() == 5);
  CHECK(pairs["other_pairs"] == rows.size() - 1 - 5);
  CHECK(pairs["articles"] == json_result["matches"]["total"]);
  CHECK(pairs["types"] == json{"person", "org", "place"});
  CHECK(json_result["results"].empty());
  for (std::size_t i = 0; i < 5; ++i) {
    const auto& pair = pairs["pairs"][i];
    CHECK(std::vector<std::string>{pair["type_a"], pair["key_a"], pair["name_a"], pair["type_b"], pair["key_b"],
                                   pair["name_b"], std::to_string(pair["articles"].get<int>())} == rows[i + 1]);
  }
}

TEST_CASE("co-occurrence: chosen types, TSV and text", "[cli][search][cooccurrence]") {
  auto tsv = search_sample("--cooccurrence person --cooccurrence-size 3 --tsv --from 2024-09");
  INFO(tsv.err);
  REQUIRE(tsv.exit_code == 0);
  auto rows = parse_export("tsv", tsv.out);
  REQUIRE(rows.size() == 4);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CHECK(rows[i][0] == "person");
    CHECK(rows[i][3] == "person");
    auto count = search_sample("--from 2024-09 --count --person " + shell_quote(rows[i][1]) + " --person " +
                               shell_quote(rows[i][4]));
    CHECK(count.out == rows[i][6] + "\n");
  }
  auto text = search_sample("--cooccurrence person --cooccurrence-size 3 --from 2024-09");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("pairs of entities named together (showing the 3 named together most)\n") != std::string::npos);
  CHECK(text.out.find(rows[1][2] + " (person) + " + rows[1][5] + " (person)\n") != std::string::npos);
  for (const std::string refused : {"--cooccurrence source", "--cooccurrence all --jsonl", "--cooccurrence-size 5 x",
                                    "--cooccurrence all --cooccurrence-size 0 x"}) {
    INFO(refused);
    CHECK(search_sample(refused).exit_code == 2);
  }
}
