// --dump: what an index run would store for each article, as JSON, without any database.
#pragma once
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "common/index/article_preparation.hpp"
#include "common/readers/reader.hpp"

namespace newsdex {

// Walks `inputs` as an index run does, reads, cleans and prepares every article, and writes each one
// to `out` as a pretty-printed JSON object (the stored fields, plus the reader's "warnings"). Every
// problem of the walk or of a file goes to `problem`. Returns how many paths or files failed.
std::size_t dump_articles(const std::vector<std::string>& inputs, const ReadOptions& options,
                          EntitySource entity_source, std::ostream& out,
                          const std::function<void(const ReadProblem&)>& problem);

}  // namespace newsdex
