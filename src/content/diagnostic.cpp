#include "content/diagnostic.hpp"

#include "text/text_wrap.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <string_view>

namespace gazette {

namespace {

// One diagnostic is one line of the log, whatever a file's name or a key
// holds: control characters are written as escapes, and so is every byte
// beyond ASCII of a line that is not UTF-8.
std::string one_printable_line(std::string_view text) {
  const bool utf8 = is_valid_utf8(text);
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (byte < 0x20 || byte == 0x7F || (!utf8 && byte >= 0x80)) out += fmt::format("\\x{:02X}", byte);
    else out += c;
  }
  return out;
}

} // namespace

std::string Diagnostic::to_string() const {
  const char* kind = severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
  if (line > 0) return one_printable_line(fmt::format("{}:{}: {}: {}", path, line, kind, message));
  return one_printable_line(fmt::format("{}: {}: {}", path, kind, message));
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
}

std::size_t files_with_errors(const Diagnostics& diagnostics) {
  std::set<std::string_view> files;
  for (const auto& diagnostic : diagnostics)
    if (diagnostic.severity == Diagnostic::Severity::error) files.insert(diagnostic.path);
  return files.size();
}

void sort_by_line(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
}

std::string kept_short(std::string text, std::string_view key, std::size_t limit, std::string& warning) {
  warning.clear();
  const std::size_t length = utf8_length(text);
  if (length <= limit) return text;
  warning = fmt::format("{} is {} characters long; pages show it cut to {}, at a word, with \u2026. Shorten it", key,
                        length, limit);
  return cut_to_width(text, limit, "\u2026");
}

} // namespace gazette
