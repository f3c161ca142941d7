// A Finger query (RFC 1288): an optional "/W", a name, and no "@host"
// forwarding. Pure: the line in, the name asked for or a named refusal out.
#pragma once
#include "snapshot/answer.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace gazette {

inline constexpr std::size_t max_finger_query_bytes = 1024;
// The most a connection reads for its query: the line and its end.
inline constexpr std::size_t max_finger_request_bytes = max_finger_query_bytes + 2;

struct FingerRequest {
  std::string name;     // lowercase; empty for the list of latest stories
  bool verbose = false; // "/W" was sent: accepted, and answered as any query
};

struct FingerRefusal {
  std::string message;
};

// `line` is the query without its CRLF (or LF: some clients send a bare LF).
std::variant<FingerRequest, FingerRefusal> parse_finger_request(std::string_view line);

// Reading a query: done at the first LF (the line is without CR LF); too
// long past the limit.
FramedRequest frame_finger_request(std::string_view received);

} // namespace gazette
