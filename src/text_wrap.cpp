#include "text_wrap.hpp"

#include "utf8.hpp"

namespace gazette {

std::vector<std::string> wrap_text(std::string_view text, std::size_t width, std::string_view first_indent,
                                   std::string_view rest_indent) {
  std::vector<std::string> lines;
  std::string line(first_indent);
  std::size_t line_width = utf8_length(first_indent);
  bool line_has_word = false;

  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t start = text.find_first_not_of(' ', position);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    position = end;

    const std::size_t word_width = utf8_length(word);
    if (line_has_word && line_width + 1 + word_width > width) {
      lines.push_back(std::move(line));
      line = std::string(rest_indent);
      line_width = utf8_length(rest_indent);
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
    line_has_word = true;
  }
  if (line_has_word || lines.empty()) lines.push_back(std::move(line));
  return lines;
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
