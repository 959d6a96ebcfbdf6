#include "common/store/display_names.hpp"

#include <algorithm>

#include "common/store/schema.hpp"

namespace newsdex {
namespace {

bool is_plain_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

bool is_better_display_name(std::string_view candidate, std::string_view current) {
  return current.empty() || (is_plain_ascii(current) && !is_plain_ascii(candidate));
}

std::string chosen_display_name(std::vector<NameUse> uses) {
  std::erase_if(uses, [](const NameUse& use) { return use.name.empty(); });
  if (uses.empty()) return {};
  auto first = [](const NameUse& a, const NameUse& b) {
    bool a_better = is_better_display_name(a.name, b.name), b_better = is_better_display_name(b.name, a.name);
    if (a_better != b_better) return a_better;
    if (a.articles != b.articles) return a.articles > b.articles;
    return a.name < b.name;
  };
  // Uses of one name add up (two shards writing "BBC Sport" outweigh one writing "Bbc Sport").
  std::sort(uses.begin(), uses.end(), [](const NameUse& a, const NameUse& b) { return a.name < b.name; });
  std::vector<NameUse> summed;
  for (auto& use : uses) {
    if (!summed.empty() && summed.back().name == use.name) {
      summed.back().articles += use.articles;
    } else {
      summed.push_back(std::move(use));
    }
  }
  return std::min_element(summed.begin(), summed.end(), first)->name;
}

std::string stored_display_name(const std::vector<Xapian::Database>& shards, std::string_view prefix,
                                std::string_view key) {
  auto metadata_key = schema::entity_name_key(prefix, key);
  std::vector<NameUse> uses;
  for (const auto& shard : shards)
    if (auto name = shard.get_metadata(metadata_key); !name.empty()) uses.push_back({std::move(name), 0});
  bool agree = std::all_of(uses.begin(), uses.end(), [&](const NameUse& use) { return use.name == uses.front().name; });
  if (agree) return uses.empty() ? std::string() : uses.front().name;
  // The shards disagree (rare: a collection's parts indexed apart): weigh each name by its articles.
  auto term = schema::boolean_term(prefix, key);
  std::size_t next = 0;
  for (const auto& shard : shards)
    if (!shard.get_metadata(metadata_key).empty()) uses[next++].articles = shard.get_termfreq(term);
  return chosen_display_name(std::move(uses));
}

}  // namespace newsdex
