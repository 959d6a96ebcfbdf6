// What newsdex-index prints: problems, the end-of-run summary, index statistics.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "common/index/curate.hpp"
#include "common/index/run.hpp"

namespace newsdex {

void print_problem(const ReadProblem& problem);
void print_summary(const IndexSummary& summary, const std::string& db_path);
nlohmann::json summary_to_json(const IndexSummary& summary, const std::string& db_path);
// --curate's report: a warning for each rule that changes no article (also with quiet), then the
// summary as lines on stderr, or as JSON on stdout.
void print_curation_report(const CurationReport& report, const std::string& db_path, bool as_json, bool quiet);
int print_stats(const std::string& db_path, std::size_t top, bool as_json);

}  // namespace newsdex
