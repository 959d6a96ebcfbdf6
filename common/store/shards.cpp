#include "common/store/shards.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/base/errors.hpp"
#include "common/store/database.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

constexpr int max_stub_depth = 8;  // a stub naming itself, directly or not, stops here

// Xapian's own timeouts (10 s) for a remote shard: a server that is down refuses at once; one that
// hangs is given up on after this long.
constexpr unsigned remote_timeout_ms = 10000;

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A single-file glass database is a file too: it is binary, a stub is text.
bool is_stub_text(const std::string& text) { return text.find('\0') == std::string::npos; }

std::string relative_to(const std::string& stub, const std::string& path) {
  if (fs::path(path).is_absolute()) return path;
  return (fs::path(stub).parent_path() / path).lexically_normal().string();
}

void add_addresses(const std::string& path, int depth, std::vector<ShardAddress>& out);

void add_stub_line(const std::string& stub, std::size_t line_number, std::string line, int depth,
                   std::vector<ShardAddress>& out) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty() || line[0] == '#') return;
  auto where = stub + " line " + std::to_string(line_number);
  auto space = line.find(' ');
  auto type = line.substr(0, space);
  auto rest = space == std::string::npos ? std::string() : line.substr(space + 1);
  if ((type == "auto" || type == "glass") && !rest.empty()) {
    auto path = relative_to(stub, rest);
    std::error_code error;
    if (fs::is_regular_file(path, error) && is_stub_text(read_whole(path))) {
      if (depth >= max_stub_depth) throw UsageError(where + ": stubs nest too deep (does a stub name itself?)");
      add_addresses(path, depth + 1, out);
      return;
    }
    out.push_back({ShardAddress::Kind::local, path, 0, {}, path + " (" + where + ")"});
    return;
  }
  if (type == "remote" && !rest.empty() && rest[0] == ':') {
    auto blank = rest.find(' ');
    auto program = rest.substr(1, blank == std::string::npos ? std::string::npos : blank - 1);
    auto arguments = blank == std::string::npos ? std::string() : rest.substr(blank + 1);
    out.push_back({ShardAddress::Kind::remote_program, program, 0, arguments, rest.substr(1) + " (" + where + ")"});
    return;
  }
  if (type == "remote" && !rest.empty()) {
    auto colon = rest.rfind(':');
    auto port_text = colon == std::string::npos ? std::string() : rest.substr(colon + 1);
    char* end = nullptr;
    long port = port_text.empty() ? 0 : std::strtol(port_text.c_str(), &end, 10);
    if (port <= 0 || port > 65535 || *end != '\0')
      throw UsageError(where + ": '" + line + "' names no port (remote HOST:PORT, as xapian-tcpsrv serves)");
    auto host = rest.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    out.push_back({ShardAddress::Kind::remote_tcp, host, static_cast<unsigned>(port), {}, rest + " (" + where + ")"});
    return;
  }
  throw UsageError(where + ": cannot read '" + line +
                   "' (a stub lists shards as 'auto PATH', 'glass PATH', 'remote HOST:PORT' or 'remote :PROGRAM ARGS')");
}

void add_addresses(const std::string& path, int depth, std::vector<ShardAddress>& out) {
  std::error_code error;
  if (fs::is_regular_file(path, error)) {
    auto text = read_whole(path);
    if (is_stub_text(text)) {
      auto shards = parse_stub(path, text);
      if (shards.empty()) throw UsageError(path + ": the stub lists no database");
      for (auto& shard : shards) out.push_back(std::move(shard));
      return;
    }
  }
  (void)depth;
  out.push_back({ShardAddress::Kind::local, path, 0, {}, path});
}

}  // namespace

std::vector<ShardAddress> parse_stub(const std::string& stub, const std::string& text) {
  std::vector<ShardAddress> out;
  std::istringstream lines(text);
  std::string line;
  std::size_t number = 0;
  while (std::getline(lines, line)) add_stub_line(stub, ++number, line, 1, out);
  return out;
}

std::vector<ShardAddress> shard_addresses(const std::vector<std::string>& paths) {
  std::vector<ShardAddress> out;
  for (const auto& path : paths) {
    std::error_code error;
    if (!fs::exists(path, error) && !fs::exists(path + ".stub", error))
      throw DatabaseError(ExitCode::no_database,
                          "no database at " + path + ": create one with 'newsdex-index --db " + path + " FOLDER'");
    add_addresses(path, 0, out);
  }
  return out;
}

Xapian::Database open_shard(const ShardAddress& address) {
  Xapian::Database db;
  switch (address.kind) {
    case ShardAddress::Kind::local: return open_local_for_reading(address.location);
    case ShardAddress::Kind::remote_tcp:
      db = Xapian::Remote::open(address.location, address.port, remote_timeout_ms, remote_timeout_ms);
      break;
    case ShardAddress::Kind::remote_program: db = Xapian::Remote::open(address.location, address.arguments); break;
  }
  check_schema(db, address.name);
  return db;
}

std::string shard_problem(const ShardAddress& address, const std::string& reason) {
  if (address.kind == ShardAddress::Kind::local) return "cannot read database " + address.name + ": " + reason;
  return "shard " + address.name + " cannot be reached: " + reason +
         " (is its xapian-tcpsrv running? --allow-partial answers from the other shards)";
}

OpenShards open_shards(const std::vector<std::string>& paths, bool allow_partial) {
  OpenShards open;
  for (const auto& address : shard_addresses(paths)) {
    try {
      try {
        auto shard = open_shard(address);
        open.combined.add_database(shard);
        open.shards.push_back(std::move(shard));
        open.addresses.push_back(address);
      } catch (const Xapian::Error& e) {
        throw DatabaseError(ExitCode::io_error, shard_problem(address, e.get_msg()));
      }
    } catch (const DatabaseError& e) {
      if (!allow_partial) throw;
      open.missing.push_back({address.name, e.what()});
    }
  }
  if (open.shards.empty() && !open.missing.empty())
    throw DatabaseError(ExitCode::io_error, "no shard could be opened: " + open.missing.front().problem);
  return open;
}

}  // namespace newsdex
