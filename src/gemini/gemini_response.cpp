#include "gemini/gemini_response.hpp"

#include <fmt/format.h>

namespace gazette {

std::string gemini_header(int status, std::string_view meta) {
  if (meta.size() > 1024) meta = meta.substr(0, 1024);
  // The header is one line, whatever a message quotes (an upload's text).
  std::string line = fmt::format("{} ", status);
  for (char c : meta) line += c == '\r' || c == '\n' ? ' ' : c;
  line += "\r\n";
  return line;
}

std::string gemtext_mime_type(std::string_view lang) {
  return lang.empty() ? std::string("text/gemini") : fmt::format("text/gemini; lang={}", lang);
}

} // namespace gazette
