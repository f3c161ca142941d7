#include "text/normalize.hpp"

namespace gazette {

std::string normalize_newlines(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // Copied a line at a time: most files have no CRLF at all.
  std::string out;
  out.reserve(text.size());
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t crlf = text.find("\r\n", start);
    if (crlf == std::string_view::npos) {
      out.append(text.substr(start));
      break;
    }
    out.append(text.substr(start, crlf - start));
    start = crlf + 1; // the LF is kept
  }
  return out;
}

// Front matter values become single lines of pages and menus; a multi-line
// TOML string must not break them.
std::string single_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (unsigned char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (c < 0x20 || c == 0x7F) continue;
    if (pending_space) out += ' ';
    pending_space = false;
    out += static_cast<char>(c);
  }
  return out;
}

} // namespace gazette
