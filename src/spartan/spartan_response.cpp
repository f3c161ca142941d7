#include "spartan/spartan_response.hpp"

#include <fmt/format.h>

namespace gazette {

std::string spartan_header(int status, std::string_view meta) {
  // Meta is one line: a message can hold no line break of its own.
  std::string line = fmt::format("{} ", status);
  for (char c : meta) line += c == '\r' || c == '\n' ? ' ' : c;
  line += "\r\n";
  return line;
}

std::string spartan_mime_type(std::string_view gemini_mime_type) {
  std::string kept;
  std::size_t start = 0;
  while (start <= gemini_mime_type.size()) {
    std::size_t end = gemini_mime_type.find(';', start);
    if (end == std::string_view::npos) end = gemini_mime_type.size();
    std::string_view part = gemini_mime_type.substr(start, end - start);
    start = end + 1;
    while (part.starts_with(' ')) part.remove_prefix(1);
    if (part.empty() || part.starts_with("lang=")) continue;
    if (!kept.empty()) kept += "; ";
    kept += part;
  }
  return kept;
}

} // namespace gazette
