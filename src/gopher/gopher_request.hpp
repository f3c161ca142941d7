// A Gopher request line: a selector, maybe a TAB and search words, maybe a
// Gopher+ suffix. Pure: the line in, what was asked out.
#pragma once
#include "snapshot/answer.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace gazette {

inline constexpr std::size_t max_gopher_selector_bytes = 1024;
// The most a connection reads for its request: a selector, search words
// after a TAB, and the line's end.
inline constexpr std::size_t max_gopher_request_bytes = max_gopher_selector_bytes + 512 + 2;

struct GopherRequest {
  std::string selector;     // as sent, e.g. "/world/pier" or "" for the root
  std::string search;       // words after the TAB, for type 7 items
  bool has_search = false;
  bool gopher_plus = false; // "\t+", "\t!" or "\t$": answered as plain Gopher
};

// A browser that connected to the Gopher port.
struct HttpRequest {
  std::string path;
};

struct GopherRefusal {
  std::string message;
};

// `line` is the request without its CRLF (or LF: many clients send a bare LF).
std::variant<GopherRequest, HttpRequest, GopherRefusal> parse_gopher_request(std::string_view line);

// Reading a request: done at the first LF (the line is without CR LF); too
// long past the limit.
FramedRequest frame_gopher_request(std::string_view received);

} // namespace gazette
