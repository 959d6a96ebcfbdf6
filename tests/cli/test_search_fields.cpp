// Black-box tests of the author:, site:, url: and path: fields, NEAR and ADJ, and unknown fields,
// through the real newsdex-index and newsdex-search on a small folder of invented articles; and of a
// database indexed before those fields (schema 2): still searched, the fields refused until it is
// indexed again.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/support.hpp"

using namespace newsdex::test;
using nlohmann::json;
using Slugs = std::set<std::string>;
namespace fs = std::filesystem;

namespace {

const std::string long_url = "https://example.org/" + std::string(300, 'u');
const std::string long_slug(300, 'u');
// Two folders whose path is longer than a Xapian term (245 bytes) can be.
const std::string long_folder = "long/" + std::string(150, 'f') + "/" + std::string(120, 'g');

std::string article(const std::string& url, const std::string& author, const std::string& title,
                    const std::string& text) {
  return json{{"url", url},
              {"author", author},
              {"title", title},
              {"published", "2024-03-01"},
              {"body", text + "\n\nThe debate in parliament went on late into the evening, and members of "
                              "every party spoke at length about the costs and the consequences."}}
             .dump() +
         "\n";
}

struct Collection {
  TempDir dir{"search-fields"};
  fs::path input = dir.path() / "news";
  fs::path db = dir.path() / "db";

  Collection() {
    // Blair and Iraq: 5 words apart in this order (blair-misled), 22 apart (late-debate), 3 apart
    // in the other order (inquiry). Nowhere else.
    write_file(
        input / "bbc/2024/politics.jsonl",
        article("https://www.bbc.co.uk/news/blair-misled", "Chris Davies", "Former prime minister accused",
                "Critics said Blair had misled parliament about Iraq and its weapons.") +
            article("https://news.bbc.co.uk/late-debate", "Zoë Marchetti, Sam Rivers", "A long night in the chamber",
                    "Blair returned to the subject much later in the evening long after the votes were counted "
                    "and the chamber had emptied when Iraq came up."));
    write_file(input / "guardian/inquiry.jsonl",
               article("https://www.theguardian.com/uk/inquiry", "Peter Beaumont", "Inquiry report published",
                       "The inquiry found that Iraq policy under Blair was flawed in several ways."));
    // A host that ends like bbc.co.uk's but is not one of its subdomains; the byline in the other order.
    write_file(input / "other/harbour.jsonl",
               article("https://bbc.co.uk.example.net/harbour-strike", "Davies, Chris", "Harbour strike ends",
                       "Dock workers ended the strike at the harbour after eleven days of talks."));
    write_file(input / long_folder / "story.jsonl",
               article(long_url, "Anna Berg", "Ferry timetable changes",
                       "The ferry company changed its winter timetable after complaints from passengers."));
    auto result = index("");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }

  CommandResult index(const std::string& options) const {
    return run_command(shell_quote(index_bin()) + " --quiet " + options + " --db " + shell_quote(db.string()) + " " +
                       shell_quote(input.string()));
  }
  CommandResult run(const std::string& query, const std::string& options = "") const {
    return run_command(shell_quote(search_bin()) + " --db " + shell_quote(db.string()) + " " + options + " -- " +
                       shell_quote(query));
  }
  // --all: only the articles with every part of the query (no fallback to some of the words).
  Slugs search(const std::string& query, const std::string& before = "") const {
    auto result = run_command(before + shell_quote(search_bin()) + " --json --all --limit 100 --db " +
                              shell_quote(db.string()) + " -- " + shell_quote(query));
    INFO(query << "\n" << result.err);
    REQUIRE(result.exit_code == 0);
    Slugs slugs;
    auto response = json::parse(result.out);
    for (const auto& hit : response["results"]) {
      auto url = hit["url"].get<std::string>();
      slugs.insert(url.substr(url.rfind('/') + 1));
    }
    return slugs;
  }
};

}  // namespace

