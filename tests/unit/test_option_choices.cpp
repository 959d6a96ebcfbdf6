// Options that name one of a fixed set of values: one table each, one parser, one refusal that
// names the option and the value and lists the choices.
#include <catch2/catch.hpp>
#include <functional>

#include "common/base/errors.hpp"
#include "common/base/option_choices.hpp"
#include "common/index/article_preparation.hpp"
#include "common/query/query.hpp"
#include "common/readers/reader.hpp"
#include "common/search/facets.hpp"
#include "common/search/search.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using newsdex::test::usage_error_of;

namespace {

enum class Colour { red, green, blue };
constexpr OptionChoice<Colour> colours[] = {
    {"red", Colour::red}, {"green", Colour::green}, {"vert", Colour::green}, {"blue", Colour::blue}};

}  // namespace

TEST_CASE("a choice option reads its names, aliases included, and lists the names once when refused", "[options]") {
  CHECK(parse_choice<Colour>("colour", "red", colours) == Colour::red);
  CHECK(parse_choice<Colour>("colour", "vert", colours) == Colour::green);
  CHECK(choice_name<Colour>(Colour::green, colours) == "green");
  CHECK(usage_error_of([] { parse_choice<Colour>("colour", "Red", colours); }) ==
        "unknown colour 'Red': choose red, green or blue");
  CHECK(usage_error_of([] { parse_choice<Colour>("colour", "", colours); }) ==
        "unknown colour '': choose red, green or blue");
  CHECK(unknown_choice_message("mode", "x", {"on"}) == "unknown mode 'x': choose on");
}

TEST_CASE("every choice option of both programs refuses a wrong name with the option and its choices", "[options]") {
  struct Case {
    std::function<void()> parse;
    const char* message;
  };
  const Case cases[] = {
      {[] { parse_sort_order("random"); }, "unknown sort order 'random': choose relevance, newest or oldest"},
      {[] { parse_word_operator("some"); }, "unknown match mode 'some': choose auto, all or any"},
      {[] { parse_facet_fields("person,colour"); },
       "unknown facet 'colour': choose person, org, place, source or date"},
      {[] { parse_input_format("pdf"); }, "unknown format 'pdf': choose auto, text, html or json"},
      {[] { parse_entity_source("all"); }, "unknown --entities value 'all': choose both, extracted, supplied or none"},
      {[] {
         JsonFieldNames names;
         apply_json_field_mapping("headline=h", names);
       },
       "unknown --json-field field 'headline': choose title, date, body, lede, url, author or source"},
  };
  for (const auto& c : cases) {
    INFO(c.message);
    CHECK(usage_error_of(c.parse) == c.message);
  }
  CHECK(parse_input_format("txt") == InputFormat::text);
  CHECK(parse_entity_source("supplied") == EntitySource::supplied);
  CHECK(parse_sort_order("oldest") == SortOrder::oldest);
  CHECK(facet_name(FacetField::source) == "source");
}
