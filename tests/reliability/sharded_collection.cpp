#include "tests/reliability/sharded_collection.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace newsdex::test {
namespace {

void index_into(const std::filesystem::path& db, const std::vector<std::filesystem::path>& files) {
  std::string command = shell_quote(index_bin()) + " -q --db " + shell_quote(db.string());
  for (const auto& file : files) command += " " + shell_quote(file.string());
  auto result = run_command(command);
  INFO(command << "\n" << result.err);
  REQUIRE(result.exit_code == 0);
}

double rounded(double weight) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", weight);
  return std::strtod(text, nullptr);
}

// Shards indexed apart each decide their entities' collection-wide keys from their own articles
// (docs/entities.md, "Across the collection"): one collection's shards share that decision only when
// indexed as one (newsdex-index --shards). So the entities of hits, the entity facets and co-occurrence
// are left out here; everything else (counts, order, weights, snippets, the source and date facets and
// their names) must be equal.
void make_comparable(nlohmann::json& document) {
  document.erase("timing_ms");
  document.erase("cooccurrence");
  if (document.contains("facets"))
    for (const auto* field : {"person", "org", "place"}) document["facets"].erase(field);
  if (!document.contains("results")) return;
  for (auto& hit : document["results"]) {
    hit.erase("docid");
    hit.erase("entities");
    hit.erase("path");  // a test may give the shards the same articles in other files
    hit.erase("position");
    if (hit.contains("weight") && hit["weight"].is_number()) hit["weight"] = rounded(hit["weight"].get<double>());
  }
}

}  // namespace

void ShardedCollection::index(const std::vector<std::vector<std::filesystem::path>>& files_of_shard) {
  single = dir.path() / "single";
  std::vector<std::filesystem::path> all;
  std::string stub;
  for (std::size_t i = 0; i < files_of_shard.size(); ++i) {
    all.insert(all.end(), files_of_shard[i].begin(), files_of_shard[i].end());
    shards.push_back(dir.path() / ("shard" + std::to_string(i)));
    index_into(shards.back(), files_of_shard[i]);
    stub += "auto " + shards.back().filename().string() + "\n";  // relative to the stub
  }
  index_into(single, all);
  write_file(local_stub(), "# the shards, as local paths\n" + stub);
}

void ShardedCollection::serve() {
  std::string stub;
  for (const auto& shard : shards) {
    servers.push_back(std::make_unique<TcpServer>(std::vector<std::filesystem::path>{shard}, dir.path()));
    stub += servers.back()->stub_line() + "\n";
  }
  write_file(remote_stub(), stub);
}

std::string ShardedCollection::single_db() const { return "--db " + shell_quote(single.string()); }

std::string ShardedCollection::shards_db() const {
  std::string out;
  for (const auto& shard : shards) out += (out.empty() ? "" : " ") + std::string("--db ") + shell_quote(shard.string());
  return out;
}

nlohmann::json comparable_search(const std::string& db, const std::string& args) {
  auto command = shell_quote(search_bin()) + " " + db + " --json " + args;
  auto result = run_command(command);
  INFO(command << "\n" << result.err);
  REQUIRE(result.exit_code == 0);
  auto document = nlohmann::json::parse(result.out);
  make_comparable(document);
  return document;
}

std::vector<nlohmann::json> comparable_batch(const std::string& db, const std::string& lines) {
  auto command = shell_quote(search_bin()) + " " + db + " --batch";
  auto result = run_command(command, lines);
  INFO(command << "\n" << result.err);
  REQUIRE(result.exit_code == 0);
  std::vector<nlohmann::json> documents;
  std::istringstream out(result.out);
  std::string line;
  while (std::getline(out, line)) {
    documents.push_back(nlohmann::json::parse(line));
    make_comparable(documents.back());
  }
  return documents;
}

}  // namespace newsdex::test
