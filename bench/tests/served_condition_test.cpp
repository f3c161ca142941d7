#include "served_condition.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace gazette::bench;

TEST_CASE("gazette-wait-served: when an answer shows the change") {
  const std::string menu = "iSection 2\t\terror.host\t1\r\n"
                           "i2026-12-05\t\terror.host\t1\r\n"
                           "0Lead story\t/section-2/story-62\tlocalhost\t70\r\n"
                           "0Next story\t/section-2/story-621\tlocalhost\t70\r\n"
                           ".\r\n";
  struct Row {
    std::string answer;
    Condition condition;
    std::string text;
    bool met;
  };
  const Row rows[] = {
      {"a story\r\nedited-1-42\r\n", Condition::contains, "edited-1-42", true},
      {"a story\r\nedited-1-4\r\n", Condition::contains, "edited-1-42", false},
      {"", Condition::contains, "edited", false}, // the server could not be reached
      {"3Not found: /world/pier\t\terror.host\t1\r\n.\r\n", Condition::contains, "Not found", true},
      {menu, Condition::leads_the_menu, "\t/section-2/story-62\t", true},
      {menu, Condition::leads_the_menu, "\t/section-2/story-621\t", false}, // listed, but second
      {menu, Condition::leads_the_menu, "Section 2", false},                // an info line is no item
      {"1Older stories\t/section-2/page-2/\tlocalhost\t70\r\n", Condition::leads_the_menu, "page-2", true},
      {"iNo stories yet\t\terror.host\t1\r\n", Condition::leads_the_menu, "stories", false},
      {"0Last line, unterminated\t/a\tlocalhost\t70", Condition::leads_the_menu, "\t/a\t", true},
  };
  for (const auto& row : rows) {
    CAPTURE(row.answer);
    CAPTURE(row.text);
    CHECK(answer_meets(row.answer, row.condition, row.text) == row.met);
  }
}
