// TOML text parsed through the ASCII guard, with any error given as a line
// and a message saying what is wrong and what to do: one way of reading and
// reporting for config.toml, site.toml, _section.toml and front matter.
#pragma once
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace gazette {

struct ParsedToml {
  toml::table table;
  int error_line = 0; // when not 0, the text did not parse and `table` is empty
  std::string error;
};

// `text` must be valid UTF-8; `source` names it in the nodes' positions.
// A syntax error's message starts with `invalid`, such as "not valid TOML".
ParsedToml parse_toml(std::string_view text, std::string_view source, std::string_view invalid = "not valid TOML");

// Whether the parser's error at 1-based `column` of `line` is text written
// without quotes where a value belongs (title = The Desk, tags = [war]): the
// parser takes its first letter for the start of true, false, inf or nan,
// or of nothing it knows, and says only that.
bool is_unquoted_text(std::string_view line, std::size_t column);

} // namespace gazette
