// The stored-data codec: dictionary training, packing and unpacking, and what damaged or foreign data
// gives.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include "common/base/errors.hpp"
#include "common/store/schema.hpp"
#include "common/store/stored_data.hpp"

using newsdex::DataDictionary;
using newsdex::DataPacker;
using newsdex::DataUnpacker;

namespace {

// Article JSON of the shape document.cpp writes, varied enough to train on.
std::string article_json(int n) {
  static const char* words[] = {"minister", "harbour", "strike", "council", "grain", "budget", "election", "bridge"};
  std::string body;
  for (int i = 0; i < 60; ++i) body += std::string(words[(n * 7 + i * 3) % 8]) + (i % 9 == 8 ? ". " : " ");
  return R"({"author":"","duplicates":[],"entities":{"organisations":[{"key":"harbour workers union","mentions":)" +
         std::to_string(n % 4 + 1) + R"(,"name":"Harbour Workers Union"}],"people":[],"places":[{"key":"essling","mentions":1,"name":"Essling"}]},"id":"file:/data/feed.jsonl#)" +
         std::to_string(n) + R"(","lede":"","paragraphs":[")" + body + R"("],"path":"/data/feed.jsonl","position":)" +
         std::to_string(n) + R"(,"published":"2024-11-)" + std::to_string(10 + n % 20) +
         R"(T08:00:00","source":"The Valdermoor Courier","title":"Story number )" + std::to_string(n) + R"(","url":""})";
}

std::vector<std::string> samples(int count) {
  std::vector<std::string> out;
  for (int n = 0; n < count; ++n) out.push_back(article_json(n));
  return out;
}

}  // namespace

TEST_CASE("packed article data comes back unchanged and smaller", "[stored_data]") {
  auto dictionary = DataDictionary::train(samples(300));
  REQUIRE(dictionary);
  CHECK(dictionary->id() != 0);
  DataPacker packer(*dictionary);
  DataUnpacker unpacker{Xapian::Database()};
  unpacker.add(*dictionary);
  for (int n : {0, 299, 300, 5000}) {  // trained on, and not
    auto json = article_json(n);
    auto packed = packer.pack(json);
    CHECK(packed.size() * 4 < json.size());
    CHECK(packed.front() != '{');
    CHECK(unpacker.unpack(packed) == json);
  }
}

TEST_CASE("data stored before a dictionary existed is read as it is", "[stored_data]") {
  DataUnpacker unpacker{Xapian::Database()};
  for (std::string plain : {std::string(R"({"title":"x"})"), std::string(), std::string("not json at all")})
    CHECK(unpacker.unpack(plain) == plain);
}

TEST_CASE("the dictionary is found in the database's metadata by the id in the data", "[stored_data]") {
  auto dictionary = DataDictionary::train(samples(300));
  REQUIRE(dictionary);
  auto packed = DataPacker(*dictionary).pack(article_json(7));
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  SECTION("stored: found") {
    db.set_metadata(newsdex::data_dictionary_key(dictionary->id()), dictionary->bytes());
    CHECK(DataUnpacker(db).unpack(packed) == article_json(7));
  }
  SECTION("missing: a clear error, not garbage") {
    try {
      DataUnpacker(db).unpack(packed);
      FAIL("no error for a missing dictionary");
    } catch (const newsdex::DatabaseError& e) {
      CHECK(std::string(e.what()).find("compression dictionary " + std::to_string(dictionary->id())) !=
            std::string::npos);
    }
  }
}

TEST_CASE("damaged packed data reads as empty, never as a crash", "[stored_data]") {
  auto dictionary = DataDictionary::train(samples(300));
  REQUIRE(dictionary);
  auto packed = DataPacker(*dictionary).pack(article_json(3));
  DataUnpacker unpacker{Xapian::Database()};
  unpacker.add(*dictionary);
  auto truncated = packed.substr(0, packed.size() / 2);
  CHECK(unpacker.unpack(truncated).empty());
  auto flipped = packed;
  flipped[flipped.size() - 3] ^= 0x5A;
  auto result = unpacker.unpack(flipped);  // zstd may or may not notice; it must not crash or overrun
  CHECK(result.size() <= article_json(3).size());
  CHECK(unpacker.unpack(std::string("\x28\xB5\x2F\xFD", 4)).empty());  // the magic alone
}

TEST_CASE("too few samples train no dictionary", "[stored_data]") {
  CHECK_FALSE(DataDictionary::train(samples(2)));
  CHECK_FALSE(DataDictionary::train({}));
  CHECK_THROWS_AS(DataDictionary("not a dictionary"), newsdex::DatabaseError);
}
