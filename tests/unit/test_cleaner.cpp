#include <catch2/catch.hpp>

#include "common/readers/cleaner.hpp"
#include "common/readers/cleaner_signals.hpp"

using namespace newsdex;

namespace {

std::vector<Block> blocks_of(std::initializer_list<const char*> texts) {
  std::vector<Block> blocks;
  for (const char* text : texts) blocks.push_back({text});
  return blocks;
}

const char* const p1 =
    "The regional parliament passed the water bill on Thursday after a debate that lasted most of the night.";
const char* const p2 =
    "Opposition members said the bill gave too much power to the utility regulator and promised to challenge it.";
const char* const p3 =
    "The law takes effect in January, and the first price review is due before the end of next summer.";

}  // namespace

TEST_CASE("clean_body drops markers and prompts whatever the site's wording", "[cleaner]") {
  const char* markers[] = {
      "- Advertisement -",
      "ADVERTISEMENT",
      "Sponsored content",
      "Listen to this article",
      "Getting your audio player ready...",
      "Must Read",
      "Share this article",
      "Share on Facebook",
      "Sign up for our newsletter!",
      "Subscribe now to get unlimited access.",
      "Click here to read the full report",
      "Follow us on Instagram",
      "Read more: Ministers clash over budget",
      "Related: Floods hit the north",
      "We use cookies to give you the best experience.",
      "Tweet",
      "Comments",
  };
  for (const char* marker : markers) {
    INFO(marker);
    auto body = clean_body("Title", "", blocks_of({p1, marker, p2, p3}));
    CHECK(body.paragraphs == std::vector<std::string>{p1, p2, p3});
  }
}

TEST_CASE("clean_body keeps prose that merely mentions a cue word", "[cleaner]") {
  const char* prose[] = {
      "The company said its newsletter now reaches two million readers every week across the country.",
      "Share prices fell by four per cent in early trading before recovering some of the losses later in the day.",
      "The committee published a related report on housing, which found rents had doubled in ten years.",
  };
  for (const char* text : prose) {
    INFO(text);
    auto body = clean_body("Title", "", blocks_of({p1, text, p2}));
    CHECK(body.paragraphs == std::vector<std::string>{p1, text, p2});
  }
}

TEST_CASE("clean_body cuts comment forms, copyright footers and automation notes after the article", "[cleaner]") {
  const char* ends[] = {
      "LEAVE A REPLY",
      "Leave a comment",
      "© 2024 Example Media Ltd",
      "Copyright 2024 Example News",
      "All rights reserved.",
      "This article was generated with the help of artificial intelligence and reviewed by an editor.",
      "This story was produced using automated tools.",
  };
  for (const char* end : ends) {
    INFO(end);
    // What follows the end marker goes too, even prose-like text.
    auto body =
        clean_body("Title", "",
                   blocks_of({p1, p2, p3, end, "Your email address will not be published.",
                              "Kim Lee on March 3 said this was the best piece of reporting I have read in years."}));
    CHECK(body.paragraphs == std::vector<std::string>{p1, p2, p3});
  }
}

TEST_CASE("clean_body drops teaser sections and their headlines and truncated summaries", "[cleaner]") {
  struct Case {
    const char* name;
    std::vector<Block> blocks;
  };
  const Case cases[] = {
      {"latest news with truncated teasers",
       blocks_of({p1, p2, p3, "Latest News", "Harbour reopens after storm damage",
                  "Engineers worked through the weekend to clear the debris from the...", "Mayor opens new library",
                  "The building took three years to complete and..."})},
      {"related stories with short summaries",
       blocks_of({p1, p2, p3, "Related stories", "Minister resigns over budget row",
                  "The finance minister stepped down on Tuesday after weeks of pressure.", "Floods hit coastal towns",
                  "Heavy rain forced hundreds from their homes."})},
      {"you may also like with dates", blocks_of({p1, p2, p3, "You may also like", "Vote count delayed in the east",
                                                  "12 March 2024", "Bridge closure extended", "11 March 2024"})},
      {"a headline and truncated teaser inside the article",
       blocks_of({p1, "Coastal rail line to reopen after storm repairs",
                  "Engineers have finished rebuilding the sea wall that collapsed in January and trains...", p2, p3})},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto body = clean_body("Title", "", c.blocks);
    CHECK(body.paragraphs == std::vector<std::string>{p1, p2, p3});
  }
}

