// Name lists (given names, countries, organisations, titles ...) matched against token sequences.
// The tagger turns matches into features; it never labels a name only because a list contains it.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/entities/flat_index.hpp"

namespace newsdex::ner {

enum class GazetteerList : std::uint8_t {
  first_name, person_full, surname, title, country, city, region, loc_cue, demonym, organisation, company,
  org_cue, company_suffix, org_word
};
inline constexpr std::size_t kGazetteerLists = 14;
// File names under data/ner/lists/ (without ".txt"), in GazetteerList order.
inline constexpr std::array<std::string_view, kGazetteerLists> kGazetteerListNames = {
    "first_name", "person_full", "surname", "title", "country", "city", "region", "loc_cue", "demonym",
    "organisation", "company", "org_cue", "company_suffix", "org_word"};

// Bit 4*list+p of a token's match bits is set when an entry of that list covers the token at position p
// (0 begin, 1 inside, 2 last, 3 unit = one-token entry).
using MatchBits = std::uint64_t;
static_assert(kGazetteerLists * 4 <= 64);

class Gazetteer {
 public:
  Gazetteer() = default;
  // Reads <dir>/<name>.txt for every list; throws newsdex::Error naming a missing or unreadable file.
  static Gazetteer load(const std::filesystem::path& dir);

  // Adds one entry, given as its lower-cased token hashes; call freeze() after the last one.
  void add(GazetteerList list, const std::vector<std::uint64_t>& token_hashes);
  void freeze();

  // lower_hashes: hash_text of each lower-cased token; capitalised: whether the token starts with a capital
  // or digit (entries of name lists only match from such a token). Fills one MatchBits per token.
  void match(std::span<const std::uint64_t> lower_hashes, std::span<const std::uint8_t> capitalised,
             std::span<MatchBits> bits) const;

  // Number of tokens of the longest entry of `list` that `lower_hashes` starts with (0 when none).
  std::size_t prefix_length(GazetteerList list, std::span<const std::uint64_t> lower_hashes) const;

  std::uint64_t digest() const { return digest_; }  // of the entries, to detect a model/list mismatch
  std::size_t entry_count() const { return entries_; }

 private:
  static constexpr std::size_t kMaxEntryTokens = 8;
  std::vector<std::uint16_t> node_lists_{0};  // node 0 is the root
  std::uint32_t child(std::uint32_t node, std::uint64_t token_hash) const;  // 0 when there is none
  // Most tokens start no entry; 32 KiB bit sets of first tokens answer that without touching the table,
  // one for all lists and one for the lists that also match lower-case text.
  static constexpr std::size_t kFirstTokenBits = std::size_t{1} << 18;
  using FirstTokens = std::vector<std::uint64_t>;
  static std::size_t first_token_bit(std::uint64_t token_hash) { return (token_hash >> 20) & (kFirstTokenBits - 1); }
  static bool test(const FirstTokens& set, std::uint64_t token_hash) {
    const std::size_t bit = first_token_bit(token_hash);
    return (set[bit / 64] >> (bit % 64)) & 1;
  }
  FirstTokens first_tokens_ = FirstTokens(kFirstTokenBits / 64);
  FirstTokens case_free_first_tokens_ = FirstTokens(kFirstTokenBits / 64);

  std::unordered_map<std::uint64_t, std::uint32_t> building_;  // (node, token) -> child, until freeze()
  FlatIndex children_;
  std::uint64_t digest_ = 0;
  std::size_t entries_ = 0;
};

}  // namespace newsdex::ner
