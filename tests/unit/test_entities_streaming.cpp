// Entity extraction a piece at a time (docs/entities.md, "Memory"): reading a paragraph in pieces and
// tagging a long article part by part give what reading and tagging it whole give.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "common/base/data_files.hpp"
#include "common/entities/entities.hpp"
#include "tests/support.hpp"

using namespace newsdex;
using ner::Sentence;

namespace {

// Body paragraphs of the invented sample pages (corpus/text): lines long enough to be prose.
std::vector<std::string> corpus_paragraphs() {
  std::vector<std::string> paragraphs;
  std::vector<std::filesystem::path> pages;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "corpus" / "text"))
    pages.push_back(entry.path());
  std::sort(pages.begin(), pages.end());
  for (const auto& page : pages) {
    const std::string text = test::read_file(page);
    for (std::size_t start = 0; start < text.size();) {
      auto end = std::min(text.find('\n', start), text.size());
      if (end - start >= 60) paragraphs.push_back(text.substr(start, end - start));
      start = end + 1;
    }
  }
  return paragraphs;
}

std::string describe(const std::vector<Sentence>& sentences) {
  std::string out;
  for (const auto& sentence : sentences) {
    for (const auto& token : sentence)
      out += token.text + "@" + std::to_string(token.begin) + "-" + std::to_string(token.end) + " ";
    out += "|\n";
  }
  return out;
}

std::vector<Sentence> read_in_pieces(std::string_view paragraph, std::size_t piece_bytes, std::size_t max_tokens) {
  std::vector<Sentence> sentences;
  ner::SentenceReader reader(paragraph, piece_bytes, max_tokens);
  for (auto part = reader.next(); !part.empty(); part = reader.next())
    sentences.insert(sentences.end(), part.begin(), part.end());
  return sentences;
}

const std::filesystem::path& data_dir() {
  static const std::filesystem::path dir = find_data_file("ner/model.bin").parent_path();
  return dir;
}

// A mention as the type and the byte range of its tokens in which block.
using Found = std::tuple<int, const char*, std::size_t, std::size_t>;

}  // namespace

TEST_CASE("a paragraph read in pieces gives the sentences of reading it whole", "[entities][memory]") {
  std::string paragraph;
  for (const auto& text : corpus_paragraphs()) paragraph += text + " ";
  REQUIRE(paragraph.size() > 20000);
  const std::string whole = describe(ner::tokenize_sentences(paragraph));
  for (const std::size_t piece_bytes : {1, 7, 50, 333, 4096, 65536, 1 << 20}) {
    INFO("pieces of " << piece_bytes << " bytes");
    CHECK(describe(read_in_pieces(paragraph, piece_bytes, 1000)) == whole);
  }
}

TEST_CASE("a paragraph with no sentence end or no white space is still read in bounded pieces", "[entities][memory]") {
  struct Case {
    std::string name, paragraph;
  };
  std::string words, run(300000, 'x');
  for (int i = 0; i < 5000; ++i) words += "council harbour ";
  for (const Case& c : {Case{"5,000 words without a full stop", words}, Case{"300 KB without white space", run}}) {
    INFO(c.name);
    const auto sentences = read_in_pieces(c.paragraph, 65536, 1000);
    std::size_t tokens = 0, last_end = 0;
    for (const auto& sentence : sentences) {
      CHECK(sentence.size() <= 1000);
      tokens += sentence.size();
      for (const auto& token : sentence) {
        CHECK(token.begin >= last_end);
        last_end = token.end;
      }
    }
    CHECK(last_end == c.paragraph.size() - (c.paragraph.back() == ' ' ? 1 : 0));
    if (c.paragraph == words) CHECK(tokens == 10000);
  }
}

TEST_CASE("a long article tagged a piece at a time gets the spans of tagging it whole", "[entities][memory]") {
  const EntityExtractor extractor(data_dir());
  const ner::Tagger tagger(data_dir());
  const auto corpus = corpus_paragraphs();
  std::string long_paragraph;  // cut into several pieces by the reader
  for (const auto& text : corpus) long_paragraph += text + " ";
  struct Case {
    std::string name;
    std::vector<std::string> paragraphs;
  };
  std::vector<std::string> long_article{long_paragraph};
  while (long_article.size() < 4000) long_article.push_back(corpus[long_article.size() % corpus.size()]);
  std::size_t bytes = 0;
  for (const auto& paragraph : long_article) bytes += paragraph.size();
  REQUIRE(bytes > 512 * 1024);  // over what extraction keeps between its passes
  for (const Case& c : {Case{"a short article (tokens kept between the passes)", {corpus.begin(), corpus.begin() + 5}},
                        Case{"a long article (read again in the second pass)", long_article}}) {
    INFO(c.name);
    std::vector<Sentence> sentences;
    std::vector<const char*> block_of;
    for (const auto& paragraph : c.paragraphs) {
      for (auto& sentence : ner::tokenize_sentences(paragraph)) {
        sentences.push_back(std::move(sentence));
        block_of.push_back(paragraph.data());
      }
    }
    std::vector<Found> whole;
    const auto spans = tagger.tag(sentences);
    for (std::size_t s = 0; s < spans.size(); ++s) {
      for (const auto& span : with_untagged_organisations(sentences[s], spans[s], extractor.canonicaliser()))
        whole.emplace_back(static_cast<int>(span.type), block_of[s], sentences[s][span.first].begin,
                           sentences[s][span.last - 1].end);
    }
    std::vector<Found> in_pieces;
    for (const auto& mention : extractor.mentions("", "", c.paragraphs))
      in_pieces.emplace_back(static_cast<int>(mention.type), mention.source.data(), mention.tokens.front().begin,
                             mention.tokens.back().end);
    CHECK(whole.size() > 5);
    CHECK(in_pieces == whole);
  }
}
