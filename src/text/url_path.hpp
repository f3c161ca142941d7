// Turning the path of a request URL into the key the snapshot is indexed by.
#pragma once
#include <string>
#include <string_view>
#include <variant>

namespace gazette {

struct PathRefusal {
  std::string reason; // says what was wrong, for a 59 response
};

// Percent-decodes each segment of a raw URL path and removes dot segments,
// so that "/a/./b/../c" and "/a/%63" are both "/a/c". The result starts with
// "/" and keeps a trailing "/" when the request had one. A path whose ".."
// segments climb above "/" is refused rather than clamped: it names nothing
// (careful clients and Gemini's diagnostics expect a failure), and so is a
// segment that decodes to a "/" or "\" (an attempt to smuggle a separator),
// a control character or invalid UTF-8.
std::variant<std::string, PathRefusal> normalize_request_path(std::string_view raw_path);

inline constexpr std::string_view climbs_above_root_reason = "Path climbs above the root";

// Whether the "/"-separated segments of `path`, taken as they are, hold more
// ".." segments than there are folders to leave: "/a/../.." does, "/a/.." not.
bool climbs_above_root(std::string_view path);

// Decodes %XX escapes into `out`; false when an escape is malformed.
bool percent_decode(std::string_view text, std::string& out);

} // namespace gazette

namespace gazette {

// Escapes a decoded path for use in a URL: everything but unreserved
// characters, "/" and the sub-delimiters RFC 3986 allows in a path.
std::string percent_encode_path(std::string_view path);

} // namespace gazette
