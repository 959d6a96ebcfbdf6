// A read-only open-addressing table from already-mixed 64-bit hashes to 32-bit values: one cache line per
// lookup instead of the two or three pointer hops of std::unordered_map, which matters on the tagger's
// hot path (a lookup per token and gazetteer list step).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace newsdex::ner {

class FlatIndex {
 public:
  FlatIndex() = default;
  explicit FlatIndex(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& entries) {
    std::size_t capacity = 16;
    while (capacity < entries.size() * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const auto& [key, value] : entries) {
      std::uint64_t at = key & mask_;
      while (slots_[at].used && slots_[at].key != key) at = (at + 1) & mask_;
      slots_[at] = Slot{key, value, 1};
    }
  }

  const std::uint32_t* find(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (std::uint64_t at = key & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (!slot.used) return nullptr;
      if (slot.key == key) return &slot.value;
    }
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = 0;
    std::uint32_t used = 0;
  };
  std::vector<Slot> slots_;
  std::uint64_t mask_ = 0;
};

}  // namespace newsdex::ner
