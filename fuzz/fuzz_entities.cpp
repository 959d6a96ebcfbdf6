// libFuzzer target: entity extraction (tokenizer, tagger, canonicalisation) on any text. The input's
// first line is the title, the second the lede, the rest paragraphs split at newlines.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/entities/entities.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::string title = lines.empty() ? "" : lines[0];
  std::string lede = lines.size() > 1 ? lines[1] : "";
  std::vector<std::string> paragraphs(lines.size() > 2 ? lines.begin() + 2 : lines.end(), lines.end());
  auto entities = newsdex::extract_entities(title, lede, paragraphs);
  for (const auto* list : {&entities.people, &entities.organisations, &entities.places})
    for (const auto& entity : *list)
      if (entity.name.empty()) __builtin_trap();  // an entity always has a name to show
  return 0;
}
