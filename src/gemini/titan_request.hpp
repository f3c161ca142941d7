// A Titan request line (titan://host/path;mime=...;size=N;token=..., the
// body of N bytes following it on the same connection), or Lagrange's
// titan://host/path;edit, which asks for what is there to edit it. Pure:
// bytes and the server's identity in, a request or a named refusal out.
#pragma once
#include "gemini/gemini_request.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace gazette {

struct TitanRequest {
  std::string url;        // as received
  std::string authority;  // "host[:port]" as the client wrote it
  std::string path;       // decoded and normalized, as for Gemini
  bool edit = false;      // ";edit": send the source to edit, take no body
  std::uint64_t size = 0; // bytes of the body that follows the line
  std::string mime;       // "type/subtype" in lowercase, its parameters dropped; empty when not given
  std::string token;      // decoded; Gazette knows editors by their certificates and ignores it
};

// Whether the line is a titan:// request, to be parsed by parse_titan_request.
bool is_titan_request(std::string_view line);

// Overwrites the value of a titan:// line's token parameter with "*", in
// place, so that a logged line never holds it: Gazette has no use for
// tokens, and one a client sends may be a password of another site's.
void mask_titan_token(std::span<char> line);

// `line` is the request without its CRLF.
std::variant<TitanRequest, GeminiRefusal> parse_titan_request(std::string_view line, const GeminiIdentity& identity);

} // namespace gazette
