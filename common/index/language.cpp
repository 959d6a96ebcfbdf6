#include "common/index/language.hpp"

#include <xapian.h>

#include "common/base/errors.hpp"

namespace newsdex {

void check_language(const std::string& language) {
  try {
    Xapian::Stem stemmer(language);
  } catch (const Xapian::InvalidArgumentError&) {
    auto languages = Xapian::Stem::get_available_languages();  // space-separated
    for (auto& c : languages) c = c == ' ' ? ',' : c;
    throw UsageError("--language: unknown language '" + language + "' (choose one of: " + languages + ",none)");
  }
}

}  // namespace newsdex
