// Exports of search results for other programs: CSV (RFC 4180) or TSV rows of chosen fields with a
// header row, or one id or file path per result (newline- or NUL-separated, for `xargs -0`). A row is
// written as each result is made (common/output/stream.hpp), so an export never holds every result.
// docs/search.md, "Exports", says what each format and field writes.
#pragma once
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/search/search.hpp"

namespace newsdex {

enum class ExportFormat { csv, tsv, ids, paths };
ExportFormat parse_export_output(std::string_view name);  // --output: ids or paths; throws UsageError

// One column of a CSV or TSV export: its name (in --fields and the header row) and its text for a result.
struct ExportField {
  std::string_view name;
  std::string (*text)(const Hit& hit);
};
// The fields of a comma-separated list ("date,title,url"), in that order; throws UsageError naming
// an unknown field and listing the known ones.
std::vector<ExportField> parse_export_fields(std::string_view list);
inline constexpr std::string_view default_export_fields = "date,source,title,author,url,path";
std::string export_field_names();  // "rank, id, ..., snippet", for --help (aliases left out)

// One value as a CSV field: quoted when it holds a comma, a quote, CR or LF, quotes doubled (RFC 4180).
std::string csv_field(std::string_view value);
// One value as a TSV field: tab, LF, CR and backslash written as \t, \n, \r and \\ (so a row is one
// line with one tab between fields, and the value can be read back exactly).
std::string tsv_field(std::string_view value);

// One record of a CSV (ended by CRLF) or TSV (ended by LF) export, each value quoted as above.
std::string export_row(const std::vector<std::string>& values, ExportFormat format);

struct ExportOptions {
  ExportFormat format = ExportFormat::csv;
  std::vector<ExportField> fields;  // csv and tsv
  char separator = '\n';            // ids and paths: '\n', or '\0' with -0
};

// Writes an export to `out`: add() each result, then finish(). The header row (CSV and TSV) comes with
// the first result or at finish(), so that a search that fails writes nothing to stdout.
class ExportWriter {
 public:
  ExportWriter(std::ostream& out, ExportOptions options);
  void add(const Hit& hit);
  void finish();
  std::size_t written() const { return written_; }  // rows or lines written, the header not counted

 private:
  void row(const std::vector<std::string>& values);
  void header();
  std::ostream& out_;
  ExportOptions options_;
  std::unordered_set<std::string> paths_seen_;  // --output paths lists each file once
  std::size_t written_ = 0;
  bool header_written_ = false;
};

}  // namespace newsdex