TEST_CASE("search: author:, site:, url: and path: find the articles they name", "[cli][search][fields]") {
  Collection c;
  auto news = c.input.string();
  struct Case {
    std::string query;
    Slugs expected;
  };
  const Case cases[] = {
      // author: the words of the byline, case and accents ignored; a quoted name is a phrase.
      {"author:davies", {"blair-misled", "harbour-strike"}},
      {"author:\"Chris Davies\"", {"blair-misled"}},  // not "Davies, Chris"
      {"author:\"ZOE marchetti\"", {"late-debate"}},
      {"author:rivers", {"late-debate"}},
      {"author:marchetti author:rivers", {"late-debate"}},
      {"author:\"sam marchetti\"", {}},
      {"author:(beaumont OR berg)", {"inquiry", long_slug}},
      {"blair author:davies", {"blair-misled"}},
      // site: the host and its subdomains, never a host that merely ends the same way.
      {"site:bbc.co.uk", {"blair-misled", "late-debate"}},
      {"site:www.bbc.co.uk", {"blair-misled"}},
      {"site:BBC.co.uk site:theguardian.com", {"blair-misled", "late-debate", "inquiry"}},
      {"site:https://news.bbc.co.uk/any/page", {"late-debate"}},
      {"site:co.uk", {"blair-misled", "late-debate"}},
      {"site:example.net", {"harbour-strike"}},
      {"-site:bbc.co.uk", {"inquiry", "harbour-strike", long_slug}},
      // url: the page, whatever the scheme, the host's case, a fragment or a trailing '/'.
      {"url:https://www.bbc.co.uk/news/blair-misled", {"blair-misled"}},
      {"url:\"http://WWW.bbc.co.uk/news/blair-misled/#comments\"", {"blair-misled"}},
      {"url:https://www.bbc.co.uk/news", {}},
      {"url:" + long_url, {long_slug}},  // longer than a term: the same hashed term on both sides
      {"url:" + long_url + "v", {}},
      // path: a file, or everything under a folder; folders are whole names, not string prefixes.
      {"path:" + news + "/bbc", {"blair-misled", "late-debate"}},
      {"path:" + news + "/bbc/2024/politics.jsonl", {"blair-misled", "late-debate"}},
      {"path:\"" + news + "/guardian/\"", {"inquiry"}},
      {"path:" + news + "/bb", {}},
      {"path:" + news + "/" + long_folder, {long_slug}},
      {"path:" + news + "/" + long_folder + "/story.jsonl", {long_slug}},
      {"path:" + news + "/" + long_folder + "/other.jsonl", {}},
  };
  for (const auto& test : cases) {
    INFO(test.query.substr(0, 120));
    CHECK(c.search(test.query) == test.expected);
  }
  // A relative path is taken from the current folder, as the indexer takes the paths it is given.
  CHECK(c.search("path:bbc/2024", "cd " + shell_quote(news) + " && ") == Slugs{"blair-misled", "late-debate"});
  // The filters are reported as applied, normalised.
  auto result = c.run("author:\"Chris  DAVIES\" site:WWW.bbc.co.uk", "--json");
  REQUIRE(result.exit_code == 0);
  auto filters = json::parse(result.out)["query"]["filters"];
  CHECK(filters == json::parse(R"([{"field": "author", "value": "chris davies"},
                                   {"field": "site", "value": "www.bbc.co.uk"}])"));
}

TEST_CASE("search: NEAR/n and ADJ/n find words within n words of each other", "[cli][search][near]") {
  Collection c;
  struct Case {
    std::string query;
    Slugs expected;
  };
  const Case cases[] = {
      {"blair iraq", {"blair-misled", "late-debate", "inquiry"}},
      {"blair NEAR iraq", {"blair-misled", "inquiry"}},  // 10 by default
      {"blair NEAR/5 iraq", {"blair-misled", "inquiry"}},
      {"blair NEAR/4 iraq", {"inquiry"}},
      {"blair NEAR/3 iraq", {"inquiry"}},
      {"blair NEAR/2 iraq", {}},
      {"blair NEAR/21 iraq", {"blair-misled", "inquiry"}},
      {"blair NEAR/22 iraq", {"blair-misled", "late-debate", "inquiry"}},
      {"iraq NEAR/5 blair", {"blair-misled", "inquiry"}},  // either order
      {"blair ADJ/5 iraq", {"blair-misled"}},              // this order only
      {"iraq ADJ/5 blair", {"inquiry"}},
      {"weapons blair NEAR/5 iraq", {"blair-misled"}},  // beside other words
      {"parliament blair NEAR/5 iraq", {"blair-misled", "inquiry"}},
      {"blair NEAR/5 iraq -site:theguardian.com", {"blair-misled"}},
      {"blair NEAR/22 iraq author:rivers", {"late-debate"}},
  };
  for (const auto& test : cases) {
    INFO(test.query);
    CHECK(c.search(test.query) == test.expected);
  }
}

