#include "common/entities/gazetteer.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "common/base/errors.hpp"
#include "common/entities/hash.hpp"
#include "common/entities/tokenizer.hpp"
#include "common/entities/unicode.hpp"

namespace newsdex::ner {
namespace {

// Lists of lower-case cue words ("bank", "minister") match whatever the case of the text.
constexpr std::uint16_t kCaseFreeLists = (1u << static_cast<int>(GazetteerList::title)) |
                                         (1u << static_cast<int>(GazetteerList::loc_cue)) |
                                         (1u << static_cast<int>(GazetteerList::org_cue)) |
                                         (1u << static_cast<int>(GazetteerList::company_suffix));

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ExitCode::io_error, "cannot read the NER model's gazetteer list " + path.string() +
                                        " (run scripts/train-ner.sh to rebuild data/ner/)");
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace

Gazetteer Gazetteer::load(const std::filesystem::path& dir) {
  Gazetteer gazetteer;
  std::uint64_t digest = 0;
  for (std::size_t list = 0; list < kGazetteerLists; ++list) {
    const std::string contents = read_whole(dir / (std::string(kGazetteerListNames[list]) + ".txt"));
    std::istringstream lines(contents);
    std::string line;
    std::vector<std::uint64_t> hashes;
    digest = combine(digest, list);
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      digest = combine(digest, hash_text(line));  // entries only: comments may change freely
      hashes.clear();
      for (const Token& token : tokenize(line)) hashes.push_back(hash_text(to_lower(token.text)));
      if (!hashes.empty() && hashes.size() <= kMaxEntryTokens) gazetteer.add(static_cast<GazetteerList>(list), hashes);
    }
  }
  gazetteer.digest_ = digest;
  gazetteer.freeze();
  return gazetteer;
}

void Gazetteer::add(GazetteerList list, const std::vector<std::uint64_t>& token_hashes) {
  const std::size_t bit = first_token_bit(token_hashes.front());
  first_tokens_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  if (kCaseFreeLists & (1u << static_cast<int>(list))) case_free_first_tokens_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  std::uint32_t node = 0;
  for (const std::uint64_t hash : token_hashes) {
    const auto [it, inserted] = building_.try_emplace(combine(node, hash), static_cast<std::uint32_t>(node_lists_.size()));
    if (inserted) node_lists_.push_back(0);
    node = it->second;
  }
  node_lists_[node] |= static_cast<std::uint16_t>(1u << static_cast<int>(list));
  ++entries_;
}

void Gazetteer::freeze() {
  children_ = FlatIndex({building_.begin(), building_.end()});
  building_ = {};
}

std::uint32_t Gazetteer::child(std::uint32_t node, std::uint64_t token_hash) const {
  const std::uint32_t* found = children_.find(combine(node, token_hash));
  return found ? *found : 0;
}

std::size_t Gazetteer::prefix_length(GazetteerList list, std::span<const std::uint64_t> lower_hashes) const {
  std::size_t longest = 0;
  std::uint32_t node = 0;
  if (lower_hashes.empty() || !test(first_tokens_, lower_hashes[0])) return 0;
  for (std::size_t i = 0; i < lower_hashes.size() && i < kMaxEntryTokens; ++i) {
    node = child(node, lower_hashes[i]);
    if (node == 0) break;
    if (node_lists_[node] & (1u << static_cast<int>(list))) longest = i + 1;
  }
  return longest;
}

void Gazetteer::match(std::span<const std::uint64_t> lower_hashes, std::span<const std::uint8_t> capitalised,
                      std::span<MatchBits> bits) const {
  const std::size_t n = lower_hashes.size();
  std::fill(bits.begin(), bits.end(), MatchBits{0});
  for (std::size_t start = 0; start < n; ++start) {
    if (!test(capitalised[start] ? first_tokens_ : case_free_first_tokens_, lower_hashes[start])) continue;
    const std::uint16_t allowed = capitalised[start] ? 0xFFFF : kCaseFreeLists;
    std::array<std::size_t, kGazetteerLists> longest{};  // length of the longest match per list
    std::uint32_t node = 0;
    for (std::size_t end = start; end < n && end - start < kMaxEntryTokens; ++end) {
      node = child(node, lower_hashes[end]);
      if (node == 0) break;
      const std::uint16_t lists = node_lists_[node] & allowed;
      for (std::size_t list = 0; list < kGazetteerLists; ++list) {
        if (lists & (1u << list)) longest[list] = end - start + 1;
      }
    }
    for (std::size_t list = 0; list < kGazetteerLists; ++list) {
      const std::size_t length = longest[list];
      if (length == 0) continue;
      const auto bit = [&](int position) { return MatchBits{1} << (4 * list + static_cast<std::size_t>(position)); };
      if (length == 1) {
        bits[start] |= bit(3);
        continue;
      }
      bits[start] |= bit(0);
      for (std::size_t i = start + 1; i + 1 < start + length; ++i) bits[i] |= bit(1);
      bits[start + length - 1] |= bit(2);
    }
  }
}

}  // namespace newsdex::ner
