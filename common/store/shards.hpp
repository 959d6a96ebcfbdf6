// The shards behind one --db list: each local database or remote server (xapian-tcpsrv) opened on its
// own, named for messages, and all combined for searching. Xapian's combined database answers metadata
// (compression dictionaries, display names) from its first shard only, so those are asked of each
// shard here (docs/distributed.md).
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

namespace newsdex {

// One shard as a --db list or a stub file names it.
struct ShardAddress {
  enum class Kind { local, remote_tcp, remote_program };
  Kind kind = Kind::local;
  std::string location;   // the path, the host, or the program
  unsigned port = 0;      // remote_tcp
  std::string arguments;  // remote_program
  std::string name;       // for messages: "127.0.0.1:5001 (stub.txt line 2)", or the path
};

// The shards a list of --db paths names: a folder (a newsdex database, or a Xapian database) is one
// shard; a file is a Xapian stub listing several (`auto`, `glass` lines relative to it, which may be
// stubs again; `remote HOST:PORT`; `remote :PROGRAM ARGS`; `#` comments). Throws UsageError naming the
// file and line of a line it cannot read, DatabaseError (no database) for a path that is not there.
std::vector<ShardAddress> shard_addresses(const std::vector<std::string>& paths);

// Parses one stub file's text (`stub` is its path, for relative paths and messages).
std::vector<ShardAddress> parse_stub(const std::string& stub, const std::string& text);

// Opens one shard (the schema checked); Xapian's errors pass through.
Xapian::Database open_shard(const ShardAddress& address);

// The one-line error for a shard that could not be opened or answered: names it and says why.
std::string shard_problem(const ShardAddress& address, const std::string& reason);

struct MissingShard {
  std::string name;     // as ShardAddress::name
  std::string problem;  // the one-line error
};

struct OpenShards {
  Xapian::Database combined;               // every shard that opened, as one
  std::vector<Xapian::Database> shards;    // the same, each on its own, in combined's order
  std::vector<ShardAddress> addresses;     // of each open shard
  std::vector<MissingShard> missing;       // with allow_partial: the shards left out, each with why
};

// Opens every shard of `paths`. Without allow_partial the first shard that cannot be opened throws a
// DatabaseError naming it; with it, such shards are listed in `missing` (at least one must open).
OpenShards open_shards(const std::vector<std::string>& paths, bool allow_partial = false);

}  // namespace newsdex
