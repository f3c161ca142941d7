// A Spartan request line: "host SP path SP content-length CRLF", which a
// body of content-length bytes follows. Pure: the line in, what was asked
// or a named refusal out.
#pragma once
#include "snapshot/answer.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace gazette {

inline constexpr std::size_t max_spartan_line_bytes = 1024;
// The most a connection reads for its request line: the line and its CRLF.
inline constexpr std::size_t max_spartan_request_bytes = max_spartan_line_bytes + 2;

struct SpartanRequest {
  std::string host;  // as sent; one server serves one publication whatever the name
  std::string path;  // decoded and normalized: the snapshot's key
  std::string query; // a "?query" some clients leave on the path, decoded
  std::uint64_t content_length = 0;
};

struct SpartanRefusal {
  std::string message; // answered with status 4
};

// `line` is the request without its CRLF.
std::variant<SpartanRequest, SpartanRefusal> parse_spartan_request(std::string_view line);

// Reading a request: complete at the first CRLF, as the specification
// writes it (the body that may follow starts after it), or at an LF alone,
// which the line keeps and parse_spartan_request refuses; too long past the limit.
FramedRequest frame_spartan_request(std::string_view received);

} // namespace gazette
