#include "text/text_wrap.hpp"

#include "text/eight_bytes.hpp"
#include "text/utf8.hpp"

#include <bit>

namespace gazette {

namespace {

struct Word {
  std::size_t end = 0; // the space after it, or the text's end
  bool ascii = true;   // then its width is its size
};

// The word starting at `from`. A capsule's Gopher text is millions of
// words, so the space and any byte outside ASCII are looked for eight bytes
// at a time (a space is a zero byte once 0x20 is XORed out).
Word word_from(std::string_view text, std::size_t from) {
  Word word;
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t bytes = eight_bytes(text.data() + i);
    const std::uint64_t spaced = bytes ^ (0x20 * each_byte);
    // The lowest flagged byte is exact: the first space.
    const std::uint64_t spaces = (spaced - each_byte) & ~spaced & high_bits;
    const std::uint64_t before_space = spaces ? (spaces & (~spaces + 1)) - 1 : ~std::uint64_t{0};
    if (bytes & high_bits & before_space) word.ascii = false;
    if (spaces) {
      word.end = i + static_cast<std::size_t>(std::countr_zero(spaces)) / 8;
      return word;
    }
  }
  for (; i < text.size() && text[i] != ' '; ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) word.ascii = false;
  word.end = i;
  return word;
}

// Whether `text` is all ASCII with no two spaces together. Then a word's
// width is its size and a line is the text up to a space, so lines can be
// cut at once instead of word by word. Spaces are found exactly, eight
// bytes at a time: a byte of 0x7F added to a byte's low seven bits carries
// into its high bit unless the byte is zero.
bool is_plain_ascii(std::string_view text) {
  constexpr std::uint64_t low_bits = 0x7F * each_byte, spaces = 0x20 * each_byte;
  std::uint64_t space_before = 0; // the last byte of the previous eight, as the high bit of byte 0
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t bytes = eight_bytes(text.data() + i);
    if (bytes & high_bits) return false;
    const std::uint64_t zeroed = bytes ^ spaces;
    const std::uint64_t is_space = ~((zeroed + low_bits) | zeroed | low_bits);
    if ((is_space & ((is_space << 8) | space_before)) != 0) return false;
    space_before = is_space >> 56;
  }
  bool after_space = space_before != 0;
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80 || (after_space && text[i] == ' ')) return false;
    after_space = text[i] == ' ';
  }
  return true;
}

} // namespace

void append_wrapped(std::string& out, std::string_view text, std::size_t width, std::string_view first_indent,
                    std::string_view rest_indent) {
  // Written through a pointer into room made up front: the most it can take
  // is every byte of the text, and a break with its indent for every word
  // after the first (a word takes at least one byte and one space).
  const std::size_t start = out.size();
  const std::size_t words_at_most = (text.size() + 1) / 2;
  out.resize(start + first_indent.size() + text.size() + words_at_most * (1 + rest_indent.size()) + 1);
  char* at = out.data() + start;
  auto put = [&at](std::string_view bytes) {
    std::memcpy(at, bytes.data(), bytes.size());
    at += bytes.size();
  };
  put(first_indent);
  const std::size_t rest_indent_width = utf8_length(rest_indent);
  std::size_t line_width = utf8_length(first_indent);

  if (is_plain_ascii(text)) {
    // Most text: each line is the longest run of whole words that fits,
    // found by looking back from the line's last column for a space.
    while (text.starts_with(' ')) text.remove_prefix(1);
    while (text.ends_with(' ')) text.remove_suffix(1);
    while (!text.empty()) {
      const std::size_t room = width > line_width ? width - line_width : 0;
      if (text.size() <= room) {
        put(text);
        break;
      }
      std::size_t cut = text.rfind(' ', room);
      if (cut == std::string_view::npos) cut = text.find(' '); // a word wider than a line, alone on it
      if (cut == std::string_view::npos) {
        put(text);
        break;
      }
      put(text.substr(0, cut));
      text.remove_prefix(cut + 1);
      *at++ = '\n';
      put(rest_indent);
      line_width = rest_indent_width;
    }
  } else {
    // Word by word, measuring each word and collapsing runs of spaces.
    bool line_has_word = false;
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] == ' ') {
        ++i;
        continue;
      }
      const Word found = word_from(text, i);
      const std::string_view word = text.substr(i, found.end - i);
      i = found.end;
      const std::size_t word_width = found.ascii ? word.size() : utf8_length(word);
      if (line_has_word && line_width + 1 + word_width > width) {
        *at++ = '\n';
        put(rest_indent);
        line_width = rest_indent_width;
        line_has_word = false;
      }
      if (line_has_word) {
        *at++ = ' ';
        ++line_width;
      }
      put(word);
      line_width += word_width;
      line_has_word = true;
    }
  }
  *at++ = '\n';
  out.resize(static_cast<std::size_t>(at - out.data()));
}

bool is_one_wrapped_line(std::string_view text, std::size_t width) {
  // Bytes never undercount columns, so fitting in `width` bytes is enough.
  return text.size() <= width && !text.starts_with(' ') && !text.ends_with(' ') &&
         text.find("  ") == std::string_view::npos;
}

std::string cut_to_width(std::string_view text, std::size_t width) {
  if (utf8_length(text) <= width) return std::string(text);
  std::string out(text.substr(0, utf8_prefix_bytes(text, width > 3 ? width - 3 : 0)));
  // Back up to the last word boundary unless the cut fell on one.
  const bool cut_between_words = text[out.size()] == ' ';
  if (std::size_t space = out.rfind(' '); !cut_between_words && space != std::string::npos && space > 0)
    out.resize(space);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ':' || out.back() == ';'))
    out.pop_back();
  return out + "...";
}

} // namespace gazette
