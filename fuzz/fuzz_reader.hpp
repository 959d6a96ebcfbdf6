// Shared body of the reader fuzz targets: any bytes, read as one format, must come back as articles
// and problems (never a crash, a hang, an exception or undefined behaviour).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/readers/reader.hpp"

namespace newsdex::fuzz {

inline void read_as(const std::uint8_t* data, std::size_t size, InputFormat format, const std::string& path) {
  ReadOptions options;
  options.format = format;
  auto result = read_articles_from_bytes(std::string_view(reinterpret_cast<const char*>(data), size), path, options);
  // Touch what a caller would use, so nothing is optimised away and lazy work is done.
  std::size_t total = 0;
  for (const auto& article : result.articles) {
    total += article.title.size() + article.lede.size() + article.published.size();
    for (const auto& paragraph : article.paragraphs) total += paragraph.size();
  }
  for (const auto& problem : result.problems) total += problem.message.size();
  if (total == static_cast<std::size_t>(-1)) __builtin_trap();
}

}  // namespace newsdex::fuzz
