// UTF-8 for a code point below U+10000, for tests that walk ranges of them.
#pragma once
#include <string>

namespace gazette::testing {

inline std::string utf8_of(char32_t code_point) {
  std::string bytes;
  if (code_point < 0x800) {
    bytes += static_cast<char>(0xC0 | (code_point >> 6));
  } else {
    bytes += static_cast<char>(0xE0 | (code_point >> 12));
    bytes += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
  }
  bytes += static_cast<char>(0x80 | (code_point & 0x3F));
  return bytes;
}

} // namespace gazette::testing
