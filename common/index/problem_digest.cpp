#include "common/index/problem_digest.hpp"

#include <cctype>

#include "common/base/path_text.hpp"

namespace newsdex {
namespace {

// "item 3: " and "line 12: ", which say where in an export, not what happened.
std::string_view without_position(std::string_view message) {
  for (std::string_view label : {"item ", "line "}) {
    if (!message.starts_with(label)) continue;
    auto rest = message.substr(label.size());
    std::size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
    if (digits > 0 && rest.substr(digits).starts_with(": ")) return rest.substr(digits + 2);
  }
  return message;
}

std::string place(const ReadProblem& problem) {
  auto text = path_text(problem.path);
  if (problem.line) text += ':' + std::to_string(problem.line);
  return text;
}

}  // namespace

std::string problem_line(const ReadProblem& problem) {
  return place(problem) + ": " + (problem.skipped ? "" : "warning: ") + problem.message;
}

std::string problem_reason(std::string_view message) {
  message = without_position(message);
  if (auto at = message.find("skipped: "); at != std::string_view::npos) message.remove_prefix(at + 9);
  if (auto cut = message.find_first_of("(:"); cut != std::string_view::npos) message = message.substr(0, cut);
  while (!message.empty() && message.back() == ' ') message.remove_suffix(1);
  return std::string(message);
}

std::string problem_kind(std::string_view message) {
  // A number stands alone ("line 7", "1000 levels"), unlike the 8 of "UTF-8" or the 2 of "ISO-2022".
  auto reason = problem_reason(message);
  auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  std::string kind;
  for (std::size_t i = 0; i < reason.size();) {
    char before = i ? reason[i - 1] : ' ';
    bool number = is_digit(reason[i]) && !std::isalnum(static_cast<unsigned char>(before)) && before != '-';
    if (!number) {
      kind += reason[i++];
      continue;
    }
    while (i < reason.size() && is_digit(reason[i])) ++i;
    kind += 'N';
  }
  return kind;
}

std::optional<std::string> ProblemDigest::add(const ReadProblem& problem) {
  if (problem.failed) return problem_line(problem);  // an error: always, and at once
  if (detail_ == ProblemDetail::errors_only) return std::nullopt;
  auto key = std::string(problem.skipped ? "skipped: " : "warning: ") + problem_kind(problem.message);
  auto [kind, is_new] = kinds_.try_emplace(key);
  if (is_new) order_.push_back(key);
  ++kind->second.count;
  if (kind->second.first.size() < examples_) kind->second.first.push_back(problem);
  if (detail_ == ProblemDetail::every_problem) return problem_line(problem);
  return std::nullopt;
}

std::vector<std::string> ProblemDigest::summary() const {
  std::vector<std::string> lines;
  for (const auto& key : order_) {
    const auto& kind = kinds_.at(key);
    if (kind.count <= examples_) {
      if (detail_ == ProblemDetail::summary)
        for (const auto& problem : kind.first) lines.push_back(problem_line(problem));
      continue;
    }
    std::string line = key + ": " + std::to_string(kind.count) + " times, first at ";
    for (std::size_t i = 0; i < kind.first.size(); ++i) line += (i ? ", " : "") + place(kind.first[i]);
    if (detail_ == ProblemDetail::summary) line += " (--verbose shows each)";
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace newsdex
