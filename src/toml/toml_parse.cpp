#include "toml/toml_parse.hpp"

#include "toml/toml_guard.hpp"

#include <fmt/format.h>

namespace gazette {
namespace {

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '+' || c == ':';
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view line_of(std::string_view text, int line) {
  std::size_t start = 0;
  for (int at = 1; at < line; ++at) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  return text.substr(start, text.find('\n', start) - start);
}

} // namespace

bool is_unquoted_text(std::string_view line, std::size_t column) {
  // The parser stops on the word or just after it.
  std::size_t end = std::min(column == 0 ? 0 : column - 1, line.size());
  if (end == line.size() || !is_word_byte(line[end])) {
    if (end == 0 || !is_word_byte(line[end - 1])) return false;
    --end;
  }
  std::size_t start = end;
  while (start > 0 && is_word_byte(line[start - 1])) --start;
  while (end < line.size() && is_word_byte(line[end])) ++end;
  const std::string_view word = line.substr(start, end - start);
  if (!is_letter(word.front()) || word == "true" || word == "false" || word == "inf" || word == "nan") return false;
  // A value follows "=", and inside an array "[" or ","; a table header's
  // name follows "[" too, but on a line without "=".
  std::size_t before = start;
  while (before > 0 && (line[before - 1] == ' ' || line[before - 1] == '\t')) --before;
  if (before == 0) return false;
  const char opener = line[before - 1];
  if (opener == '=') return true;
  return (opener == '[' || opener == ',') && line.substr(0, before).find('=') != std::string_view::npos;
}

ParsedToml parse_toml(std::string_view text, std::string_view source, std::string_view invalid) {
  ParsedToml parsed;
  const AsciiToml ascii = ascii_toml(text);
  if (ascii.error_line) {
    parsed.error_line = ascii.error_line;
    parsed.error = ascii.error;
    return parsed;
  }
  try {
    parsed.table = toml::parse(ascii.text, source);
  } catch (const toml::parse_error& e) {
    parsed.error_line = static_cast<int>(e.source().begin.line);
    parsed.error =
        is_unquoted_text(line_of(ascii.text, parsed.error_line), e.source().begin.column)
            ? fmt::format("{}: text must be in quotes, as in title = \"The Foreign Desk\" (numbers, dates, true and "
                          "false go without)",
                          invalid)
            : fmt::format("{}: {}", invalid, e.description());
  }
  return parsed;
}

} // namespace gazette
