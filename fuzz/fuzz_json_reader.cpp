// libFuzzer target: the JSON / JSON Lines export reader. The first byte picks the file name the
// reader sees (.json or .jsonl), so both ways of splitting a file into articles are exercised.
#include "fuzz/fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  newsdex::fuzz::read_as(data + 1, size - 1, newsdex::InputFormat::json, data[0] & 1 ? "fuzz.jsonl" : "fuzz.json");
  return 0;
}
