// Building Gopher menus line by line: exactly four TAB-separated fields,
// CRLF endings, display strings under 70 columns, a "." line at the end.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace gazette {

// Where menu items point by default: this server, as advertised.
struct GopherOrigin {
  std::string host;
  std::uint16_t port = 70;
};

inline constexpr std::size_t max_menu_display_columns = 69;

class GopherMenu {
public:
  // With `ascii`, every display string is transliterated for legacy clients.
  GopherMenu(GopherOrigin origin, bool ascii) : origin_(std::move(origin)), ascii_(ascii) {}

  // Info lines ("i"); long text is wrapped over several, never cut.
  void info(std::string_view text);
  void blank() { info(""); }
  // An item on this server.
  void item(char type, std::string_view display, std::string_view selector);
  // A link outside Gopherspace: an "h" item with a "URL:" selector, which
  // this server answers with a page that sends browsers on.
  void url(std::string_view display, std::string_view target);
  // An item anywhere: on this server or another.
  void item_at(char type, std::string_view display, std::string_view selector, std::string_view host,
               std::uint16_t port);
  // Lines rendered for the same origin elsewhere (a story's list entry), copied in.
  void splice(std::string_view lines) { out_ += lines; }
  // The menu's bytes, ending with the "." line.
  std::string finish();
  // The lines so far, without the "." line: for splicing into other menus.
  std::string take_lines() { return std::exchange(out_, {}); }
  std::size_t lines_size() const { return out_.size(); }

private:
  void line(char type, std::string_view display, std::string_view selector, std::string_view host,
            std::uint16_t port);
  // `text` as a menu shows it: transliterated for an ASCII menu, its TABs,
  // CRs and LFs blanked. `text` itself when it needs neither, else kept in
  // `storage`.
  std::string_view display_text(std::string_view text, std::string& storage) const;
  // The same, cut to fit a menu line.
  std::string_view item_display(std::string_view display, std::string& storage) const;

  GopherOrigin origin_;
  bool ascii_;
  std::string out_;
};

// TAB, CR and LF would break a menu line's fields; they become spaces.
std::string menu_field(std::string_view text);

} // namespace gazette
