#include "gopher_menu.hpp"

#include "ascii_transliteration.hpp"
#include "text_wrap.hpp"
#include "utf8.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>

namespace gazette {

namespace {

// TAB, CR and LF in `text`, from `from` on, become spaces; in place, since
// a capsule's menus hold millions of fields.
void blank_line_breaks(std::string& text, std::size_t from) {
  // Eight bytes at a time past those with no byte below 0x0E, as nearly all
  // are: subtracting 0x0E from every byte borrows into a byte's high bit
  // where that byte was below it (bytes with the high bit set are masked out).
  constexpr std::uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
  std::size_t i = from;
  for (std::uint64_t eight; i + 8 <= text.size(); i += 8) {
    std::memcpy(&eight, text.data() + i, 8);
    if (((eight - ones * 0x0E) & ~eight & high) != 0) break;
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) <= '\r' && (c == '\t' || c == '\r' || c == '\n')) text[i] = ' ';
  }
}

} // namespace

std::string menu_field(std::string_view text) {
  std::string field(text);
  blank_line_breaks(field, 0);
  return field;
}

std::string GopherMenu::display_text(std::string_view text) const {
  std::string shown = ascii_ ? to_ascii(text) : std::string(text);
  blank_line_breaks(shown, 0);
  return shown;
}

void GopherMenu::line(char type, std::string_view display, std::string_view selector, std::string_view host,
                      std::uint16_t port) {
  // Appended piece by piece: a capsule's menus hold millions of these lines.
  out_ += type;
  out_ += display;
  out_ += '\t';
  const std::size_t selector_start = out_.size();
  out_ += selector;
  blank_line_breaks(out_, selector_start);
  out_ += '\t';
  out_ += host;
  out_ += '\t';
  char digits[8];
  out_.append(digits, std::to_chars(digits, digits + sizeof digits, port).ptr);
  out_ += "\r\n";
}

void GopherMenu::info(std::string_view text) {
  const std::string shown = display_text(text);
  // Most info lines (a date, a byline, a heading) need no wrapping.
  if (is_one_wrapped_line(shown, max_menu_display_columns)) {
    line('i', shown, "", "error.host", 1);
    return;
  }
  // A display string holds no line breaks, so the wrapped lines are where the "\n"s are.
  std::string wrapped;
  append_wrapped(wrapped, shown, max_menu_display_columns);
  std::string_view lines = wrapped;
  for (std::size_t end; (end = lines.find('\n')) != std::string_view::npos; lines.remove_prefix(end + 1)) {
    // A single word wider than a menu (a long URL) is split by columns: a menu
    // line's display string must stay under 70 columns whatever it holds.
    std::string_view rest = lines.substr(0, end);
    do {
      std::size_t cut = utf8_prefix_bytes(rest, max_menu_display_columns);
      line('i', rest.substr(0, cut), "", "error.host", 1);
      rest.remove_prefix(cut);
    } while (!rest.empty());
  }
}

void GopherMenu::item(char type, std::string_view display, std::string_view selector) {
  line(type, cut_to_width(display_text(display), max_menu_display_columns), selector, origin_.host, origin_.port);
}

void GopherMenu::url(std::string_view display, std::string_view target) {
  line('h', cut_to_width(display_text(display), max_menu_display_columns), fmt::format("URL:{}", target),
       origin_.host, origin_.port);
}

std::string GopherMenu::finish() {
  out_ += ".\r\n";
  return std::move(out_);
}

} // namespace gazette
