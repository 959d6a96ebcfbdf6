// Display names of entity and source keys ("BBC Sport" for the key "bbc sport"), kept in the metadata
// under schema::entity_name_key. One rule for the writer and every reader; read from every shard, since
// each shard of a collection built apart holds the names of its own articles only.
#pragma once
#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The writer's rule: `candidate` replaces `current` when there is none yet, or when it writes the
// accents `current` lacks ("Zoe" -> "Zoë"); otherwise the first name seen stays.
bool is_better_display_name(std::string_view candidate, std::string_view current);

struct NameUse {
  std::string name;
  Xapian::doccount articles = 0;  // articles of the shard holding this name that have the key
};

// The name several shards' names come to, whatever their order: the better one by the writer's rule,
// then the one the most articles use, then the first in byte order. "" when none has a name.
std::string chosen_display_name(std::vector<NameUse> uses);

// The stored display name of `key` (a facet value) under a term prefix, asked of every shard; "" when
// no shard has one. `shards` are the databases each on its own (a combined database answers metadata
// from its first shard only).
std::string stored_display_name(const std::vector<Xapian::Database>& shards, std::string_view prefix,
                                std::string_view key);

}  // namespace newsdex
