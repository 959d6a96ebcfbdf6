// Entity types, the BILOU label set the tagger predicts, and conversions between labels and spans.
// BILOU (Begin, Inside, Last, Unit) rather than IOB: the extra labels let a linear model learn where
// names end and which names are one word, which is worth about a point of F1 on CoNLL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace newsdex::ner {

enum class EntityType : std::uint8_t { person, organisation, location, misc };
inline constexpr int kEntityTypes = 4;

std::string_view type_code(EntityType type);  // "PER", "ORG", "LOC", "MISC"
std::optional<EntityType> type_from_code(std::string_view code);

using Label = std::uint8_t;
inline constexpr int kLabels = 1 + 4 * kEntityTypes;  // O, then B/I/L/U for each type
inline constexpr Label kOutside = 0;

enum class Position : std::uint8_t { begin, inside, last, unit };

constexpr Label make_label(EntityType type, Position position) {
  return static_cast<Label>(1 + 4 * static_cast<int>(type) + static_cast<int>(position));
}
constexpr EntityType label_type(Label label) { return static_cast<EntityType>((label - 1) / 4); }
constexpr Position label_position(Label label) { return static_cast<Position>((label - 1) % 4); }

// May `next` follow `previous` in a well-formed BILOU sequence? (kOutside stands for the sentence edges.)
constexpr bool allowed_transition(Label previous, Label next) {
  const bool previous_open = previous != kOutside && (label_position(previous) == Position::begin ||
                                                      label_position(previous) == Position::inside);
  const bool next_continues = next != kOutside && (label_position(next) == Position::inside ||
                                                   label_position(next) == Position::last);
  if (previous_open) return next_continues && label_type(next) == label_type(previous);
  return !next_continues;
}

struct Span {
  EntityType type = EntityType::misc;
  std::size_t first = 0;  // token range [first, last)
  std::size_t last = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

std::vector<Label> bilou_from_spans(const std::vector<Span>& spans, std::size_t token_count);
// Reads spans off a label sequence; tolerates ill-formed sequences (a stray I or L opens a span).
std::vector<Span> spans_from_bilou(const std::vector<Label>& labels);
// CoNLL-2003 IOB1 tags ("I-PER", "B-LOC", "O") as conlleval reads them.
std::vector<Span> spans_from_iob(const std::vector<std::string_view>& tags);

}  // namespace newsdex::ner
