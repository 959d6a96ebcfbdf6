#include "common/hashing.hpp"

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
  return hex64(fnv1a64(bytes)) + hex64(fnv1a64(bytes, 0x9E3779B97F4A7C15ULL));
}

}  // namespace newsdex
