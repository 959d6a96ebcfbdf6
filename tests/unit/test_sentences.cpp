// Sentence boundaries (common/search/sentences.hpp) and the snippet windows made of whole sentences.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/search/sentences.hpp"
#include "common/search/snippets.hpp"

using namespace newsdex;

namespace {

std::vector<std::string> sentences_of(std::string_view text) {
  auto starts = sentence_starts(text);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    auto end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    auto sentence = std::string(text.substr(starts[i], end - starts[i]));
    while (!sentence.empty() && sentence.back() == ' ') sentence.pop_back();
    out.push_back(sentence);
  }
  return out;
}

}  // namespace

TEST_CASE("sentences end at . ! ? and … before a space and a sentence's first character", "[sentences]") {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"One. Two! Three? Four", {"One.", "Two!", "Three?", "Four"}},
      {"He said \"stop.\" Then he left.", {"He said \"stop.\"", "Then he left."}},
      {"It ended (finally.) Next", {"It ended (finally.)", "Next"}},
      {"She said \xE2\x80\x9Cno.\xE2\x80\x9D Later", {"She said \xE2\x80\x9Cno.\xE2\x80\x9D", "Later"}},
      {"Wait\xE2\x80\xA6 Then go.", {"Wait\xE2\x80\xA6", "Then go."}},
      {"Mr. Smith met Dr. Jones. They spoke.", {"Mr. Smith met Dr. Jones.", "They spoke."}},
      {"J. K. Rowling wrote it. Fine.", {"J. K. Rowling wrote it.", "Fine."}},
      {"The U.S. team won. Good.", {"The U.S. team won.", "Good."}},
      {"It cost approx. five crowns.", {"It cost approx. five crowns."}},  // a lower-case word follows
      {"Version 2.5 is out. 3,000 came.", {"Version 2.5 is out.", "3,000 came."}},
      {"No end here", {"No end here"}},
      {"", {""}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(sentences_of(c.text) == c.sentences);
  }
}

TEST_CASE("a sentence window holds the matched sentences and more whole ones that fit", "[sentences]") {
  const std::string text = "First sentence here. The harbour closed today. Third one follows. Last.";
  auto at = text.find("harbour");
  struct Case {
    std::size_t max_chars;
    std::string window;  // empty: none fits
  };
  const Case cases[] = {
      {10, ""},                                                                         // the sentence is longer
      {26, "The harbour closed today."},                                                // exactly it
      {44, "The harbour closed today. Third one follows."},                             // then the next
      {50, "The harbour closed today. Third one follows. Last."},                       // and the last
      {71, "First sentence here. The harbour closed today. Third one follows. Last."},  // then before
  };
  for (const auto& c : cases) {
    INFO(c.max_chars);
    auto window = sentence_window(text, at, at + 7, c.max_chars);
    if (c.window.empty()) {
      CHECK_FALSE(window);
      continue;
    }
    REQUIRE(window);
    auto shown = text.substr(window->first, window->second - window->first);
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    CHECK(shown == c.window);
  }
}

TEST_CASE("a snippet is whole sentences where they fit, set apart from the marks", "[sentences][snippets]") {
  HighlightTerms terms;
  terms.words = {"harbour"};
  Highlighter highlighter(terms);
  std::string block =
      "Workers gathered early in the morning near the gates while the union leaders spoke. Then the harbour fell "
      "silent as the strike began. Everyone who worked there went home early that day, and the gates stayed shut.";
  auto snippet = highlighter.snippet({block}, 60);
  CHECK(snippet.text == "\xE2\x80\xA6 Then the harbour fell silent as the strike began. \xE2\x80\xA6");
  // A sentence longer than the snippet: cut between words, as before.
  auto short_snippet = highlighter.snippet({block}, 30);
  CHECK(short_snippet.text.find("harbour") != std::string::npos);
  CHECK(short_snippet.text.substr(3, 1) != " ");
}
