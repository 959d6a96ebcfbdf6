// Stable hashes (same on every platform and run, unlike std::hash) for ids and change detection.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

// FNV-1a, 64 bits.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = 1469598103934665603ULL);

// 16 lowercase hex digits.
std::string hex64(std::uint64_t value);

// 128-bit content hash as 32 hex digits (two FNV-1a lanes with different seeds): enough to tell a
// changed file or a different body from an unchanged one.
std::string content_hash(std::string_view bytes);

// content_hash() of bytes given piece by piece (a file read a segment at a time).
class ContentHasher {
 public:
  void add(std::string_view bytes);
  std::string hex() const;

 private:
  std::uint64_t first_ = 1469598103934665603ULL, second_ = 0x9E3779B97F4A7C15ULL;
};

}  // namespace newsdex
