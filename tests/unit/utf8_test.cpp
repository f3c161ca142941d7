#include "text/utf8.hpp"

#include <algorithm>
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

TEST_CASE("UTF-8 length, prefixes and validation agree with a byte-at-a-time rule") {
  // A reference that looks at one byte at a time.
  auto code_points = [](std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
  };
  auto prefix_bytes = [](std::string_view text, std::size_t columns) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == columns) return i;
    return text.size();
  };
  const std::string pieces[] = {"a", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x93\xB0", " "};
  // Every mix of pieces, after ASCII leads and gaps of many lengths.
  for (std::size_t lead = 0; lead < 9; ++lead)
    for (const auto& first : pieces)
      for (const auto& second : pieces)
        for (std::size_t gap = 0; gap < 10; ++gap) {
          const std::string text = std::string(lead, 'x') + first + std::string(gap, 'y') + second + "z";
          CAPTURE(text);
          CHECK(utf8_length(text) == code_points(text));
          for (std::size_t columns = 0; columns <= text.size() + 1; ++columns)
            CHECK(utf8_prefix_bytes(text, columns) == prefix_bytes(text, columns));
          CHECK(valid_utf8_prefix(text) == text.size());
          CHECK(first_non_ascii(text) == std::min(text.find_first_of("\x80\xC3\xE2\xF0"), text.size()));
          CHECK(is_ascii(text) == (first_non_ascii(text) == text.size()));
          // The same text broken after its ASCII lead stops there.
          const std::string broken = std::string(lead, 'x') + "\xFF" + first + second;
          CHECK(valid_utf8_prefix(broken) == lead);
          const std::string cut = std::string(lead + gap, 'x') + "\xE2\x80";
          CHECK(valid_utf8_prefix(cut) == lead + gap);
        }
  CHECK(utf8_length(std::string(64, 'a')) == 64);
  CHECK(utf8_length(std::string(40, 'a') + "\xC3\xA9" + std::string(21, 'b')) == 62);
}
