#include "gopher/gopher_request.hpp"

#include "text/url_path.hpp"
#include "text/utf8.hpp"

namespace gazette {

FramedRequest frame_gopher_request(std::string_view received) {
  std::size_t newline = received.find('\n');
  if (newline == std::string_view::npos)
    return {received.size() >= max_gopher_request_bytes ? Framing::too_long : Framing::need_more};
  std::size_t length = newline > 0 && received[newline - 1] == '\r' ? newline - 1 : newline;
  return {Framing::complete, length};
}

std::variant<GopherRequest, HttpRequest, GopherRefusal> parse_gopher_request(std::string_view line) {
  if (line.starts_with("GET ") || line.starts_with("HEAD ")) {
    std::string_view rest = line.substr(line.find(' ') + 1);
    return HttpRequest{std::string(rest.substr(0, rest.find(' ')))};
  }

  GopherRequest request;
  std::size_t tab = line.find('\t');
  std::string_view selector = line.substr(0, tab);
  if (selector.size() > max_gopher_selector_bytes)
    return GopherRefusal{"Selector is longer than 1024 bytes"};
  if (!is_valid_utf8(selector)) return GopherRefusal{"Selector is not valid UTF-8"};
  for (unsigned char c : selector)
    if (c < 0x20 || c == 0x7F) return GopherRefusal{"Selector contains a control character"};
  // A URL: selector holds someone else's URL, whose path is not ours to judge.
  if (!selector.starts_with("URL:") && climbs_above_root(selector))
    return GopherRefusal{"Selector climbs above the root"};
  request.selector = std::string(selector);

  if (tab != std::string_view::npos) {
    // Gopher+ clients append a field starting "+", "!" or "$" (item,
    // attributes, directory attributes); it is never part of the search words.
    auto is_gopher_plus = [](std::string_view field) {
      return !field.empty() && (field[0] == '+' || field[0] == '!' || field[0] == '$') &&
             field.find(' ') == std::string_view::npos;
    };
    std::string_view rest = line.substr(tab + 1);
    std::size_t second_tab = rest.find('\t');
    std::string_view first = rest.substr(0, second_tab);
    if (is_gopher_plus(first)) {
      request.gopher_plus = true;
    } else {
      if (!is_valid_utf8(first)) return GopherRefusal{"Search words are not valid UTF-8"};
      request.has_search = true;
      request.search = std::string(first);
      if (second_tab != std::string_view::npos) request.gopher_plus = is_gopher_plus(rest.substr(second_tab + 1));
    }
  }
  return request;
}

} // namespace gazette
