// The indexer's problem digest (common/index/problem_digest.hpp): kinds, and what is shown when.
#include <catch2/catch.hpp>

#include "common/index/problem_digest.hpp"

using newsdex::ProblemDetail;
using newsdex::ProblemDigest;
using newsdex::ReadProblem;

TEST_CASE("problem kinds leave out positions, numbers and details", "[unit][digest]") {
  struct Case {
    const char* message;
    const char* kind;
  };
  const Case cases[] = {
      {"no publication date found: recorded as missing", "no publication date found"},
      {"item 3: skipped: no article body (title only)", "no article body"},
      {"skipped: larger than the size limit (10485760 bytes; see --max-file-size)", "larger than the size limit"},
      {"same url as line 7 but another article: both kept, this one as url:x#body-1",
       "same url as line N but another article"},
      {"HTML nested more than 1000 levels deep: read as if", "HTML nested more than N levels deep"},
      {"invalid UTF-8: 3 bad byte(s) replaced with U+FFFD", "invalid UTF-8"},
      {"line 12: no title found", "no title found"},
      {"skipped: not a text file (ELF)", "not a text file"},
  };
  for (const auto& c : cases) {
    INFO(c.message);
    CHECK(newsdex::problem_kind(c.message) == c.kind);
  }
}

TEST_CASE("the digest shows errors at once and summarises the rest by kind", "[unit][digest]") {
  auto warning = [](int i) {
    return ReadProblem{"p" + std::to_string(i) + ".txt", 1, "no publication date found: recorded as missing"};
  };
  const ReadProblem error{"gone", 0, "cannot read: no such file or folder", true, true};
  const ReadProblem empty{"e.txt", 0, "skipped: empty file", true};

  ProblemDigest normal(ProblemDetail::summary);
  CHECK(normal.add(error) == "gone: cannot read: no such file or folder");
  CHECK_FALSE(normal.add(empty));
  for (int i = 0; i < 5; ++i) CHECK_FALSE(normal.add(warning(i)));
  CHECK(normal.summary() ==
        std::vector<std::string>{"e.txt: skipped: empty file",
                                 "warning: no publication date found: 5 times, first at p0.txt:1, p1.txt:1, p2.txt:1 "
                                 "(--verbose shows each)"});

  ProblemDigest verbose(ProblemDetail::every_problem);
  CHECK(verbose.add(empty) == "e.txt: skipped: empty file");
  for (int i = 0; i < 5; ++i) CHECK(verbose.add(warning(i)));
  CHECK(verbose.summary() ==
        std::vector<std::string>{"warning: no publication date found: 5 times, first at p0.txt:1, p1.txt:1, p2.txt:1"});

  ProblemDigest quiet(ProblemDetail::errors_only);
  CHECK(quiet.add(error));
  CHECK_FALSE(quiet.add(empty));
  CHECK_FALSE(quiet.add(warning(1)));
  CHECK(quiet.summary().empty());
}
