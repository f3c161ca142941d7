// Text as the capsule's files hold it, made regular for pages and menus.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

// Strips a byte order mark and turns CRLF into LF; line numbers are unchanged.
std::string normalize_newlines(std::string_view text);

// Collapses runs of white space (newlines too) into single spaces and drops
// control characters, for values shown as one line.
std::string single_line(std::string_view text);

} // namespace gazette
