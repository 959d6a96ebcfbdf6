// Which shard holds an article or a word, and the collection's document numbers (common/store/shard_routing.hpp).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/store/shard_routing.hpp"

TEST_CASE("shard routing: an id always goes to the same shard, every shard is used, numbers round-trip", "[shards]") {
  struct Case {
    std::string key;
    std::size_t shards;
  };
  for (const auto& [key, shards] : std::vector<Case>{
           {"url:https://example.com/a", 3}, {"file:/in/a.txt#0", 2}, {"", 5}, {"x", 1}, {"file:/in/ü.txt#12", 7}}) {
    auto shard = newsdex::shard_of(key, shards);
    CHECK(shard < shards);
    CHECK(newsdex::shard_of(key, shards) == shard);
  }
  CHECK(newsdex::shard_of("anything", 1) == 0);
  // A stable hash: the same shard in every build (FNV-1a), so a later run finds what an earlier wrote.
  CHECK(newsdex::shard_of("file:/in/a.txt#0", 3) == newsdex::shard_of(std::string("file:/in/a.txt#0"), 3));
  for (std::size_t shards : {2, 3, 4}) {
    std::vector<int> used(shards);
    for (int i = 0; i < 300; ++i) ++used[newsdex::shard_of("file:/in/" + std::to_string(i) + ".txt#0", shards)];
    for (auto count : used) CHECK(count > 300 / static_cast<int>(shards) / 2);  // roughly even
    for (Xapian::docid docid = 1; docid < 50; ++docid) {
      auto local = newsdex::shard_docid(docid, shards);
      CHECK(local.shard < shards);
      CHECK(newsdex::collection_docid(local, shards) == docid);
    }
  }
  // Xapian's own numbering of several databases opened as one: shard k holds k+1, k+1+n, ...
  CHECK(newsdex::collection_docid({1, 1}, 3) == 2);
  CHECK(newsdex::collection_docid({0, 2}, 3) == 4);
}
