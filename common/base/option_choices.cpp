#include "common/base/option_choices.hpp"

namespace newsdex {

std::string unknown_choice_message(std::string_view what, std::string_view text,
                                   const std::vector<std::string_view>& names) {
  std::string message = "unknown " + std::string(what) + " '" + std::string(text) + "': choose ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) message += i + 1 == names.size() ? " or " : ", ";
    message += names[i];
  }
  return message;
}

}  // namespace newsdex
