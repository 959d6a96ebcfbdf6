// Body-extraction quality on the article-extraction benchmark's development pages (../shared): the
// word 4-gram F1 of /work/shared/tools/body_score.py, recomputed here so that a regression fails a test.
// bench/body_extraction/run.sh gives the exact figure; this test only guards a safe floor.
#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/readers/html_page.hpp"
#include "tests/support.hpp"

using namespace newsdex;

namespace {

// Tokens as Python's \w+ finds them: runs of letters, digits and underscores.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t at = 0, size = static_cast<utf8proc_ssize_t>(text.size());
  while (at < size) {
    utf8proc_int32_t point = 0;
    auto length = utf8proc_iterate(bytes + at, size - at, &point);
    if (length <= 0) {
      length = 1;
      point = -1;
    }
    auto category = point < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(point);
    bool word = point == '_' || (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
    if (word) {
      current.append(text, static_cast<std::size_t>(at), static_cast<std::size_t>(length));
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
    at += length;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::map<std::string, int> grams(const std::string& text) {
  auto tokens = words(text);
  std::map<std::string, int> counts;
  if (tokens.size() < 4) {
    if (!tokens.empty()) {
      std::string all;
      for (const auto& token : tokens) all += token + ' ';
      ++counts[all];
    }
    return counts;
  }
  for (std::size_t i = 0; i + 4 <= tokens.size(); ++i) ++counts[tokens[i] + ' ' + tokens[i + 1] + ' ' + tokens[i + 2] + ' ' + tokens[i + 3]];
  return counts;
}

struct PageScore {
  double true_positive = 0, false_positive = 0, false_negative = 0;
};

PageScore score_page(const std::string& gold, const std::string& predicted) {
  auto g = grams(gold), p = grams(predicted);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [gram, count] : p) {
    auto found = g.find(gram);
    int shared = found == g.end() ? 0 : std::min(count, found->second);
    tp += shared;
    fp += count - shared;
  }
  for (const auto& [gram, count] : g) {
    auto found = p.find(gram);
    fn += count - (found == p.end() ? 0 : std::min(count, found->second));
  }
  double total = tp + fp + fn;
  if (total == 0) return {};
  return {tp / total, fp / total, fn / total};
}

}  // namespace

TEST_CASE("HTML body extraction keeps F1 above a safe floor on the benchmark pages", "[html][shared]") {
  NEWSDEX_REQUIRE_SHARED(shared);
  auto corpus = shared / "corpora/article-extraction-benchmark";
  std::ifstream gold_file(corpus / "ground-truth.json");
  REQUIRE(gold_file);
  auto gold = nlohmann::json::parse(gold_file);
  std::vector<double> precisions, recalls;
  for (const auto& [id, item] : gold.items()) {
    auto page = test::run_command("gzip -dc " + test::shell_quote((corpus / "html" / (id + ".html.gz")).string()));
    REQUIRE(page.exit_code == 0);
    auto read = read_html_page(page.out, id);
    std::string predicted;
    for (const auto& paragraph : read.articles.front().paragraphs) predicted += paragraph + "\n";
    auto s = score_page(item.value("articleBody", ""), predicted);
    bool perfect = s.false_positive == 0 && s.false_negative == 0;
    if (s.true_positive + s.false_positive > 0)
      precisions.push_back(perfect ? 1.0 : s.true_positive / (s.true_positive + s.false_positive));
    if (s.true_positive + s.false_negative > 0)
      recalls.push_back(perfect ? 1.0 : s.true_positive / (s.true_positive + s.false_negative));
  }
  REQUIRE(!precisions.empty());
  REQUIRE(!recalls.empty());
  double precision = 0, recall = 0;
  for (double p : precisions) precision += p;
  for (double r : recalls) recall += r;
  precision /= static_cast<double>(precisions.size());
  recall /= static_cast<double>(recalls.size());
  double f1 = 2 * precision * recall / (precision + recall);
  INFO("pages " << gold.size() << "  precision " << precision << "  recall " << recall << "  F1 " << f1);
  CHECK(f1 >= 0.93);
  CHECK(precision >= 0.90);
  CHECK(recall >= 0.90);
}
