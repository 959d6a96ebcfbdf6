#include "common/search_batch.hpp"

#include <string>

#include "common/printers.hpp"
#include "common/search_request.hpp"

namespace newsdex {

BatchSummary run_batch(Searcher& searcher, std::istream& in, std::ostream& out, const SearchRequest& defaults) {
  BatchSummary summary;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++summary.queries;
    nlohmann::json result;
    nlohmann::json id = nullptr;
    try {
      SearchRequest request;
      if (line[line.find_first_not_of(" \t\r")] == '{') {
        auto object = nlohmann::json::parse(line, nullptr, false);
        if (object.is_object() && object.contains("id")) id = object["id"];
        request = object.is_discarded() ? request_from_line(line, defaults) : request_from_json(object, defaults);
      } else {
        request = request_from_line(line, defaults);
      }
      result = response_to_json(searcher.search(request));
    } catch (const Error& e) {
      result = error_to_json(e);
      ++summary.failed;
    }
    result["line"] = line_number;
    if (!id.is_null()) result["id"] = id;
    // Flushed per line: a script may wait for each answer before writing the next query.
    out << result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  }
  return summary;
}

}  // namespace newsdex