TEST_CASE("search: an unknown field is a usage error listing the fields; a colon inside a word is not",
          "[cli][search][fields]") {
  Collection c;
  struct Case {
    std::string query, message;
    std::size_t position;
  };
  const Case cases[] = {
      {"colour:red",
       "unknown field 'colour:' at position 0; the fields are title:, author:, person:, org:, place:, "
       "source:, site:, url:, path:, date:",
       0},
      {"harbour writer:\"Chris Davies\"", "unknown field 'writer:' at position 8", 8},
      {"blair NEAR \"the war\"", "'NEAR' at position 6 needs a single word after it", 6},
      {"blair NEAR/0 iraq", "from 1 to 1000", 6},
  };
  for (const auto& test : cases) {
    INFO(test.query);
    auto text = c.run(test.query);
    CHECK(text.exit_code == 2);
    CHECK(text.err.find(test.message) != std::string::npos);
    CHECK(text.err.find('\n') == text.err.size() - 1);  // one line
    auto as_json = c.run(test.query, "--json");
    CHECK(as_json.exit_code == 2);
    auto error = json::parse(as_json.out)["error"];
    CHECK(error["position"] == test.position);
    CHECK(error["exit_code"] == 2);
    CHECK(error["message"].get<std::string>().find(test.message) != std::string::npos);
  }
  for (const auto& words : {"harbour 10:30", "https://example.net/harbour", "\"colour:red\""}) {
    INFO(words);
    CHECK(c.run(words).exit_code == 0);
  }
  CHECK(c.search("\"strike at the harbour\" after") == Slugs{"harbour-strike"});
  CHECK(c.search("\"strike at the harbour\" after 10:30") == Slugs{});  // words: no such time in the text
}

TEST_CASE("search: a database indexed before the location fields is searched; the fields wait for a re-index",
          "[cli][search][fields]") {
  Collection c;
  {
    // As newsdex-index wrote it before schema 3: no location terms, schema 2 in the metadata.
    Xapian::WritableDatabase writer(c.db.string());
    for (auto it = writer.postlist_begin(""); it != writer.postlist_end(""); ++it) {
      auto document = writer.get_document(*it);
      std::vector<std::string> location;
      for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term)
        if (std::string("AHUP").find((*term)[0]) != std::string::npos || (*term).starts_with("XV"))
          location.push_back(*term);
      for (const auto& term : location) document.remove_term(term);
      writer.replace_document(*it, document);
    }
    writer.set_metadata("newsdex:schema", "2");
    writer.commit();
  }
  CHECK(c.search("harbour") == Slugs{"harbour-strike"});
  CHECK(c.search("blair NEAR/5 iraq") == Slugs{"blair-misled", "inquiry"});
  for (const std::string query : {"author:davies", "harbour site:bbc.co.uk", "url:https://example.org/x", "path:/"}) {
    INFO(query);
    auto result = c.run(query, "--json");
    CHECK(result.exit_code == 2);
    auto error = json::parse(result.out)["error"];
    auto message = error["message"].get<std::string>();
    CHECK(message.find("needs a newer index: 5 of the 5 articles in the database were indexed by an older newsdex") !=
          std::string::npos);
    CHECK(message.find("newsdex-index --force") != std::string::npos);
    CHECK(error["position"] == (query.starts_with("harbour") ? 8 : 0));
  }
  // An incremental run still writes to it; --force indexes every article again, with the fields.
  REQUIRE(c.index("").exit_code == 0);
  CHECK(c.run("author:davies").exit_code == 2);
  REQUIRE(c.index("--force").exit_code == 0);
  CHECK(c.search("author:davies") == Slugs{"blair-misled", "harbour-strike"});
  CHECK(c.search("site:bbc.co.uk") == Slugs{"blair-misled", "late-debate"});
}
