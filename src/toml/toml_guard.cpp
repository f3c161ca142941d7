#include "toml/toml_guard.hpp"

#include <cstdint>
#include <fmt/format.h>
#include <unicode/utf8.h>

namespace gazette {
namespace {

// Decodes the UTF-8 sequence at `i` (valid by contract) and leaves `i` on its
// last byte, for the caller's loop to step past.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto at = static_cast<std::int64_t>(i);
  UChar32 code_point;
  U8_NEXT_OR_FFFD(bytes, at, static_cast<std::int64_t>(text.size()), code_point);
  i = static_cast<std::size_t>(at - 1);
  return static_cast<char32_t>(code_point);
}

void append_unicode_escape(std::string& out, char32_t code) {
  const int digits = code > 0xFFFF ? 8 : 4;
  out += code > 0xFFFF ? "\\U" : "\\u";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += "0123456789ABCDEF"[(code >> shift) & 0xF];
}

// Bytes that never change the state and are copied as they are: ASCII other
// than quotes, escapes, comment marks and line ends.
bool is_ordinary(char c) {
  return static_cast<unsigned char>(c) < 0x80 && c != '"' && c != '\'' && c != '\\' && c != '#' && c != '\n';
}

} // namespace

AsciiToml ascii_toml(std::string_view text) {
  enum class State { plain, comment, basic, literal, multiline_basic, multiline_literal };
  State state = State::plain;
  AsciiToml out;
  out.text.reserve(text.size() + text.size() / 8);
  int line = 1;
  int string_line = 0; // where the string being read began
  auto at = [&](std::size_t i, std::string_view token) { return text.substr(i, token.size()) == token; };
  // TOML ends a one-line string only with its quote; the parser, given one
  // without, names a control character instead of the quote.
  auto unclosed = [&](char quote) {
    out.error_line = string_line;
    out.error = fmt::format("the string on this line is missing its closing {0}; end it with {0}, or put text of "
                            "several lines between {0}{0}{0} and {0}{0}{0}",
                            quote);
  };
  auto unclosed_multiline = [&](char quote) {
    out.error_line = string_line;
    out.error = fmt::format("the text that starts with {0}{0}{0} on this line is missing its closing {0}{0}{0}; add it after the text", quote);
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    // A run of ordinary bytes is copied at once, in any state but a
    // comment's (where '"' and '\'' are ordinary too, and nothing needs them).
    if (state != State::comment && is_ordinary(text[i])) {
      std::size_t end = i + 1;
      while (end < text.size() && is_ordinary(text[end])) ++end;
      out.text.append(text, i, end - i);
      i = end - 1;
      continue;
    }
    const char c = text[i];
    const bool ascii = static_cast<unsigned char>(c) < 0x80;
    if (c == '\n') ++line;
    switch (state) {
    case State::plain:
      if (!ascii) {
        out.error_line = line;
        out.error = "a character TOML does not allow outside quotes; put text in quotes, like title = \"...\"";
        return out;
      }
      if (c == '"' || c == '\'') string_line = line;
      if (c == '#') state = State::comment;
      else if (at(i, "\"\"\"")) state = State::multiline_basic, out.text += "\"\"", i += 2;
      else if (c == '"') state = State::basic;
      else if (at(i, "'''")) {
        state = State::multiline_literal, out.text += "\"\"\"", i += 2;
        continue;
      } else if (c == '\'') {
        state = State::literal, out.text += '"';
        continue;
      }
      out.text += c;
      break;
    case State::comment:
      if (c == '\n') state = State::plain;
      if (!ascii) next_code_point(text, i);
      out.text += ascii ? c : '?';
      break;
    case State::basic:
    case State::multiline_basic:
      if (!ascii) {
        append_unicode_escape(out.text, next_code_point(text, i));
        break;
      }
      if (state == State::basic && (c == '\n' || (c == '\\' && at(i + 1, "\n")))) {
        unclosed('"');
        return out;
      }
      if (c == '\\' && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0x80) {
        out.text += c;
        out.text += text[++i];
        if (text[i] == '\n') ++line;
        break;
      }
      if (state == State::basic && c == '"') state = State::plain;
      if (state == State::multiline_basic && at(i, "\"\"\"")) state = State::plain, out.text += "\"\"", i += 2;
      out.text += c;
      break;
    case State::literal:
    case State::multiline_literal: {
      if (state == State::literal && c == '\n') {
        unclosed('\'');
        return out;
      }
      const bool closes = state == State::literal ? c == '\'' : at(i, "'''");
      if (closes) {
        out.text += state == State::literal ? "\"" : "\"\"\"";
        if (state == State::multiline_literal) i += 2;
        state = State::plain;
      } else if (!ascii) {
        append_unicode_escape(out.text, next_code_point(text, i));
      } else if (c == '\\' || c == '"') {
        // The literal string becomes a basic one, where these need escapes.
        out.text += '\\';
        out.text += c;
      } else {
        out.text += c;
      }
      break;
    }
    }
  }
  if (state == State::basic || state == State::literal) unclosed(state == State::basic ? '"' : '\'');
  if (state == State::multiline_basic || state == State::multiline_literal)
    unclosed_multiline(state == State::multiline_basic ? '"' : '\'');
  return out;
}

} // namespace gazette
