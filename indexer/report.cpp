#include "indexer/report.hpp"

#include <cstdio>
#include <iostream>

#include "common/base/errors.hpp"
#include "common/base/path_text.hpp"
#include "common/index/stats.hpp"

namespace newsdex {

std::optional<std::string> ProblemPrinter::add(const ReadProblem& problem) {
  auto line = digest_.add(problem);
  if (line) print(*line);
  return line;
}

void ProblemPrinter::finish() {
  for (const auto& line : digest_.summary()) print(line);
}

void ProblemPrinter::print(const std::string& line) {
  if (before_) before_();
  std::cerr << "newsdex-index: " << line << '\n';
}

nlohmann::json summary_to_json(const IndexSummary& summary, const std::string& db_path) {
  double rate = summary.seconds > 0
                    ? static_cast<double>(summary.articles.added + summary.articles.updated + summary.articles.duplicates) /
                          summary.seconds
                    : 0.0;
  return {{"database", path_text(db_path)},
          {"files", {{"seen", summary.files_seen},
                     {"indexed", summary.files_indexed},
                     {"unchanged", summary.files_unchanged},
                     {"failed", summary.files_failed},
                     {"pruned", summary.files_pruned},
                     {"other_types_passed_over", summary.files_passed_over}}},
          {"articles", {{"added", summary.articles.added},
                        {"updated", summary.articles.updated},
                        {"duplicates", summary.articles.duplicates},
                        {"deleted", summary.articles.deleted}}},
          {"skipped", summary.skip_reasons},
          {"warnings", summary.warnings},
          {"wrote_anything", summary.wrote_anything},
          {"compacted", summary.compacted},
          {"interrupted", summary.interrupted},
          {"seconds", summary.seconds},
          {"articles_per_second", rate}};
}

void print_summary(const IndexSummary& summary, const std::string& db_path) {
  const auto& a = summary.articles;
  std::size_t indexed = a.added + a.updated + a.duplicates;
  if (!summary.wrote_anything && summary.files_failed == 0) {
    std::fprintf(stderr, "newsdex-index: nothing changed: %zu files unchanged, database %s not written (%.2fs)\n",
                 summary.files_unchanged, path_text(db_path).c_str(), summary.seconds);
    return;
  }
  std::fprintf(stderr,
               "newsdex-index: %s%zu added, %zu updated, %zu duplicates, %zu deleted; files: %zu indexed, %zu "
               "unchanged, %zu failed, %zu pruned; %.2fs, %.0f articles/s -> %s\n",
               summary.interrupted ? "interrupted, committed what was done: " : "", a.added, a.updated, a.duplicates,
               a.deleted, summary.files_indexed, summary.files_unchanged, summary.files_failed, summary.files_pruned,
               summary.seconds, summary.seconds > 0 ? static_cast<double>(indexed) / summary.seconds : 0.0,
               path_text(db_path).c_str());
  if (summary.files_passed_over)
    std::fprintf(stderr, "newsdex-index: passed over %zu files of other types in folders (--all-files reads them)\n",
                 summary.files_passed_over);
}

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

void print_curation_report(const CurationReport& report, const std::string& db_path, bool as_json, bool quiet) {
  for (const auto& [rule, articles] : report.rules)
    if (articles == 0)
      std::cerr << "newsdex-index: " << report.file << ':' << rule.line << ": warning: " << rule.text
                << ": changes no article\n";
  if (as_json) {
    auto rules = nlohmann::json::array();
    for (const auto& [rule, articles] : report.rules)
      rules.push_back({{"line", rule.line}, {"rule", rule.text}, {"articles", articles}});
    std::cout << nlohmann::json{{"database", path_text(db_path)},
                                {"curation", report.file},
                                {"rules", rules},
                                {"articles", report.articles},
                                {"rewritten", report.rewritten},
                                {"wrote_anything", report.wrote_anything},
                                {"seconds", report.seconds}}
                     .dump(2)
              << '\n';
    return;
  }
  if (quiet) return;
  if (!report.wrote_anything) {
    std::fprintf(stderr, "newsdex-index: nothing changed: the database %s already has the curation of %s (%zu rules)\n",
                 path_text(db_path).c_str(), report.file.c_str(), report.rules.size());
    return;
  }
  std::fprintf(stderr, "newsdex-index: curation %s: %zu rules; %zu of %zu articles rewritten; %.2fs -> %s\n",
               report.file.c_str(), report.rules.size(), report.rewritten, report.articles, report.seconds,
               path_text(db_path).c_str());
  for (const auto& [rule, articles] : report.rules)
    std::fprintf(stderr, "newsdex-index:   line %zu: %s: %zu article%s\n", rule.line, rule.text.c_str(), articles,
                 articles == 1 ? "" : "s");
}

int print_stats(const std::string& db_path, std::size_t top, bool as_json) {
  auto stats = compute_index_stats(db_path, top);
  auto list = [](const auto& pairs) {
    auto array = nlohmann::json::array();
    for (const auto& [name, count] : pairs) array.push_back({{"name", name}, {"count", count}});
    return array;
  };
  if (as_json) {
    std::cout << nlohmann::json{{"database", path_text(db_path)},
                                {"articles", stats.articles},
                                {"files", stats.files},
                                {"duplicate_locations", stats.duplicates},
                                {"first_date", stats.first_date},
                                {"last_date", stats.last_date},
                                {"language", stats.language},
                                {"bytes_on_disk", stats.bytes_on_disk},
                                {"top_people", list(stats.top_people)},
                                {"top_organisations", list(stats.top_organisations)},
                                {"top_places", list(stats.top_places)},
                                {"top_sources", list(stats.top_sources)}}
                     .dump(2)
              << '\n';
    return 0;
  }
  std::printf("database:   %s (%s, language %s)\n", path_text(db_path).c_str(), megabytes(stats.bytes_on_disk).c_str(),
              stats.language.c_str());
  std::printf("articles:   %llu from %llu files (%llu duplicate locations)\n",
              static_cast<unsigned long long>(stats.articles), static_cast<unsigned long long>(stats.files),
              static_cast<unsigned long long>(stats.duplicates));
  std::printf("dates:      %s .. %s\n", stats.first_date.empty() ? "-" : stats.first_date.c_str(),
              stats.last_date.empty() ? "-" : stats.last_date.c_str());
  auto print_top = [](const char* label, const auto& pairs) {
    std::printf("%-12s", label);
    bool first = true;
    for (const auto& [name, count] : pairs) {
      std::printf("%s%s (%llu)", first ? "" : ", ", name.c_str(), static_cast<unsigned long long>(count));
      first = false;
    }
    std::printf("%s\n", first ? "-" : "");
  };
  print_top("people:", stats.top_people);
  print_top("orgs:", stats.top_organisations);
  print_top("places:", stats.top_places);
  print_top("sources:", stats.top_sources);
  return 0;
}

}  // namespace newsdex