TEST_CASE("clean_body keeps a subheading that introduces prose, even one with a teaser word", "[cleaner]") {
  auto body = clean_body("Title", "", blocks_of({p1, "More trouble ahead", p2, "What happens next", p3}));
  CHECK(body.paragraphs == std::vector<std::string>{p1, "More trouble ahead", p2, "What happens next", p3});
}

TEST_CASE("clean_body drops a lede repeated at the top of the body", "[cleaner]") {
  const char* lede = "Ministers agreed a \"final\" budget deal late on Sunday, ending weeks of talks";
  const char* repeats[] = {
      "Ministers agreed a \"final\" budget deal late on Sunday, ending weeks of talks",
      "Ministers agreed a \xE2\x80\x9C"
      "final\xE2\x80\x9D budget deal late on Sunday, ending weeks of talks.",
      "Ministers agreed a final budget deal late on Sunday - ending weeks of talks!",
  };
  for (const char* repeat : repeats) {
    INFO(repeat);
    auto body = clean_body("Title", lede, blocks_of({repeat, p1, p2}));
    CHECK(body.lede == lede);
    CHECK(body.paragraphs == std::vector<std::string>{p1, p2});
  }
  // A paragraph that only starts like the lede is not a repeat.
  auto body = clean_body("Title", "Ministers agreed", blocks_of({p1, p2}));
  CHECK(body.paragraphs.size() == 2);
}

TEST_CASE("clean_body drops blocks with mostly links, no words, repeats of the title and short repeated lines",
          "[cleaner]") {
  std::vector<Block> blocks = blocks_of({"Home", p1, "***", "The Water Bill Passes", p2, "Home", p3});
  blocks.push_back({"World Politics Business Sport Culture Science", BlockKind::paragraph, 0.95});
  auto report = explain_clean_body("The water bill passes", "", blocks);
  CHECK(report.body.paragraphs == std::vector<std::string>{p1, p2, p3});
  REQUIRE(report.decisions.size() == blocks.size());
  CHECK(report.decisions[2].reason == "no words");
  CHECK(report.decisions[3].reason == "repeats the title");
  CHECK(report.decisions[5].reason == "repeated short line");
  CHECK(report.decisions[7].reason == "mostly links");
  CHECK(report.decisions[1].kept);
  CHECK(report.decisions[1].reason.empty());
}

TEST_CASE("clean_body normalises Unicode and white space", "[cleaner]") {
  // "Zoe" + combining diaeresis, a no-break space, a zero-width space and a soft hyphen.
  auto body = clean_body("", "",
                         blocks_of({"Zoe\xCC\x88  met\xC2\xA0the re\xC2\xAD"
                                    "gional ed\xE2\x80\x8Bitor, who "
                                    "said the paper would print again next week."}));
  REQUIRE(body.paragraphs.size() == 1);
  CHECK(body.paragraphs[0] == "Zo\xC3\xAB met the regional editor, who said the paper would print again next week.");
}

TEST_CASE("clean_body keeps a one-paragraph brief as its body", "[cleaner]") {
  auto body = clean_body("Title", p1, {});
  CHECK(body.lede == p1);
  CHECK(body.paragraphs == std::vector<std::string>{p1});
}

TEST_CASE("boilerplate_reason explains single lines", "[cleaner]") {
  CHECK(boilerplate_reason("- Advertisement -") == "boilerplate cue: advertisement");
  CHECK(boilerplate_reason("Please enter your comment!") == "comment form");
  CHECK_FALSE(boilerplate_reason("Hamas asserts no hostage negotiations unless Gaza fighting halts"));
  // A headline about copyright is no copyright notice: a notice names a year, a (c) or rights reserved.
  CHECK_FALSE(boilerplate_reason("Copyright row over festival song heads to court"));
  CHECK_FALSE(boilerplate_reason("Copyright claims"));
  CHECK(boilerplate_reason("Copyright 2024 Example News") == "copyright footer");
}

