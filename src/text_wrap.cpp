#include "text_wrap.hpp"

#include "utf8.hpp"

namespace gazette {

void append_wrapped(std::string& out, std::string_view text, std::size_t width, std::string_view first_indent,
                    std::string_view rest_indent) {
  out += first_indent;
  std::size_t line_width = utf8_length(first_indent);
  bool line_has_word = false;
  // One pass over the bytes finds each word and its width: a capsule's
  // Gopher text is millions of words.
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    std::size_t word_width = 0;
    for (; i < text.size() && text[i] != ' '; ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++word_width;
    if (line_has_word && line_width + 1 + word_width > width) {
      out += '\n';
      out += rest_indent;
      line_width = utf8_length(rest_indent);
      line_has_word = false;
    }
    if (line_has_word) {
      out += ' ';
      ++line_width;
    }
    out += text.substr(start, i - start);
    line_width += word_width;
    line_has_word = true;
  }
  out += '\n';
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
