// A Gemini request line, checked top to bottom against the specification.
// Pure: bytes and the server's identity in, a request or a named refusal out.
#pragma once
#include "snapshot/answer.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gazette {

inline constexpr std::size_t max_gemini_url_bytes = 1024;
// The most a connection reads for its request: the URL and its CRLF.
inline constexpr std::size_t max_gemini_request_bytes = max_gemini_url_bytes + 2;

struct GeminiRequest {
  std::string url;   // as received, for the access log
  std::string authority; // "host[:port]" as written
  std::string path;  // decoded and normalized: the snapshot's key
  std::string query; // raw (still percent-encoded), without the "?"
  std::string query_text; // the query percent-decoded; as sent when it does not decode
  bool has_query = false;
};

struct GeminiRefusal {
  int status; // 59 bad request, 53 proxy request refused
  std::string meta;
};

// Where this server answers: the names it serves and the port the request arrived on.
struct GeminiIdentity {
  const std::vector<std::string>& hostnames; // lowercase
  std::uint16_t port;
};

// `line` is the request without its CRLF.
std::variant<GeminiRequest, GeminiRefusal> parse_gemini_request(std::string_view line,
                                                                const GeminiIdentity& identity);

// What every request URL on the Gemini port shares (gemini:// and titan://
// alike), checked: the line as a whole, the scheme, and this server's host
// and port.
struct RequestUrl {
  std::string authority; // "host[:port]" as the client wrote it
  std::string rest;      // what follows the authority, non-ASCII bytes %-escaped
};

// `scheme` is the one expected, lowercase; another is refused with 53.
std::variant<RequestUrl, GeminiRefusal> parse_request_url(std::string_view line, const GeminiIdentity& identity,
                                                         std::string_view scheme);

// Reading a request: has `received` a complete line (ended by CRLF, or by
// an LF alone, which the line keeps and parse_request_url refuses) yet, or
// can it never have one?
FramedRequest frame_gemini_request(std::string_view received);

} // namespace gazette
