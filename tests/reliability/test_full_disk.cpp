// Promise: when the disk fills up, newsdex-index stops with a clear message and exit 5, and the part
// of the index committed before stays valid and searchable. The test makes a small tmpfs to fill;
// where it may not mount one (not root, no CAP_SYS_ADMIN) it is skipped with a warning.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/reliability/child_process.hpp"
#include "tests/reliability/collection.hpp"
#include "tests/reliability/index_checks.hpp"
#include "tests/reliability/tmpfs_mount.hpp"
#include "tests/support.hpp"

using namespace newsdex::test;
namespace fs = std::filesystem;

TEST_CASE("a full disk stops the indexer with exit 5 and keeps the committed index valid", "[reliability][full-disk]") {
  TempDir dir("full-disk");
  TmpfsMount small(dir.path() / "mnt", "3m");
  if (!small.mounted()) {
    WARN("SKIPPED: cannot mount a small tmpfs to fill (" << small.error() << "; needs root or CAP_SYS_ADMIN)");
    return;
  }
  CollectionShape good_shape;
  good_shape.tag = "good";
  good_shape.text_files = 60;
  good_shape.jsonl_files = 1;
  good_shape.lines_per_jsonl = 20;
  auto good = make_collection(dir.path() / "good", good_shape);
  CollectionShape big_shape;
  big_shape.tag = "big";
  auto big = make_collection(dir.path() / "big", big_shape);
  auto db = dir.path() / "mnt" / "db";

  auto first = run_command(shell_quote(index_bin()) + " --quiet --entities none --db " + shell_quote(db.string()) +
                           " " + shell_quote(good.root.string()));
  INFO(first.err);
  REQUIRE(first.exit_code == 0);

  auto filling = run_command(shell_quote(index_bin()) + " --quiet --entities none --commit-every 50 --db " +
                             shell_quote(db.string()) + " " + shell_quote(big.root.string()));
  INFO(filling.err);
  CHECK(filling.exit_code == 5);
  CHECK(filling.err.find("No space left on device") != std::string::npos);
  CHECK(filling.err.find("committed before") != std::string::npos);
  CHECK(filling.err.find("terminate") == std::string::npos);

  auto problems = integrity_problems(db);
  INFO(problems);
  CHECK(problems.empty());
  auto contents = read_index(db);
  for (const auto& id : good.ids) {
    INFO("good article lost: " << id);
    CHECK(contents.ids.count(id) == 1);
  }
  CHECK(contents.records_without_articles.empty());
  auto search =
      run_command(shell_quote(search_bin()) + " --json --db " + shell_quote(db.string()) + " " + good.common_word);
  INFO(search.err);
  REQUIRE(search.exit_code == 0);
  CHECK(nlohmann::json::parse(search.out)["matches"]["lower_bound"] == good.ids.size());

  // Given room again, a re-run completes the index.
  auto roomy = dir.path() / "roomy-db";
  fs::copy(db, roomy, fs::copy_options::recursive);
  auto rerun = run_command(shell_quote(index_bin()) + " --quiet --entities none --db " + shell_quote(roomy.string()) +
                           " " + shell_quote(good.root.string()) + " " + shell_quote(big.root.string()));
  INFO(rerun.err);
  CHECK(rerun.exit_code == 0);
  auto expected = good.ids;
  expected.insert(big.ids.begin(), big.ids.end());
  auto missing = differences(read_index(roomy), expected);
  INFO(missing);
  CHECK(missing.empty());
}
