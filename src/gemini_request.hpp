// A Gemini request line, checked top to bottom against the specification.
// Pure: bytes and the server's identity in, a request or a named refusal out.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gazette {

inline constexpr std::size_t max_gemini_url_bytes = 1024;

struct GeminiRequest {
  std::string url;   // as received, for the access log
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

// Reading a request: has `received` a complete line yet, or can it never have one?
enum class RequestFraming { need_more, complete, too_long };
struct FramedRequest {
  RequestFraming state;
  std::size_t line_length = 0; // bytes before the CRLF when complete
};
FramedRequest frame_gemini_request(std::string_view received);

} // namespace gazette
