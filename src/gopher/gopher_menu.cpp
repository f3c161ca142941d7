#include "gopher/gopher_menu.hpp"

#include "text/ascii_transliteration.hpp"
#include "text/text_wrap.hpp"
#include "text/utf8.hpp"

#include "text/eight_bytes.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>

namespace gazette {

namespace {

bool is_line_break(char c) { return c == '\t' || c == '\r' || c == '\n'; }

// Where the first TAB, CR or LF at or after `from` is, or text.size(). Eight
// bytes at a time past those with no byte below 0x0E, as nearly all are:
// subtracting 0x0E from every byte borrows into a byte's high bit where that
// byte was below it (bytes with the high bit set are masked out).
std::size_t first_line_break(std::string_view text, std::size_t from) {
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t eight = eight_bytes(text.data() + i);
    if (((eight - each_byte * 0x0E) & ~eight & high_bits) != 0) break;
  }
  while (i < text.size() && !is_line_break(text[i])) ++i;
  return i;
}

// TAB, CR and LF in the `size` bytes at `text` become spaces; in place,
// since a capsule's menus hold millions of fields.
void blank_line_breaks(char* text, std::size_t size) {
  for (std::size_t i = first_line_break({text, size}, 0); i < size; ++i)
    if (is_line_break(text[i])) text[i] = ' ';
}

} // namespace

std::string menu_field(std::string_view text) {
  std::string field(text);
  blank_line_breaks(field.data(), field.size());
  return field;
}

std::string_view GopherMenu::display_text(std::string_view text, std::string& storage) const {
  // Most display strings need neither change: then they are used as they are.
  if (ascii_ && !is_ascii(text)) {
    storage = to_ascii(text);
  } else {
    if (first_line_break(text, 0) == text.size()) return text;
    storage.assign(text);
  }
  blank_line_breaks(storage.data(), storage.size());
  return storage;
}

void GopherMenu::line(char type, std::string_view display, std::string_view selector, std::string_view host,
                      std::uint16_t port) {
  // Written in one go into room made for the whole line: a capsule's menus
  // hold millions of these lines.
  char digits[8];
  const char* const digits_end = std::to_chars(digits, digits + sizeof digits, port).ptr;
  const std::string_view port_text(digits, static_cast<std::size_t>(digits_end - digits));
  const std::size_t start = out_.size();
  // The type, three TABs and CRLF are the six bytes around the fields.
  out_.resize(start + display.size() + selector.size() + host.size() + port_text.size() + 6);
  char* at = out_.data() + start;
  auto put = [&at](std::string_view bytes) {
    std::memcpy(at, bytes.data(), bytes.size());
    at += bytes.size();
  };
  *at++ = type;
  put(display);
  *at++ = '\t';
  put(selector);
  blank_line_breaks(at - selector.size(), selector.size());
  *at++ = '\t';
  put(host);
  *at++ = '\t';
  put(port_text);
  put("\r\n");
}

void GopherMenu::info(std::string_view text) {
  std::string storage;
  const std::string_view shown = display_text(text, storage);
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

std::string_view GopherMenu::item_display(std::string_view display, std::string& storage) const {
  std::string_view shown = display_text(display, storage);
  // Bytes never undercount columns: a string that fits in bytes needs no cut.
  if (shown.size() > max_menu_display_columns) {
    storage = cut_to_width(shown, max_menu_display_columns);
    shown = storage;
  }
  return shown;
}

void GopherMenu::item(char type, std::string_view display, std::string_view selector) {
  std::string storage;
  line(type, item_display(display, storage), selector, origin_.host, origin_.port);
}

void GopherMenu::item_at(char type, std::string_view display, std::string_view selector, std::string_view host,
                         std::uint16_t port) {
  std::string storage;
  line(type, item_display(display, storage), selector, host, port);
}

void GopherMenu::url(std::string_view display, std::string_view target) {
  std::string storage;
  line('h', item_display(display, storage), fmt::format("URL:{}", target), origin_.host, origin_.port);
}

std::string GopherMenu::finish() {
  out_ += ".\r\n";
  return std::move(out_);
}

} // namespace gazette
