#include "utf8.hpp"

namespace gazette {

std::size_t valid_utf8_prefix(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0, n = text.size();
  while (i < n) {
    unsigned char c = bytes[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    char32_t code, min;
    if ((c & 0xE0) == 0xC0) length = 2, code = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) length = 3, code = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) length = 4, code = c & 0x07, min = 0x10000;
    else return i;
    if (n - i < length) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return i;
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return n;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

std::size_t utf8_prefix_bytes(std::string_view text, std::size_t columns) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (count == columns) return i;
      ++count;
    }
  }
  return text.size();
}

} // namespace gazette
