// libFuzzer target: building a query from any text (the query language of docs/query.md). A bad
// query is a QueryError with a position inside the text; anything else escaping is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/base/errors.hpp"
#include "common/query/query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the options: --any or all words, filters from options, empty text allowed.
  newsdex::QueryOptions options;
  options.word_operator = data[0] & 1 ? newsdex::WordOperator::any : newsdex::WordOperator::all;
  options.allow_empty = data[0] & 2;
  if (data[0] & 4) options.filters.from = "2024-01";
  if (data[0] & 8) options.filters.people = {"Jane Doe"};
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  static newsdex::QueryBuilder builder;  // set up once, as the searcher's batch mode does
  try {
    auto parsed = builder.build(text, options);
    (void)parsed.description();
  } catch (const newsdex::QueryError& e) {
    if (e.position() != std::string::npos && e.position() > text.size()) __builtin_trap();
  }
  return 0;
}
