#include "common/store/stored_data.hpp"

#include <zdict.h>
#include <zstd.h>

#include <cstring>

#include "common/base/errors.hpp"
#include "common/store/schema.hpp"

namespace newsdex {
namespace {

constexpr std::size_t dictionary_capacity = 64 * 1024;  // larger gained under 2% on Reuters
constexpr int compression_level = 3;                    // zstd's default: level 6 saved 3% at 4x the time
constexpr unsigned char zstd_magic[] = {0x28, 0xB5, 0x2F, 0xFD};
constexpr unsigned long long largest_data = 256ull << 20;  // a damaged header must not make us allocate more

bool is_zstd_frame(std::string_view data) {
  return data.size() >= sizeof zstd_magic && std::memcmp(data.data(), zstd_magic, sizeof zstd_magic) == 0;
}

struct FreeCCtx {
  void operator()(ZSTD_CCtx* p) const { ZSTD_freeCCtx(p); }
};
struct FreeCDict {
  void operator()(ZSTD_CDict* p) const { ZSTD_freeCDict(p); }
};
struct FreeDCtx {
  void operator()(ZSTD_DCtx* p) const { ZSTD_freeDCtx(p); }
};
struct FreeDDict {
  void operator()(ZSTD_DDict* p) const { ZSTD_freeDDict(p); }
};

}  // namespace

std::optional<DataDictionary> DataDictionary::train(const std::vector<std::string>& samples) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const auto& sample : samples) {
    joined += sample;
    sizes.push_back(sample.size());
  }
  std::string bytes(dictionary_capacity, '\0');
  auto size = ZDICT_trainFromBuffer(bytes.data(), bytes.size(), joined.data(), sizes.data(),
                                    static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(size)) return std::nullopt;
  bytes.resize(size);
  return DataDictionary(std::move(bytes));
}

DataDictionary::DataDictionary(std::string bytes) : bytes_(std::move(bytes)) {
  id_ = ZSTD_getDictID_fromDict(bytes_.data(), bytes_.size());
  if (id_ == 0) throw DatabaseError(ExitCode::io_error, "the stored compression dictionary is damaged");
}

std::string data_dictionary_key(std::uint32_t id) {
  return std::string(schema::data_dictionary_key) + ":" + std::to_string(id);
}

struct DataPacker::Zstd {
  std::unique_ptr<ZSTD_CCtx, FreeCCtx> context{ZSTD_createCCtx()};
  std::unique_ptr<ZSTD_CDict, FreeCDict> dictionary;
};

DataPacker::DataPacker(const DataDictionary& dictionary) : zstd_(std::make_unique<Zstd>()), id_(dictionary.id()) {
  zstd_->dictionary.reset(
      ZSTD_createCDict(dictionary.bytes().data(), dictionary.bytes().size(), compression_level));
  if (!zstd_->context || !zstd_->dictionary) throw std::bad_alloc();
}

DataPacker::~DataPacker() = default;
DataPacker::DataPacker(DataPacker&&) noexcept = default;
DataPacker& DataPacker::operator=(DataPacker&&) noexcept = default;

std::string DataPacker::pack(std::string_view json) {
  std::string out(ZSTD_compressBound(json.size()), '\0');
  auto size = ZSTD_compress_usingCDict(zstd_->context.get(), out.data(), out.size(), json.data(), json.size(),
                                       zstd_->dictionary.get());
  if (ZSTD_isError(size)) return std::string(json);  // cannot happen with a large enough buffer; plain is still readable
  out.resize(size);
  return out;
}

struct DataUnpacker::Zstd {
  std::unique_ptr<ZSTD_DCtx, FreeDCtx> context{ZSTD_createDCtx()};
  std::map<std::uint32_t, std::unique_ptr<ZSTD_DDict, FreeDDict>> dictionaries;
};

DataUnpacker::DataUnpacker(Xapian::Database database, std::vector<Xapian::Database> shards)
    : database_(std::move(database)), shards_(std::move(shards)), zstd_(std::make_unique<Zstd>()) {
  if (!zstd_->context) throw std::bad_alloc();
}

DataUnpacker::~DataUnpacker() = default;
DataUnpacker::DataUnpacker(DataUnpacker&&) noexcept = default;
DataUnpacker& DataUnpacker::operator=(DataUnpacker&&) noexcept = default;

void DataUnpacker::add(const DataDictionary& dictionary) {
  auto& slot = zstd_->dictionaries[dictionary.id()];
  if (!slot) slot.reset(ZSTD_createDDict(dictionary.bytes().data(), dictionary.bytes().size()));
}

const ZSTD_DDict* DataUnpacker::find_stored(std::uint32_t id) {
  auto key = data_dictionary_key(id);
  auto bytes = database_.get_metadata(key);
  for (std::size_t i = 0; bytes.empty() && i < shards_.size(); ++i) bytes = shards_[i].get_metadata(key);
  if (bytes.empty()) return nullptr;
  DataDictionary stored(std::move(bytes));
  if (stored.id() != id) return nullptr;
  add(stored);
  return zstd_->dictionaries[id].get();
}

const ZSTD_DDict* DataUnpacker::dictionary(std::uint32_t id) {
  if (auto it = zstd_->dictionaries.find(id); it != zstd_->dictionaries.end()) return it->second.get();
  if (auto* found = find_stored(id)) return found;
  database_.reopen();  // written since we opened the database?
  for (auto& shard : shards_) shard.reopen();
  if (auto* found = find_stored(id)) return found;
  throw DatabaseError(ExitCode::io_error, "the stored articles need compression dictionary " + std::to_string(id) +
                                              ", which none of the databases holds (is a database missing from --db?)");
}

std::string DataUnpacker::unpack(std::string stored) {
  if (!is_zstd_frame(stored)) return stored;
  auto size = ZSTD_getFrameContentSize(stored.data(), stored.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > largest_data) return {};
  auto id = ZSTD_getDictID_fromFrame(stored.data(), stored.size());
  std::string json(size, '\0');
  auto written = id == 0 ? ZSTD_decompressDCtx(zstd_->context.get(), json.data(), json.size(), stored.data(), stored.size())
                         : ZSTD_decompress_usingDDict(zstd_->context.get(), json.data(), json.size(), stored.data(),
                                                      stored.size(), dictionary(id));
  if (ZSTD_isError(written) || written != size) return {};
  return json;
}

}  // namespace newsdex
