// A collection indexed twice for the shard tests: into one database, and into shards built apart (each
// file to one shard), with stub files listing the shards as local paths and as xapian-tcpsrv servers.
#pragma once
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tests/reliability/tcp_server.hpp"
#include "tests/support.hpp"

namespace newsdex::test {

struct ShardedCollection {
  explicit ShardedCollection(const std::string& name) : dir(name) {}
  TempDir dir;
  std::filesystem::path single;               // every article in one database
  std::vector<std::filesystem::path> shards;  // the same articles spread over several
  std::vector<std::unique_ptr<TcpServer>> servers;  // one per shard, after serve()
  std::filesystem::path local_stub() const { return dir.path() / "local.stub"; }
  std::filesystem::path remote_stub() const { return dir.path() / "remote.stub"; }

  // `files_of_shard[i]`: the inputs of shard i (the single database gets them all).
  void index(const std::vector<std::vector<std::filesystem::path>>& files_of_shard);
  // Starts one xapian-tcpsrv per shard and writes remote_stub().
  void serve();

  // The --db options: of the single database, the shards as several --db, the local and remote stubs.
  std::string single_db() const;
  std::string shards_db() const;
  std::string local_stub_db() const { return "--db " + shell_quote(local_stub().string()); }
  std::string remote_stub_db() const { return "--db " + shell_quote(remote_stub().string()); }
};

// newsdex-search `args` --json on `db`: the JSON with what may differ between shard layouts taken
// out (timings, docids) and weights rounded to 9 digits; the run must succeed.
nlohmann::json comparable_search(const std::string& db, const std::string& args);

// The JSON lines of newsdex-search --batch on `db` with `lines`, made comparable the same way.
std::vector<nlohmann::json> comparable_batch(const std::string& db, const std::string& lines);

}  // namespace newsdex::test
