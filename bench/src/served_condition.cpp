#include "served_condition.hpp"

namespace gazette::bench {

namespace {

// The first line of a Gopher menu that links to a text file or a menu; info
// lines ('i') and errors ('3') come before the stories in a section's menu.
std::string_view first_item(std::string_view menu) {
  while (!menu.empty()) {
    const auto end = menu.find('\n');
    const std::string_view line = menu.substr(0, end);
    if (line.starts_with('0') || line.starts_with('1')) return line;
    if (end == std::string_view::npos) break;
    menu.remove_prefix(end + 1);
  }
  return {};
}

} // namespace

bool answer_meets(std::string_view answer, Condition condition, std::string_view text) {
  switch (condition) {
  case Condition::contains: return answer.find(text) != std::string_view::npos;
  case Condition::leads_the_menu: return first_item(answer).find(text) != std::string_view::npos;
  }
  return false;
}

} // namespace gazette::bench
