// libFuzzer target: the HTML reader (gumbo DOM, metadata, JSON-LD, main-content extraction).
#include "fuzz/fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  newsdex::fuzz::read_as(data, size, newsdex::InputFormat::html, "fuzz.html");
  return 0;
}
