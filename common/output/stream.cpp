#include "common/output/stream.hpp"

#include <string>

#include "common/base/errors.hpp"

namespace newsdex {

void ask_for_every_match(SearchRequest& request) {
  request.limit = every_match;
  request.top_up_page = false;
}

SearchResponse search_and_write(Searcher& searcher, SearchRequest request,
                                const std::function<void(const Hit&)>& write) {
  if (request.limit != every_match) {
    auto response = searcher.search(request);
    for (const auto& hit : response.hits) write(hit);
    return response;
  }
  std::size_t last_rank = 0, written = 0;
  request.hit_sink = [&](const Hit& hit) {
    // Searcher::search runs the search again on a newer revision when an indexer committed under it;
    // the results already written cannot be taken back, so say so instead of writing them twice.
    if (hit.rank <= last_rank)
      throw DatabaseError(ExitCode::io_error, "the database changed while the results were being written (" +
                                                  std::to_string(written) +
                                                  " written, the list is incomplete): run the search again");
    last_rank = hit.rank;
    write(hit);
    ++written;
  };
  auto response = searcher.search(request);
  response.request.hit_sink = nullptr;  // it refers to this function's locals
  return response;
}

}  // namespace newsdex
