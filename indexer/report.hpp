// What newsdex-index prints: problems, the end-of-run summary, index statistics.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "common/index/run.hpp"

namespace newsdex {

void print_problem(const ReadProblem& problem);
void print_summary(const IndexSummary& summary, const std::string& db_path);
nlohmann::json summary_to_json(const IndexSummary& summary, const std::string& db_path);
int print_stats(const std::string& db_path, std::size_t top, bool as_json);

}  // namespace newsdex
