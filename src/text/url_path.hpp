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

// A link written in the page at `page_path`, as a client resolves it
// (RFC 3986, section 5.2): a path starting with "/" as it is, any other
// against the page's folder ("images/x.png" in "/world/pier" is
// "/world/images/x.png"); dot segments removed, never above "/"; its query
// and fragment dropped. Only for links without a scheme.
std::string resolve_link_path(std::string_view page_path, std::string_view link);

// A path as an admin writes it in the capsule's files, "/images/x.png" or
// "images/x.png", from the capsule's folder: without its leading "/"s.
std::string_view capsule_relative(std::string_view path);

// Whether `link` starts with a URL scheme ("https:", "gemini:", "mailto:"),
// as opposed to being a path.
bool has_url_scheme(std::string_view link);
// That scheme in lowercase ("https"), or "" when `link` has none.
std::string url_scheme(std::string_view link);

// Decodes %XX escapes into `out`; false when an escape is malformed.
bool percent_decode(std::string_view text, std::string& out);

} // namespace gazette

namespace gazette {

// Escapes a decoded path for use in a URL: everything but unreserved
// characters, "/" and the sub-delimiters RFC 3986 allows in a path.
std::string percent_encode_path(std::string_view path);

} // namespace gazette
