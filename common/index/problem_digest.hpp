// How an index run's problems reach the user: errors (a file, folder or record that could not be
// read) each on its own line as they are found; warnings and skipped files held back and summarised
// at the end, one line per kind with a count and the first few places, so that 2,000 undated pages
// make one line, not 2,000. docs/indexing.md ("Output and exit codes") describes it.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/readers/read_types.hpp"

namespace newsdex {

// --quiet: errors only; the default: errors, and the summary of the rest; --verbose: every problem
// as it is found.
enum class ProblemDetail { errors_only, summary, every_problem };

// "path:line: warning: message" (path escaped by path_text; no line when 0; "warning: " for what
// was read anyway).
std::string problem_line(const ReadProblem& problem);

// What a problem message is about, without its details: "item 3: skipped: no article body (title
// only)" -> "no article body", "no publication date found: recorded as missing" -> "no publication
// date found".
std::string problem_reason(std::string_view message);

// The reason with every number written N, so that messages differing only in a count or a line are
// one kind: "same url as line 7 but another article" -> "same url as line N but another article".
std::string problem_kind(std::string_view message);

class ProblemDigest {
 public:
  explicit ProblemDigest(ProblemDetail detail, std::size_t examples = 3) : detail_(detail), examples_(examples) {}

  // The line to print now for `problem`, or nullopt when it is held for the summary (or, with
  // errors_only, not shown).
  std::optional<std::string> add(const ReadProblem& problem);

  // The lines to print at the end: for a kind met at most `examples` times, each of its problems in
  // full; for a kind met more often, one line with the count and the first places.
  std::vector<std::string> summary() const;

 private:
  struct Kind {
    std::size_t count = 0;
    std::vector<ReadProblem> first;
  };
  ProblemDetail detail_;
  std::size_t examples_;
  std::vector<std::string> order_;     // kinds in the order first met
  std::map<std::string, Kind> kinds_;  // "warning: no title found" -> what was met
};

}  // namespace newsdex
