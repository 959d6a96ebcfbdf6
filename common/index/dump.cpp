#include "common/index/dump.hpp"

#include <xapian.h>

#include "common/base/path_text.hpp"
#include "common/index/file_walk.hpp"
#include "common/store/document.hpp"
#include "common/store/xapian_errors.hpp"

namespace newsdex {

std::size_t dump_articles(const std::vector<std::string>& inputs, const ReadOptions& options,
                          EntitySource entity_source, std::ostream& out,
                          const std::function<void(const ReadProblem&)>& problem) {
  return with_newsdex_errors(DatabaseWork::indexing, [&] {
    Xapian::TermGenerator indexer;  // the document is built as a run builds it, then left unused
    auto walk = walk_inputs(inputs);
    std::size_t failures = 0;
    for (const auto& walk_problem : walk.problems) {
      problem({walk_problem.path, 0, walk_problem.message, true, walk_problem.failed});
      ++failures;
    }
    for (const auto& file : walk.files) {
      auto result = read_articles(file.path, options);
      for (const auto& read_problem : result.problems) {
        problem(read_problem);
        failures += read_problem.skipped;
      }
      for (auto& article : result.articles) {
        article.path = path_text(file.path);  // as the index stores it: any bytes, as valid text
        auto prepared = prepare_article(std::move(article), entity_source, false, indexer);
        auto json = article_to_json(prepared.article);
        json["warnings"] = prepared.article.warnings;          // shown by --dump, not stored in the index
        json["title_source"] = prepared.article.title_source;  // likewise: why this title was chosen
        out << json.dump(2) << '\n';
      }
    }
    return failures;
  });
}

}  // namespace newsdex
