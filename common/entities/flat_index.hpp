// Open-addressing tables keyed by already-mixed 64-bit hashes: one cache line per lookup and no allocation
// per entry, unlike std::unordered_map, which matters on the tagger's hot path.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace newsdex::ner {

// Read-only after construction: hash -> 32-bit value (gazetteer trie, model vocabulary).
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

// Growable: hash -> small value, for per-document tallies (word casing, label history).
template <class Value>
class FlatMap {
 public:
  explicit FlatMap(std::size_t expected = 8) {
    std::size_t capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    slots_.resize(capacity);
  }

  Value& operator[](std::uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    Slot& slot = slots_[locate(key)];
    if (!slot.used) {
      slot = Slot{key, Value{}, true};
      ++size_;
    }
    return slot.value;
  }

  const Value* find(std::uint64_t key) const {
    const Slot& slot = slots_[locate(key)];
    return slot.used ? &slot.value : nullptr;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    Value value{};
    bool used = false;
  };
  std::size_t locate(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = key & mask;
    while (slots_[at].used && slots_[at].key != key) at = (at + 1) & mask;
    return at;
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.used) slots_[locate(slot.key)] = slot;
    }
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace newsdex::ner
