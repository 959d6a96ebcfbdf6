// What newsdex-index prints: problems, the end-of-run summary, index statistics.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/index/problem_digest.hpp"
#include "common/index/curate.hpp"
#include "common/index/run.hpp"

namespace newsdex {

// Problems on stderr, through the digest (common/index/problem_digest.hpp): errors at once, the rest
// as --quiet, the default or --verbose says. `before` runs before each line (it ends a progress bar).
class ProblemPrinter {
 public:
  explicit ProblemPrinter(ProblemDetail detail, std::function<void()> before = {})
      : digest_(detail), before_(std::move(before)) {}
  std::optional<std::string> add(const ReadProblem& problem);
  void finish();  // the summary lines of what was held back

 private:
  void print(const std::string& line);
  ProblemDigest digest_;
  std::function<void()> before_;
};

void print_summary(const IndexSummary& summary, const std::string& db_path);
nlohmann::json summary_to_json(const IndexSummary& summary, const std::string& db_path);
// "1.2 MB", as stats prints sizes.
std::string megabytes(std::uint64_t bytes);
// --curate's report: a warning for each rule that changes no article (also with quiet), then the
// summary as lines on stderr, or as JSON on stdout.
void print_curation_report(const CurationReport& report, const std::string& db_path, bool as_json, bool quiet);
int print_stats(const std::string& db_path, std::size_t top, bool as_json);

}  // namespace newsdex
