// The TOML library Debian ships (toml++ 3.3) reaches undefined behaviour when
// it meets some non-ASCII characters where it looks for white space (its
// generated table has holes). So it is only ever given ASCII: before parsing,
// every non-ASCII character inside a string becomes a \u escape (a literal
// string becomes the equivalent basic string), one in a comment becomes "?",
// and one anywhere else — where TOML allows none — is refused. A string
// without its closing quote is refused too, on the line it starts: the
// parser would name a control character instead, and a one-line literal
// string would otherwise be closed here at its line's end.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

struct AsciiToml {
  std::string text;   // the same document, in ASCII, with the same lines
  int error_line = 0; // when not 0, the text could not be made ASCII, or a string is not closed
  std::string error;  // what is wrong and what to do
};

// `text` must be valid UTF-8.
AsciiToml ascii_toml(std::string_view text);

} // namespace gazette
