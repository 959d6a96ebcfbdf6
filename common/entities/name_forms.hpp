// Pure rules on one written name (words separated by single spaces), used to give every way of writing a
// name the same canonical form: a leading "the", company designators, British and American spellings,
// "Department of X" word order, acronyms and their expansions, dates written as names.
// docs/entities.md ("Canonical names") lists them with examples; tests/unit/test_name_forms.cpp checks them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::ner {

std::vector<std::string> split_words(std::string_view name);
std::string join_words(const std::vector<std::string>& words, std::size_t first, std::size_t last);

// "the Fed" -> "Fed", "The EC" -> "EC"; otherwise a capitalised "The" is kept ("The Hague", "The Times"):
// it is part of the name.
std::string without_leading_article(std::string_view name);

// "General Motors Corp." -> "General Motors", "Moss Lawson and Co" -> "Moss Lawson"; a name that is only
// a designator, or whose first word is one ("Co-op Bank"), is kept.
std::string without_company_designator(std::string_view name);

// Organisation, Centre, Defence and Co-operation spelt the British way in every word ("World Trade Organization" ->
// "World Trade Organisation"), so that both spellings are one key.
std::string british_spelling(std::string_view name);

// "Agriculture Department" -> "Department of Agriculture", "Finance Ministry" -> "Ministry of Finance",
// "Foreign Ministry" -> "Ministry of Foreign Affairs": news copy writes both; the official order is the key
// (and the one its acronym abbreviates). Only for one to four capitalised words without "of".
std::string office_word_order(std::string_view name);

// The letters of an acronym ("WTO", "U.S.S.R." -> "USSR", "G.M."), or "" when `name` is not one: one word
// of 2 to 7 capital letters, optionally with full stops after them.
std::string acronym_letters(std::string_view name);

// Initials of the content words ("Organization of the Petroleum Exporting Countries" -> "OPEC"; "of", "the",
// "and", "for" ... skipped; a hyphenated word gives one letter).
std::string initials(const std::vector<std::string>& words);

// Whether the acronym stands for the name: its letters are the name's initials, with or without the
// skipped small words ("EEC" for "European Economic Community", "OECD" for "Organisation for Economic
// Co-operation and Development").
bool abbreviates(std::string_view acronym, std::string_view name);

// "Labour" and "Labor" read alike within one article (the same party or union in two spellings); across the
// collection they stay apart (the Australian Labor Party is not the British Labour Party).
std::string labour_folded(std::string_view key);

// Dates and periods tagged as names: every word a month, weekday, number or period word, with at least one
// month or weekday or period ("May one", "nine mths", "June 30", "first qtr"). A lone month is not one
// ("May" is also a surname).
bool is_date_like(const std::vector<std::string>& words);

// A product model code: has a digit and a letter ("N95", "360"), or a lower-case letter before a capital
// ("iPod", "eBook").
bool is_model_code(std::string_view word);

}  // namespace newsdex::ner
