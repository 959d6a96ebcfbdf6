#include "common/entities/labels.hpp"

#include <array>

namespace newsdex::ner {

namespace {
constexpr std::array<std::string_view, kEntityTypes> kCodes = {"PER", "ORG", "LOC", "MISC"};
}

std::string_view type_code(EntityType type) { return kCodes[static_cast<std::size_t>(type)]; }

std::optional<EntityType> type_from_code(std::string_view code) {
  for (std::size_t i = 0; i < kCodes.size(); ++i) {
    if (kCodes[i] == code) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

std::vector<Label> bilou_from_spans(const std::vector<Span>& spans, std::size_t token_count) {
  std::vector<Label> labels(token_count, kOutside);
  for (const Span& span : spans) {
    if (span.last == span.first + 1) {
      labels[span.first] = make_label(span.type, Position::unit);
      continue;
    }
    labels[span.first] = make_label(span.type, Position::begin);
    for (std::size_t i = span.first + 1; i + 1 < span.last; ++i) labels[i] = make_label(span.type, Position::inside);
    labels[span.last - 1] = make_label(span.type, Position::last);
  }
  return labels;
}

std::vector<Span> spans_from_bilou(const std::vector<Label>& labels) {
  std::vector<Span> spans;
  std::optional<Span> open;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const Label label = labels[i];
    if (label == kOutside) {
      if (open) spans.push_back(*open);
      open.reset();
      continue;
    }
    const EntityType type = label_type(label);
    const Position position = label_position(label);
    const bool starts = position == Position::begin || position == Position::unit || !open || open->type != type;
    if (starts) {
      if (open) spans.push_back(*open);
      open = Span{type, i, i + 1};
    } else {
      open->last = i + 1;
    }
    if (position == Position::last || position == Position::unit) {
      spans.push_back(*open);
      open.reset();
    }
  }
  if (open) spans.push_back(*open);
  return spans;
}

std::vector<Span> spans_from_iob(const std::vector<std::string_view>& tags) {
  std::vector<Span> spans;
  std::optional<Span> open;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string_view tag = tags[i];
    const auto type = tag.size() > 2 ? type_from_code(tag.substr(2)) : std::nullopt;
    if (!type) {
      if (open) spans.push_back(*open);
      open.reset();
      continue;
    }
    if (!open || open->type != *type || tag[0] == 'B') {
      if (open) spans.push_back(*open);
      open = Span{*type, i, i + 1};
    } else {
      open->last = i + 1;
    }
  }
  if (open) spans.push_back(*open);
  return spans;
}

}  // namespace newsdex::ner
