#include "common/base/languages.hpp"

#include <algorithm>

#include "common/base/text.hpp"

namespace newsdex {
namespace {

// Sorted by code. The stemmers are those Xapian 1.4 lists in Xapian::Stem::get_available_languages()
// (tests/unit/test_languages.cpp checks each one constructs). With both ISO 639-2 codes, a tag such
// as "fre" (bibliographic) or "fra" (terminology) resolves as "fr" does.
struct Row {
  LanguageInfo info;
  std::string_view bibliographic, terminology;  // ISO 639-2/B and 639-2/T codes
};

const std::vector<Row>& rows() {
  static const std::vector<Row> table = {
      {{"ar", "arabic", "arabic"}, "ara", "ara"},
      {{"bg", "bulgarian", ""}, "bul", "bul"},
      {{"ca", "catalan", "catalan"}, "cat", "cat"},
      {{"cs", "czech", ""}, "cze", "ces"},
      {{"da", "danish", "danish"}, "dan", "dan"},
      {{"de", "german", "german"}, "ger", "deu"},
      {{"el", "greek", ""}, "gre", "ell"},
      {{"en", "english", "english"}, "eng", "eng"},
      {{"es", "spanish", "spanish"}, "spa", "spa"},
      {{"eu", "basque", "basque"}, "baq", "eus"},
      {{"fa", "persian", ""}, "per", "fas"},
      {{"fi", "finnish", "finnish"}, "fin", "fin"},
      {{"fr", "french", "french"}, "fre", "fra"},
      {{"ga", "irish", "irish"}, "gle", "gle"},
      {{"he", "hebrew", ""}, "heb", "heb"},
      {{"hi", "hindi", ""}, "hin", "hin"},
      {{"hr", "croatian", ""}, "hrv", "hrv"},
      {{"hu", "hungarian", "hungarian"}, "hun", "hun"},
      {{"hy", "armenian", "armenian"}, "arm", "hye"},
      {{"id", "indonesian", "indonesian"}, "ind", "ind"},
      {{"it", "italian", "italian"}, "ita", "ita"},
      {{"ja", "japanese", "", true}, "jpn", "jpn"},
      {{"ko", "korean", "", true}, "kor", "kor"},
      {{"lt", "lithuanian", "lithuanian"}, "lit", "lit"},
      {{"ne", "nepali", "nepali"}, "nep", "nep"},
      {{"nl", "dutch", "dutch"}, "dut", "nld"},
      {{"no", "norwegian", "norwegian"}, "nor", "nor"},
      {{"pl", "polish", ""}, "pol", "pol"},
      {{"pt", "portuguese", "portuguese"}, "por", "por"},
      {{"ro", "romanian", "romanian"}, "rum", "ron"},
      {{"ru", "russian", "russian"}, "rus", "rus"},
      {{"sk", "slovak", ""}, "slo", "slk"},
      {{"sl", "slovenian", ""}, "slv", "slv"},
      {{"sr", "serbian", ""}, "srp", "srp"},
      {{"sv", "swedish", "swedish"}, "swe", "swe"},
      {{"ta", "tamil", "tamil"}, "tam", "tam"},
      {{"th", "thai", "", true}, "tha", "tha"},
      {{"tr", "turkish", "turkish"}, "tur", "tur"},
      {{"uk", "ukrainian", ""}, "ukr", "ukr"},
      {{"vi", "vietnamese", ""}, "vie", "vie"},
      {{"zh", "chinese", "", true}, "chi", "zho"},
  };
  return table;
}

// Norwegian Bokmål and Nynorsk share the Norwegian stemmer.
std::string_view macrolanguage(std::string_view code) {
  if (code == "nb" || code == "nn") return "no";
  return code;
}

}  // namespace

const LanguageInfo* find_language(std::string_view tag_or_name) {
  auto tag = ascii_lower(std::string(tag_or_name));
  // A BCP 47 or POSIX tag names the language first: "fr-CA", "pt_BR", "zh-Hant".
  auto primary = tag.substr(0, tag.find_first_of("-_"));
  primary = std::string(macrolanguage(primary));
  if (primary.empty()) return nullptr;
  for (const auto& row : rows()) {
    const auto& info = row.info;
    if (primary == info.code || primary == info.name || primary == row.bibliographic ||
        primary == row.terminology)
      return &info;
  }
  return nullptr;
}

const std::vector<LanguageInfo>& known_languages() {
  static const std::vector<LanguageInfo> infos = [] {
    std::vector<LanguageInfo> out;
    for (const auto& row : rows()) out.push_back(row.info);
    return out;
  }();
  return infos;
}

}  // namespace newsdex
