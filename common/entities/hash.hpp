// 64-bit hashing of token text and feature parts. The tagger identifies features only by these hashes,
// so they must never change for a given model: the model file records kFeatureHashVersion.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsdex::ner {

inline constexpr std::uint32_t kFeatureHashVersion = 1;

constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Byte-order independent: bytes are assembled arithmetically, eight at a time.
inline std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = 0x243f6a8885a308d3ULL ^ (text.size() * 0x9e3779b97f4a7c15ULL);
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    for (std::size_t b = 0; b < 8; ++b) word |= std::uint64_t(static_cast<unsigned char>(text[i + b])) << (8 * b);
    h = mix64(h ^ word) * 0x9e3779b97f4a7c15ULL;
  }
  std::uint64_t tail = 0;
  for (std::size_t b = 0; i + b < text.size(); ++b) tail |= std::uint64_t(static_cast<unsigned char>(text[i + b])) << (8 * b);
  return mix64(h ^ tail);
}

constexpr std::uint64_t combine(std::uint64_t a, std::uint64_t b) {
  return mix64(a * 0x9e3779b97f4a7c15ULL + b + 0x632be59bd9b4e019ULL);
}

}  // namespace newsdex::ner
