#include "common/store/schema.hpp"

#include <cctype>

#include "common/base/hashing.hpp"

namespace newsdex::schema {

std::string boolean_term(std::string_view prefix, std::string_view key) {
  std::string term(prefix);
  std::size_t length = key.size();
  if (length > max_term_key_bytes) {
    length = max_term_key_bytes;
    while (length > 0 && (static_cast<unsigned char>(key[length]) & 0xC0) == 0x80) --length;
  }
  term.append(key.substr(0, length));
  return term;
}

std::string entity_name_key(std::string_view prefix, std::string_view key) {
  return std::string(entity_name_key_prefix) + boolean_term(prefix, key);
}

std::string exact_term(std::string_view prefix, std::string_view key) {
  if (key.size() <= 150) return std::string(prefix) + std::string(key);
  return boolean_term(prefix, key.substr(0, 100)) + "#" + content_hash(key);
}

std::string date_value(std::string_view iso_date) {
  if (iso_date.size() < 10 || iso_date[4] != '-' || iso_date[7] != '-') return {};
  std::string value;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(iso_date[i]))) return {};
    value += iso_date[i];
  }
  return value;
}

}  // namespace newsdex::schema
