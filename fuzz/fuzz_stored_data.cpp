// libFuzzer target: reading stored document data (stored_data.hpp, stored_article.hpp). Input "P..."
// packs the rest and must read back unchanged; any other input is read as stored data, which must
// never crash, hang or read out of bounds, whether plain JSON, a zstd frame or neither.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/base/errors.hpp"
#include "common/store/stored_article.hpp"
#include "common/store/stored_data.hpp"

namespace {

const newsdex::DataDictionary& dictionary() {
  static const newsdex::DataDictionary trained = [] {
    std::vector<std::string> samples;
    for (int n = 0; n < 300; ++n)
      samples.push_back(R"({"id":"file:/data/feed.jsonl#)" + std::to_string(n) + R"(","title":"Story )" +
                        std::to_string(n * 7919 % 1000) + R"(","paragraphs":["The council met on day )" +
                        std::to_string(n) + R"( to discuss the harbour."],"entities":{"people":[]}})");
    return *newsdex::DataDictionary::train(samples);
  }();
  return trained;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  static newsdex::DataPacker packer(dictionary());
  static newsdex::DataUnpacker unpacker = [] {
    newsdex::DataUnpacker made{Xapian::Database()};
    made.add(dictionary());
    return made;
  }();
  if (!input.empty() && input[0] == 'P') {
    auto json = input.substr(1);
    if (unpacker.unpack(packer.pack(json)) != json) __builtin_trap();
    return 0;
  }
  try {
    auto article = newsdex::article_from_stored_data(unpacker.unpack(input));
    (void)article;
  } catch (const newsdex::DatabaseError&) {
    // a frame naming a dictionary nobody has: a clear error, as the searcher reports it
  }
  return 0;
}
