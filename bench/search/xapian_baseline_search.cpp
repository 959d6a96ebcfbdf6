// The bare Xapian search baseline: a QueryParser + Enquire loop over queries read from stdin, one per
// line ("qid<TAB>text" or just text). It is the peer for newsdex-search's latency, and its options
// are the ranking levers whose effect docs/benchmarks.md reports (BM25 parameters, stop words, query
// case, AND/OR, pseudo-relevance feedback). Output: TREC run lines with --trec, otherwise one line per
// query "qid<TAB>matches<TAB>microseconds<TAB>ids" flushed at once, so a caller can time each query.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iostream>
#include <xapian.h>

#include "stopwords.hpp"

namespace {

struct Options {
  std::string db_path;
  unsigned limit = 10;
  double k1 = 1.0, b = 0.5, k3 = 1.0, min_normlen = 0.5;  // Xapian's BM25Weight defaults
  std::string op = "or";
  std::string stopwords = "none";
  bool lowercase = false;
  unsigned prf_terms = 0, prf_docs = 10;
  double prf_weight = 0.5;
  std::string expansion = "trad";
  std::string trec_tag;
};

// Accepts only stemmed (Z-prefixed) terms not already in the query: the words a user would add.
class ExpansionTerms : public Xapian::ExpandDecider {
 public:
  explicit ExpansionTerms(const Xapian::Query& query) : query_terms_(query.get_terms_begin(), query.get_terms_end()) {}
  bool operator()(const std::string& term) const override {
    return term.size() > 1 && term[0] == 'Z' &&
           std::find(query_terms_.begin(), query_terms_.end(), term) == query_terms_.end();
  }

 private:
  std::vector<std::string> query_terms_;
};

Xapian::Query expand(Xapian::Enquire& enquire, const Xapian::Query& query, const Options& options) {
  enquire.set_expansion_scheme(options.expansion);
  auto top = enquire.get_mset(0, options.prf_docs);
  if (top.empty()) return query;
  Xapian::RSet relevant;
  for (auto it = top.begin(); it != top.end(); ++it) relevant.add_document(*it);
  ExpansionTerms decider(query);
  auto terms = enquire.get_eset(options.prf_terms, relevant, &decider);
  if (terms.empty()) return query;
  Xapian::Query added(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, added, options.prf_weight));
}

void set_up_parser(Xapian::QueryParser& parser, Xapian::SimpleStopper& stopper, const Options& options,
                   const Xapian::Database& db) {
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(options.op == "and" ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  if (options.stopwords == "builtin") {
    for (auto word : bench::english_stopwords) stopper.add(std::string(word));
  } else if (options.stopwords != "none") {
    std::ifstream in(options.stopwords);
    if (!in) throw std::runtime_error("cannot read stop-word file " + options.stopwords);
    std::string word;
    while (in >> word) {
      std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
      stopper.add(word);
    }
  }
  if (options.stopwords != "none") parser.set_stopper(&stopper);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"xapian-baseline-search: bare Xapian query loop over stdin (benchmark and ranking baseline)"};
  Options options;
  app.add_option("--db", options.db_path, "Database built by xapian-baseline-index")->required();
  app.add_option("--limit", options.limit, "Results per query")->capture_default_str();
  app.add_option("--k1", options.k1, "BM25 k1")->capture_default_str();
  app.add_option("--b", options.b, "BM25 b")->capture_default_str();
  app.add_option("--k3", options.k3, "BM25 k3 (saturation of words repeated in the query)")->capture_default_str();
  app.add_option("--min-normlen", options.min_normlen, "BM25 min_normlen")->capture_default_str();
  app.add_option("--op", options.op, "Default operator between words")->check(CLI::IsMember({"or", "and"}))->capture_default_str();
  app.add_option("--stopwords", options.stopwords, "none, builtin, or a file of words")->capture_default_str();
  app.add_flag("--lowercase", options.lowercase, "Lower-case query text first (so capitalised words are stemmed)");
  app.add_option("--prf-terms", options.prf_terms, "Pseudo-relevance feedback: terms added (0: off)")->capture_default_str();
  app.add_option("--prf-docs", options.prf_docs, "Pseudo-relevance feedback: top documents used")->capture_default_str();
  app.add_option("--prf-weight", options.prf_weight, "Weight of the added terms")->capture_default_str();
  app.add_option("--prf-scheme", options.expansion, "Expansion weighting: trad or bo1")
      ->check(CLI::IsMember({"trad", "bo1"}))->capture_default_str();
  app.add_option("--trec", options.trec_tag, "Print TREC run lines with this run tag");
  CLI11_PARSE(app, argc, argv);

  try {
    Xapian::Database db(options.db_path);
    Xapian::QueryParser parser;
    Xapian::SimpleStopper stopper;
    set_up_parser(parser, stopper, options, db);
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight(options.k1, 0, options.k3, options.b, options.min_normlen));
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(std::cin, line)) {
      ++line_number;
      auto started = std::chrono::steady_clock::now();
      std::string qid = std::to_string(line_number), text = line;
      if (auto tab = line.find('\t'); tab != std::string::npos) {
        qid = line.substr(0, tab);
        text = line.substr(tab + 1);
      }
      if (options.lowercase)
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
      auto query = parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT);
      enquire.set_query(query);
      if (options.prf_terms > 0) enquire.set_query(expand(enquire, query, options));
      auto matches = enquire.get_mset(0, options.limit);
      std::string ids;
      for (auto it = matches.begin(); it != matches.end(); ++it) {
        auto id = it.get_document().get_data();
        if (!options.trec_tag.empty()) {
          std::cout << qid << " Q0 " << id << ' ' << it.get_rank() + 1 << ' ' << it.get_weight() << ' '
                    << options.trec_tag << '\n';
        } else {
          if (!ids.empty()) ids += ',';
          ids += id;
        }
      }
      auto micros =
          std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
      if (options.trec_tag.empty())
        std::cout << qid << '\t' << matches.get_matches_estimated() << '\t' << micros << '\t' << ids << std::endl;
    }
    return 0;
  } catch (const Xapian::Error& e) {
    std::cerr << "xapian-baseline-search: " << e.get_description() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "xapian-baseline-search: " << e.what() << '\n';
    return 2;
  }
}
