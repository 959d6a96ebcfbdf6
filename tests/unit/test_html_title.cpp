// HTML titles by evidence (issue 18): a <title> with the site's name around the headline, several <h1>s,
// a headline that is only an <h2> or a styled <div>; and bylines printed as lines of the page.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/readers/html_dom.hpp"
#include "common/readers/html_metadata.hpp"
#include "common/readers/html_title.hpp"

using namespace newsdex::html;

namespace {

const char* const text =
    "Pellby council voted on Tuesday to reopen the old mill as a museum, ending a dispute over the building "
    "that had lasted ten years. The mill closed in 1970 and the council bought it last year.";

}  // namespace

TEST_CASE("choose_page_title: the declared title, else a heading the <title> repeats, else the one h1, else evidence",
          "[html][title]") {
  struct Case {
    const char* name;
    TitleEvidence evidence;
    const char *title, *source;
  };
  const std::string headline = "Council votes to reopen the old mill as a museum";
  const Case cases[] = {
      {"og:title, its suffix cut",
       {headline + " | Pellby Post", "og:title", "x", "Pellby Post", "", {}, text},
       "Council votes to reopen the old mill as a museum",
       "og:title"},
      {"an og:title that is only the site's name is no title",
       {"Pellby Post",
        "og:title",
        headline + " | News | Pellby Post",
        "Pellby Post",
        "",
        {{"Pellby Post", true, 4}, {headline, true, 2}},
        text},
       "Council votes to reopen the old mill as a museum",
       "heading matching <title>"},
      {"the brand's h1 and the headline's h1; the <title> names section and site",
       {"", "", headline + " | Local | Pellby Post", "", "", {{"Pellby Post", true, 5}, {headline, true, 2}}, text},
       "Council votes to reopen the old mill as a museum",
       "heading matching <title>"},
      {"the site first in the <title>, the masthead an h1 too, the site's name unknown",
       {"", "", "The Pellby Post - " + headline, "", "", {{"The Pellby Post", true, 6}, {headline, true, 1}}, text},
       "Council votes to reopen the old mill as a museum",
       "heading matching <title>"},
      {"a blog: the blog's name the h1, the post's headline an h2",
       {"", "", headline + " \u2013 Mill Notes", "", "", {{"Mill Notes", true, 6}, {headline, false, 2}}, text},
       "Council votes to reopen the old mill as a museum",
       "heading matching <title>"},
      {"the <title> is the site's name only: the heading like a headline of the text wins",
       {"", "", "Pellby Post", "Pellby Post", "", {{"CULTURE", false, 4}, {headline, false, 3}}, text},
       "Council votes to reopen the old mill as a museum",
       "headline evidence"},
      {"one h1 that the <title> does not repeat",
       {"", "", "Pellby Post: home of local news", "", "", {{headline, true, 2}}, text},
       "Council votes to reopen the old mill as a museum",
       "h1"},
      {"no heading at all: the <title> without its suffix",
       {"", "", headline + " | Pellby Post", "", "", {}, text},
       "Council votes to reopen the old mill as a museum",
       "<title>"},
      {"the host's name in a heading is the site's",
       {"", "", "", "", "https://www.pellbypost.example/a", {{"Pellby Post", true, 3}, {headline, false, 2}}, text},
       "Council votes to reopen the old mill as a museum",
       "headline evidence"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto choice = choose_page_title(c.evidence);
    CHECK(choice.title == c.title);
    CHECK(choice.source == c.source);
  }
}

TEST_CASE("title_parts splits a <title> and leaves out the site's name", "[html][title]") {
  CHECK(title_parts("Mill to reopen | Local | Pellby Post", "Pellby Post", "") ==
        std::vector<std::string>{"Mill to reopen", "Local"});
  CHECK(title_parts("Pellby Post - Mill to reopen", "", "https://pellbypost.example/x") ==
        std::vector<std::string>{"Mill to reopen"});
  CHECK(title_parts("Mill to reopen", "", "") == std::vector<std::string>{"Mill to reopen"});
  CHECK(names_site("Pellby Post", "The Pellby Post", ""));
  CHECK_FALSE(names_site("A", "Pellby Post", ""));  // a letter of the name is not the name
}

TEST_CASE("read_metadata reads titles, bylines and dates printed as lines of the page", "[html][title][byline]") {
  const std::string para =
      "<p>Pellby council voted on Tuesday to reopen the old mill as a museum, ending a dispute over the building "
      "that had lasted ten years, and the first visitors are expected in the spring.</p>";
  struct Case {
    const char* name;
    std::string html;
    const char *title, *author, *published;
  };
  const Case cases[] = {
      {"Posted on DATE by A (a plain link), the headline an h2 under the blog's h1",
       "<title>Mill to reopen as a museum \u2013 Mill Notes</title><body><header><h1>Mill Notes</h1></header>"
       "<h2 class=entry-title>Mill to reopen as a museum</h2><div class=entry-meta>Posted on June 7, 2024 by "
       "<a href=/u/1>Orla Finch</a></div>" +
           para + "</body>",
       "Mill to reopen as a museum", "Orla Finch", "2024-06-07"},
      {"By A and B | DATE in a paragraph, two h1s, the site before the headline in the <title>",
       "<title>Pellby Post - Mill to reopen as a museum</title><body><h1>Pellby Post</h1><p>Saturday 8 June 2024</p>"
       "<h1>Mill to reopen as a museum</h1><p>By Orla Finch and Bram Kessel | Friday, 7 June 2024</p>" +
           para + "</body>",
       "Mill to reopen as a museum", "Orla Finch; Bram Kessel", "2024-06-07"},
      {"a name over a role",
       "<title>x</title><body><h1>Mill to reopen as a museum</h1><div class=writer>"
       "<a href=/p>Orla Finch</a><div>Local democracy reporter</div></div>" +
           para + "</body>",
       "Mill to reopen as a museum", "Orla Finch", ""},
      {"a credit line after the text",
       "<body><h1>Mill to reopen as a museum</h1>" + para +
           "<p>Reporting by Orla Finch in Pellby; Editing by Bram Kessel</p></body>",
       "Mill to reopen as a museum", "Orla Finch", ""},
      {"a byline element in the form \"by: A, B\"",
       "<body><h1>Mill to reopen as a museum</h1><div class=byline>"
       "by: Orla Finch, Bram Kessel</div>" +
           para + "</body>",
       "Mill to reopen as a museum", "Orla Finch; Bram Kessel", ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    Document document(c.html);
    auto metadata = read_metadata(document);
    CHECK(metadata.title == c.title);
    CHECK(metadata.author == c.author);
    CHECK(metadata.published.substr(0, 10) == c.published);
  }
}