TEST_CASE("loose_key ignores quotes, punctuation and case", "[cleaner]") {
  CHECK(cleaner::loose_key("\xE2\x80\x9CHello,\xE2\x80\x9D she said \xE2\x80\x94 twice.") == "hello she said twice");
}

TEST_CASE("an end marker with much of the article still after it does not cut the article", "[cleaner]") {
  std::vector<Block> blocks = blocks_of({p1, p2});
  blocks.push_back({"Firefighters at the scene on Tuesday. \xC2\xA9 Example Agency", BlockKind::caption});
  blocks.push_back({"\xC2\xA9 Example Agency"});
  for (const char* text : {p3, p1, p2}) blocks.push_back({text});
  auto report = explain_clean_body("Title", "", blocks);
  // The credits go as copyright lines; the prose after them stays.
  CHECK(report.body.paragraphs == std::vector<std::string>{p1, p2, p3, p1, p2});
  CHECK(report.decisions[2].reason == "copyright footer");
  CHECK(report.decisions[3].reason == "copyright footer");
}

TEST_CASE("clean_body drops captions, credits, pull quotes and closing boilerplate in any format", "[cleaner]") {
  const char* const quoted = "\xE2\x80\x9CThe bill gave too much power to the utility regulator.\xE2\x80\x9D";
  const char* const saying =
      "One member put it plainly: the bill gave too much power to the utility regulator. Others agreed with her.";
  struct Case {
    const char* name;
    std::vector<Block> blocks;
    std::string author;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"a caption with its credit",
       blocks_of({p1, "Members leave the chamber. Photo: Ina Holm / Pellby Post", p2, p3}),
       "",
       {p1, p2, p3}},
      {"a gallery caption",
       blocks_of({p1, "[1/3] Members leave the chamber, May 2, 2024. Post/Ina Holm", p2, p3}),
       "",
       {p1, p2, p3}},
      {"a photographer's credit", blocks_of({"Photograph: Ina Holm for Pellby Post", p1, p2, p3}), "", {p1, p2, p3}},
      {"a pull quote repeating a sentence", blocks_of({p1, saying, quoted, p3}), "", {p1, saying, p3}},
      {"continue reading, a newsdesk prompt, an issue note",
       blocks_of({p1, "Continue reading below", p2, p3,
                  "Have a story? Email newsdesk@post.example or call 01632 960441.",
                  "This story appears in the June 2024 issue of Pellby Post. Subscribe to get the print edition."}),
       "",
       {p1, p2, p3}},
      {"an organisation's About section and media contact",
       blocks_of({p1, p2, p3, "About Pellby Water",
                  "Pellby Water supplies 40,000 homes in the river towns and is owned by its customers.",
                  "Media contact", "Orla Finch", "press@water.example"}),
       "",
       {p1, p2, p3}},
      {"the author's biography at the end",
       blocks_of({p1, p2, p3, "Orla Finch and Bram Kessel are a writer and photographer based in Pellby."}),
       "Orla Finch; Bram Kessel",
       {p1, p2, p3}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(clean_body("Title", "", c.blocks, c.author).paragraphs == c.expected);
  }
}

TEST_CASE("clean_body keeps sentences that look like captions, quotes or biographies but are not", "[cleaner]") {
  const char* const photo = "The photo of the vote, taken by a member, was shared thousands of times on Friday.";
  const char* const about = "About two thirds of the members voted for the bill in the end.";
  const char* const named = "Orla Finch, who chairs the committee, is expected to report in the autumn.";
  const char* const copyright = "Copyright rules for parliament's own recordings will be reviewed next year.";
  // A bio-like sentence about someone who is not the author, and "About the study" as a crosshead.
  auto body = clean_body("Title", "", blocks_of({p1, photo, about, "About the study", p2, copyright, named, p3}),
                         "Bram Kessel");
  CHECK(body.paragraphs == std::vector<std::string>{p1, photo, about, "About the study", p2, copyright, named, p3});
  // The author named as the subject of a sentence in the middle of the article is not a biography.
  auto middle = clean_body("Title", "", blocks_of({p1, named, p2, p3}), "Orla Finch");
  CHECK(middle.paragraphs == std::vector<std::string>{p1, named, p2, p3});
}
