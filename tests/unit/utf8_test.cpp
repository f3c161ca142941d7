#include "utf8.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace gazette;

TEST_CASE("UTF-8 validation") {
  struct Row {
    std::string text;
    std::size_t valid_prefix;
  };
  const Row rows[] = {
      {"", 0},
      {"plain", 5},
      {"caf\xC3\xA9", 5},
      {"\xE2\x80\x94", 3},
      {"\xF0\x9F\x93\xB0", 4},
      {"ab\xFF", 2},
      {"\xC0\x80", 0},         // overlong NUL
      {"\xE0\x80\xAF", 0},     // overlong slash
      {"\xED\xA0\x80", 0},     // surrogate
      {"\xF4\x90\x80\x80", 0}, // above U+10FFFF
      {"a\xC3", 1},            // truncated
      {"a\x80", 1},            // lone continuation byte
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    CHECK(valid_utf8_prefix(row.text) == row.valid_prefix);
  }
  CHECK(utf8_length("caf\xC3\xA9 \xE2\x80\x94") == 6);
}
