// libFuzzer target: the plain-text page reader and the cleaner behind it (format text).
#include "fuzz/fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  newsdex::fuzz::read_as(data, size, newsdex::InputFormat::text, "fuzz.txt");
  return 0;
}
