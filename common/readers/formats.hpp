// The input formats and the one table of file-name extensions that says which format a name is. The
// folder walk (common/index/file_walk.cpp) keeps the names it lists and the reader picks its reader
// from it, so a file the reader knows by its name is never passed over in a folder.
#pragma once
#include <string>
#include <string_view>

namespace newsdex {

enum class InputFormat { automatic, text, html, json };

// Parses "auto", "text", "html", "json" (also "jsonl"); throws UsageError otherwise.
InputFormat parse_input_format(std::string_view name);

// The format a file's extension names, in any case: .html .htm .xhtml .shtml are HTML, .json .jsonl
// .ndjson JSON, .txt .text text. `automatic` for any other extension or none: the content decides.
InputFormat format_of_name(const std::string& path);

// True for JSON Lines exports (.jsonl, .ndjson): they hold many articles, so the size limit applies
// to each line (article), not to the file.
bool is_json_lines_name(const std::string& path);

// True for the names read inside folders: every extension format_of_name() knows, and names without
// an extension (scrapers often write those; their content decides the format).
bool is_article_file_name(const std::string& path);

// The format of decoded text read with --format auto. A page that opens as HTML is HTML whatever its
// name; otherwise the extension decides; for other names the content is sniffed: '{' or '[' first is
// JSON, HTML tags near the top are HTML, anything else text.
InputFormat sniff_format(std::string_view text, const std::string& path);

}  // namespace newsdex
