// Bylines and credit lines on scraped pages: who wrote the article, in the forms news sites print it
// ("By A and B | DATE", "Posted on DATE by A", "Words by A", "by: A, B", "Reporting by A in X;
// Editing by C", a name above a role line). Pure functions on one line; docs/readers.md lists the forms.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct Byline {
  std::vector<std::string> authors;  // empty for "Staff report": a byline naming no person
  std::string published;             // ISO date when the line gives one
};

// A byline line: "By A", "By A, Role, and B in Place", "By A | DATE", "by: A, B", "Words by A and B",
// "Written by A", "Posted on DATE by A", "Staff report | DATE". nullopt for anything else (a sentence
// that happens to contain " by ", "Photography by P").
std::optional<Byline> read_byline(std::string_view line);

// A credit line ("Reporting by A in X and B in Y; Writing by C; Editing by D"): the reporters and
// writers, not the editors. nullopt when the line is not one.
std::optional<std::vector<std::string>> read_credit_line(std::string_view line);

// The people of a list of names with roles and places: "A, Health Editor, and B in Place" -> A, B.
std::vector<std::string> split_author_names(std::string_view names);

// A line that is only a person's name ("Laura Pelt"): 2-4 capitalised words, no digits or punctuation
// other than hyphens, apostrophes and dots of initials.
bool is_person_name(std::string_view line);

// A job title on its own line under a name ("Regional reporter", "Health correspondent").
bool is_role_line(std::string_view line);

// The authors as one field: "A; B".
std::string join_authors(const std::vector<std::string>& authors);

}  // namespace newsdex
