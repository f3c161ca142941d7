#include "text/text_wrap.hpp"

#include "text/utf8.hpp"

namespace gazette {

void append_wrapped(std::string& out, std::string_view text, std::size_t width, std::string_view first_indent,
                    std::string_view rest_indent) {
  // Word by word, measuring each word and collapsing runs of spaces.
  out += first_indent;
  std::size_t line_width = utf8_length(first_indent);
  bool line_has_word = false;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    // The word runs to the next space; each byte but a UTF-8 continuation
    // byte is a column.
    std::size_t end = i, word_width = 0;
    for (; end < text.size() && text[end] != ' '; ++end)
      if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) ++word_width;
    const std::string_view word = text.substr(i, end - i);
    i = end;
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
    out += word;
    line_width += word_width;
    line_has_word = true;
  }
  out += '\n';
}

bool is_one_wrapped_line(std::string_view text, std::size_t width) {
  // Bytes never undercount columns, so fitting in `width` bytes is enough.
  return text.size() <= width && !text.starts_with(' ') && !text.ends_with(' ') &&
         text.find("  ") == std::string_view::npos;
}

std::string cut_to_width(std::string_view text, std::size_t width, std::string_view ellipsis) {
  if (utf8_length(text) <= width) return std::string(text);
  const std::size_t room = utf8_length(ellipsis);
  std::string out(text.substr(0, utf8_prefix_bytes(text, width > room ? width - room : 0)));
  // Back up to the last word boundary unless the cut fell on one.
  const bool cut_between_words = text[out.size()] == ' ';
  if (std::size_t space = out.rfind(' '); !cut_between_words && space != std::string::npos && space > 0)
    out.resize(space);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ':' || out.back() == ';'))
    out.pop_back();
  return out.append(ellipsis);
}

} // namespace gazette
