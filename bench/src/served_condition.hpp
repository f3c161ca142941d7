// When a change counts as served, for gazette-wait-served: the pure test of
// one Gopher answer, kept apart from the polling so tables can check it.
#pragma once
#include <string_view>

namespace gazette::bench {

enum class Condition {
  contains,       // the answer holds the text anywhere
  leads_the_menu, // the menu's first document or menu item holds the text
};

bool answer_meets(std::string_view answer, Condition condition, std::string_view text);

} // namespace gazette::bench
