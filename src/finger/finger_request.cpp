#include "finger/finger_request.hpp"

namespace gazette {

namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

} // namespace

FramedRequest frame_finger_request(std::string_view received) {
  const std::size_t newline = received.find('\n');
  if (newline == std::string_view::npos)
    return {received.size() >= max_finger_request_bytes ? Framing::too_long : Framing::need_more};
  const std::size_t length = newline > 0 && received[newline - 1] == '\r' ? newline - 1 : newline;
  return {Framing::complete, length};
}

std::variant<FingerRequest, FingerRefusal> parse_finger_request(std::string_view line) {
  if (line.size() > max_finger_query_bytes) return FingerRefusal{"Query is longer than 1024 bytes"};
  for (unsigned char c : line)
    if ((c < 0x20 && c != '\t') || c == 0x7F) return FingerRefusal{"Query contains a control character"};

  FingerRequest request;
  std::string_view query = trim_spaces(line);
  // "/W" asks for verbose output; a lone "/W" or "/W name", never "/Wname".
  if ((query.starts_with("/W") || query.starts_with("/w")) &&
      (query.size() == 2 || query[2] == ' ' || query[2] == '\t')) {
    request.verbose = true;
    query = trim_spaces(query.substr(2));
  }
  // "name@host" asks this server to pass the query on (RFC 1288, 2.5.1).
  if (query.find('@') != std::string_view::npos) return FingerRefusal{"Finger forwarding service denied"};
  request.name.reserve(query.size());
  for (char c : query) request.name += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return request;
}

} // namespace gazette
