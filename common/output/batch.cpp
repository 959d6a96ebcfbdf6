#include "common/output/batch.hpp"

#include <string>

#include "common/output/printers.hpp"
#include "common/search/request.hpp"

namespace newsdex {

BatchSummary run_batch(Searcher& searcher, std::istream& in, std::ostream& out, const SearchRequest& defaults) {
  BatchSummary summary;
  searcher.keep_facet_values();
  std::string line, answer;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++summary.queries;
    nlohmann::json id = nullptr;
    BatchLine batch{line_number};
    answer.clear();
    try {
      SearchRequest request;
      if (line[line.find_first_not_of(" \t\r")] == '{') {
        auto object = nlohmann::json::parse(line, nullptr, false);
        if (object.is_object() && object.contains("id")) id = object["id"];
        if (!id.is_null()) batch.id = &id;
        request = object.is_discarded() ? request_from_line(line, defaults) : request_from_json(object, defaults);
      } else {
        request = request_from_line(line, defaults);
      }
      auto response = searcher.search(request);
      append_response_json(answer, response, &batch);
    } catch (const Error& e) {
      answer.clear();
      append_error_json(answer, e, &batch);
      ++summary.failed;
    }
    // Flushed per line: a script may wait for each answer before writing the next query.
    answer += '\n';
    out << answer << std::flush;
  }
  return summary;
}

}  // namespace newsdex
