#include "spartan/spartan_request.hpp"

#include "text/url_path.hpp"

#include <charconv>

namespace gazette {

namespace {

bool is_host_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == ':' || c == '[' || c == ']';
}

} // namespace

FramedRequest frame_spartan_request(std::string_view received) {
  // The line ends at its first LF; one without its CR stays in the line, for
  // the parser to refuse at once rather than wait for a CRLF that won't come.
  const std::size_t lf = received.find('\n');
  if (lf == std::string_view::npos)
    return {received.size() >= max_spartan_request_bytes ? Framing::too_long : Framing::need_more};
  const bool crlf = lf > 0 && received[lf - 1] == '\r';
  const std::size_t line_bytes = crlf ? lf - 1 : lf + 1;
  if (line_bytes > max_spartan_line_bytes) return {Framing::too_long};
  return {Framing::complete, line_bytes};
}

std::variant<SpartanRequest, SpartanRefusal> parse_spartan_request(std::string_view line) {
  if (line.size() > max_spartan_line_bytes) return SpartanRefusal{"Request line is longer than 1024 bytes"};
  for (unsigned char c : line) {
    if (c == '\n') return SpartanRefusal{"Request has a line feed without its carriage return; end the line with CRLF"};
    if (c < 0x20 || c >= 0x7F) return SpartanRefusal{"Request is not printable US-ASCII; percent-encode the path"};
  }

  const std::size_t first = line.find(' ');
  const std::size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos)
    return SpartanRefusal{"Send \"host path content-length\", separated by single spaces"};
  const std::string_view host = line.substr(0, first);
  const std::string_view raw_path = line.substr(first + 1, second - first - 1);
  const std::string_view length = line.substr(second + 1);

  if (host.empty()) return SpartanRefusal{"Request names no host"};
  for (char c : host)
    if (!is_host_character(c)) return SpartanRefusal{"Host is not a host name or IP address"};
  if (!raw_path.starts_with('/')) return SpartanRefusal{"Path must start with \"/\""};

  SpartanRequest request;
  request.host = std::string(host);
  if (length.empty()) return SpartanRefusal{"Content length is not a number of bytes"};
  const auto [end, error] = std::from_chars(length.data(), length.data() + length.size(), request.content_length);
  if (error != std::errc() || end != length.data() + length.size())
    return SpartanRefusal{"Content length is not a number of bytes"};

  const std::size_t question = raw_path.find('?');
  auto path = normalize_request_path(raw_path.substr(0, question));
  if (auto* refusal = std::get_if<PathRefusal>(&path)) return SpartanRefusal{refusal->reason};
  request.path = std::move(std::get<std::string>(path));
  if (question != std::string_view::npos && !percent_decode(raw_path.substr(question + 1), request.query))
    return SpartanRefusal{"Query has a malformed percent escape"};
  return request;
}

} // namespace gazette
