#include "common/base/hashing.hpp"

#include <cstdio>

namespace newsdex {

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t hash = seed;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string hex64(std::uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

std::string content_hash(std::string_view bytes) {
  ContentHasher hasher;
  hasher.add(bytes);
  return hasher.hex();
}

void ContentHasher::add(std::string_view bytes) {
  first_ = fnv1a64(bytes, first_);  // FNV-1a goes byte by byte: the state is the seed of what follows
  second_ = fnv1a64(bytes, second_);
}

std::string ContentHasher::hex() const { return hex64(first_) + hex64(second_); }

}  // namespace newsdex
