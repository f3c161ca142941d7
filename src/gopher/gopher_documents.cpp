#include "gopher/gopher_documents.hpp"

#include "gopher/gopher_menu.hpp"
#include "text/url_path.hpp"
#include "text/xml_escape.hpp"

#include <fmt/format.h>
#include <set>

namespace gazette {

std::string gopher_text_document(std::string_view lf_text, bool dot_terminator) {
  std::string out;
  out.reserve(lf_text.size() + lf_text.size() / 20 + 3);
  std::size_t start = 0;
  while (start < lf_text.size()) {
    std::size_t end = lf_text.find('\n', start);
    std::string_view line = lf_text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (dot_terminator && line.starts_with('.')) out += '.';
    out += line;
    out += "\r\n";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (dot_terminator) out += ".\r\n";
  return out;
}

std::string gopher_error_menu(std::string_view message) {
  return fmt::format("3{}\t\terror.host\t1\r\n.\r\n", menu_field(message));
}

bool may_leave_for(std::string_view target) {
  static const std::set<std::string, std::less<>> allowed{"http", "https", "gemini", "gopher", "ftp", "mailto"};
  if (!allowed.count(url_scheme(target))) return false;
  for (unsigned char c : target)
    if (c < 0x20 || c == 0x7F) return false;
  return true;
}

std::optional<std::string> url_redirect_page(std::string_view target) {
  if (!may_leave_for(target)) return std::nullopt;
  const std::string escaped = xml_escape(target);
  return fmt::format("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                     "<meta http-equiv=\"refresh\" content=\"2; url={0}\"><title>Leaving Gopherspace</title></head>\n"
                     "<body><p>This link leads outside Gopherspace:</p><p><a href=\"{0}\">{0}</a></p></body></html>\n",
                     escaped);
}

} // namespace gazette
