// Headline choice and byline reading on scraped text pages (common/readers/headline.*, byline.*):
// invented lines, one table per rule.
#include <catch2/catch.hpp>

#include "common/readers/byline.hpp"
#include "common/readers/headline.hpp"

using namespace newsdex;

TEST_CASE("bylines in their usual printed forms give the authors apart and the date", "[readers][byline]") {
  struct Case {
    const char* line;
    std::vector<std::string> authors;
    const char* published;
  };
  const Case cases[] = {
      {"By Orla Finch", {"Orla Finch"}, ""},
      {"By Orla Finch and Bram Kessel", {"Orla Finch", "Bram Kessel"}, ""},
      {"By Orla Finch, Science Editor, and Bram Kessel in Pellby", {"Orla Finch", "Bram Kessel"}, ""},
      {"By Orla Finch | Monday, 3 June 2024", {"Orla Finch"}, "2024-06-03"},
      {"by: Orla Finch, Bram Kessel", {"Orla Finch", "Bram Kessel"}, ""},
      {"Words by Orla Finch and Bram Kessel", {"Orla Finch", "Bram Kessel"}, ""},
      {"Posted on June 3, 2024 by Orla Finch", {"Orla Finch"}, "2024-06-03"},
      {"Staff report | Monday, 3 June 2024", {}, "2024-06-03"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    auto byline = read_byline(c.line);
    REQUIRE(byline);
    CHECK(byline->authors == c.authors);
    CHECK(byline->published == c.published);
  }
}

TEST_CASE("lines that only mention 'by' are not bylines", "[readers][byline]") {
  for (const char* line : {"Photography by Orla Finch", "The bridge was built by the county in 1911 and closed in May.",
                           "Sales rose by 4% in June", "Byways of the northern coast"}) {
    INFO(line);
    CHECK_FALSE(read_byline(line));
  }
}

TEST_CASE("credit lines name reporters and writers, not editors", "[readers][byline]") {
  struct Case {
    const char* line;
    std::vector<std::string> authors;
  };
  const Case cases[] = {
      {"Reporting by Orla Finch in Pellby; Editing by Ivo Stam", {"Orla Finch"}},
      {"Reporting by Orla Finch in Pellby and Bram Kessel in Dunmere; Writing by Ana Ruiz; Editing by Ivo Stam",
       {"Orla Finch", "Bram Kessel", "Ana Ruiz"}},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    auto authors = read_credit_line(c.line);
    REQUIRE(authors);
    CHECK(*authors == c.authors);
  }
  CHECK_FALSE(read_credit_line("Editing by Ivo Stam"));
  CHECK_FALSE(read_credit_line("The report was written by three engineers; none was named."));
}

TEST_CASE("a name over a role line is a byline; a sentence is neither", "[readers][byline]") {
  CHECK(is_person_name("Orla Finch"));
  CHECK(is_person_name("Bram van Kessel-Ode"));
  CHECK_FALSE(is_person_name("Share"));
  CHECK_FALSE(is_person_name("Council votes again"));  // lower-case words: a sentence
  CHECK(is_role_line("Regional reporter"));
  CHECK(is_role_line("Health correspondent"));
  CHECK_FALSE(is_role_line("The reporter said so."));
  CHECK(join_authors({"Orla Finch", "Bram Kessel"}) == "Orla Finch; Bram Kessel");
}

TEST_CASE("labels and captions are never headlines", "[readers][headline]") {
  for (const char* line :
       {"6 minute read", "12 February 2024 \xC2\xB7 8 min read", "Updated 2 hours ago", "Tags: gardens, weather",
        "Categories: Notes", "Photo: Ina Holm / Pellby Post", "The old mill at dusk. Photo: Ina Holm",
        "Skip to main content", "Ferry passengers at the quay (Image: Reader photo)"}) {
    INFO(line);
    CHECK(is_label_line(line));
  }
  for (const char* line : {"Pellby council votes to reopen the old mill", "Updated rules for village ferries",
                           "Tagged seals return to the estuary"}) {
    INFO(line);
    CHECK_FALSE(is_label_line(line));
  }
}

TEST_CASE("the headline is chosen by shape, shared words and nearness, not by position", "[readers][headline]") {
  auto text = word_stems(
      "Pellby council voted on Tuesday to reopen the old mill as a museum. The mill closed in 1970 and the council "
      "bought it last year.");
  struct Case {
    const char* name;
    std::vector<HeadlineCandidate> candidates;
    std::size_t expected;
  };
  const Case cases[] = {
      {"a masthead and a tagline far above give way",
       {{"The Pellby Post", false, 14},
        {"News from the river towns since 1890", false, 13},
        {"Pellby council votes to reopen the old mill", false, 2}},
       2},
      {"the headline above its standfirst wins over it",
       {{"Council votes to reopen the old mill", false, 4},
        {"The mill closed in 1970 and the council bought it last year for a museum", false, 3}},
       0},
      {"a headline with a cue word still wins over a menu line",
       {{"Sign in", false, 5}, {"Subscribe to the museum mill tour, council says", true, 2}},
       1},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(choose_headline(c.candidates, text) == c.expected);
  }
}

TEST_CASE("captions and credits are told from sentences", "[readers][headline]") {
  for (const char* line :
       {"Photograph: Ina Holm for Pellby Post", "[1/3] Ferry passengers at the quay, May 2, 2024. Pellby Post/Ina Holm",
        "Owner Sal Brenn with the award. Photo submitted", "Video: Crews repair the main on Elm Avenue.",
        "Ferry passengers at the quay Purchase Licensing Rights"}) {
    INFO(line);
    CHECK(is_caption_line(line));
  }
  for (const char* line : {"The photo was taken in 1952 by a ferry passenger.", "Updated 2 hours ago",
                           "[citation needed] is a phrase editors use."}) {
    INFO(line);
    CHECK_FALSE(is_caption_line(line));
  }
}
