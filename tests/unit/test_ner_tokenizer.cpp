#include <catch2/catch.hpp>

#include <string>

#include "common/entities/tokenizer.hpp"

using namespace newsdex::ner;

namespace {

std::string joined(const std::vector<Token>& tokens) {
  std::string out;
  for (const auto& token : tokens) out += (out.empty() ? "" : "|") + token.text;
  return out;
}

}  // namespace

TEST_CASE("tokenize splits raw text the way CoNLL-2003 does", "[ner][tokenizer]") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"Israel has rejected Hamas's demand.", "Israel|has|rejected|Hamas|'s|demand|."},
      {"Hamas\xE2\x80\x99s demand", "Hamas|'s|demand"},  // curly apostrophe, normalised
      {"Netanyahu's blunt statement", "Netanyahu|'s|blunt|statement"},
      {"the players' union", "the|players|'|union"},
      {"Don't stop; we can't.", "Do|n't|stop|;|we|ca|n't|."},
      {"They're here, we've seen, I'll go, I'd say, I'm sure", "They|'re|here|,|we|'ve|seen|,|I|'ll|go|,|I|'d|say|,|I|'m|sure"},
      {"O'Brien and O'Neill", "O'Brien|and|O'Neill"},
      {"the U.S. and U.N. forces", "the|U.S.|and|U.N.|forces"},
      {"Acme Inc. and Foo Corp. said", "Acme|Inc.|and|Foo|Corp.|said"},
      {"Mr. Smith met Dr. Jones", "Mr.|Smith|met|Dr.|Jones"},
      {"1,000.5 tonnes, up 3.5%", "1,000.5|tonnes|,|up|3.5|%"},
      {"cost $50 (about \xC2\xA3" "40)", "cost|$|50|(|about|\xC2\xA3" "40|)"},
      {"a \xE2\x80\x9Ctotal ceasefire\xE2\x80\x9D now", "a|\"|total|ceasefire|\"|now"},
      {"goals \xE2\x80\x94 completing", "goals|--|completing"},
      {"week-long hostage-prisoner swap", "week-long|hostage-prisoner|swap"},
      {"wait...", "wait|..."},
      {"said. REUTER...^M", "said|.|REUTER|...|^M"},  // an ellipsis inside a chunk ends the word
      {"U.S...", "U.S|..."},
      {"AT&T and S&P", "AT&T|and|S&P"},
      {"1996-08-22", "1996-08-22"},
      {"", ""},
      {"   \t\n ", ""},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    CHECK(joined(tokenize(c.input)) == c.expected);
  }
}

TEST_CASE("tokens keep their byte range in the original text", "[ner][tokenizer]") {
  const std::string text = "Hamas\xE2\x80\x99s  leader";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 3);
  CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "Hamas");
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "\xE2\x80\x99s");
  CHECK(tokens[1].text == "'s");
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "leader");
}

TEST_CASE("split_sentences ends sentences at . ! ? before a capital, not after abbreviations",
          "[ner][tokenizer]") {
  struct Case {
    const char* input;
    std::size_t sentences;
  };
  const Case cases[] = {
      {"Talks failed. Israel said no.", 2},
      {"He said \"stop.\" Then he left.", 2},
      {"Mr. Smith went to Washington.", 1},
      {"It rose 3.5 percent. Shares fell!", 2},
      {"Why? Nobody knows.", 2},
      {"prices fell. but not much", 1},  // a lower-case word does not start a sentence
      {"The U.S. Senate voted.", 1},
      {"", 0},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    CHECK(tokenize_sentences(c.input).size() == c.sentences);
  }
}
