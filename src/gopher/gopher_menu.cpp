#include "gopher/gopher_menu.hpp"

#include "text/ascii_transliteration.hpp"
#include "text/text_wrap.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <string>

namespace gazette {

namespace {

bool is_line_break(char c) { return c == '\t' || c == '\r' || c == '\n'; }

bool has_line_break(std::string_view text) { return std::any_of(text.begin(), text.end(), is_line_break); }

void blank_line_breaks(std::string& text) { std::replace_if(text.begin(), text.end(), is_line_break, ' '); }

} // namespace

std::string menu_field(std::string_view text) {
  std::string field(text);
  blank_line_breaks(field);
  return field;
}

std::string_view GopherMenu::display_text(std::string_view text, std::string& storage) const {
  // Most display strings need neither change: then they are used as they are.
  if (ascii_ && !is_ascii(text)) {
    storage = to_ascii(text);
  } else {
    if (!has_line_break(text)) return text;
    storage.assign(text);
  }
  blank_line_breaks(storage);
  return storage;
}

void GopherMenu::line(char type, std::string_view display, std::string_view selector, std::string_view host,
                      std::uint16_t port) {
  out_ += type;
  out_ += display;
  out_ += '\t';
  out_ += menu_field(selector);
  out_ += '\t';
  out_ += host;
  out_ += '\t';
  out_ += std::to_string(port);
  out_ += "\r\n";
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
