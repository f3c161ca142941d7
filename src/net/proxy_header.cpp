#include "net/proxy_header.hpp"

#include <arpa/inet.h>
#include <charconv>

namespace gazette {
namespace {

constexpr std::string_view v2_signature("\x0D\x0A\x0D\x0A\x00\x0D\x0A\x51\x55\x49\x54\x0A", 12);

ProxyHeader invalid(std::string error) {
  ProxyHeader header;
  header.state = ProxyHeader::State::invalid;
  header.error = std::move(error);
  return header;
}

bool valid_port(std::string_view text) {
  unsigned port = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  return ec == std::errc{} && end == text.data() + text.size() && port <= 65535 && !text.empty() &&
         (text == "0" || text[0] != '0');
}

ProxyHeader parse_v1(std::string_view received) {
  const std::size_t end = received.find("\r\n");
  if (end == std::string_view::npos)
    return received.size() >= 107 ? invalid("PROXY v1 header without CRLF in 107 bytes") : ProxyHeader{};
  if (end + 2 > 107) return invalid("PROXY v1 header longer than 107 bytes");
  std::string_view line = received.substr(0, end);

  std::string_view fields[6];
  std::size_t count = 0;
  while (!line.empty() && count < 6) {
    const std::size_t space = line.find(' ');
    fields[count++] = line.substr(0, space);
    line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
  }
  ProxyHeader header;
  header.state = ProxyHeader::State::complete;
  header.length = end + 2;
  if (count >= 2 && fields[1] == "UNKNOWN") return header;
  if (count != 6 || !line.empty()) return invalid("PROXY v1 header needs protocol, two addresses and two ports");
  const int family = fields[1] == "TCP4" ? AF_INET : fields[1] == "TCP6" ? AF_INET6 : -1;
  if (family < 0) return invalid("PROXY v1 protocol must be TCP4, TCP6 or UNKNOWN");
  unsigned char address[16];
  const std::string source(fields[2]), destination(fields[3]);
  if (inet_pton(family, source.c_str(), address) != 1 || inet_pton(family, destination.c_str(), address) != 1)
    return invalid("PROXY v1 address is not valid for its protocol");
  if (!valid_port(fields[4]) || !valid_port(fields[5])) return invalid("PROXY v1 port is not a number from 0 to 65535");
  header.client = source;
  return header;
}

ProxyHeader parse_v2(std::string_view received) {
  if (received.size() < 16) return {};
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(received[i]); };
  if ((byte(12) >> 4) != 2) return invalid("PROXY v2 header has an unknown version");
  const unsigned command = byte(12) & 0x0F;
  if (command > 1) return invalid("PROXY v2 header has an unknown command");
  const std::size_t length = 16 + (std::size_t{byte(14)} << 8 | byte(15));
  if (received.size() < length) return {};

  ProxyHeader header;
  header.state = ProxyHeader::State::complete;
  header.length = length;
  if (command == 0) return header; // LOCAL: the balancer's own connection, such as a health check
  const unsigned family = byte(13) >> 4;
  char text[INET6_ADDRSTRLEN] = "";
  if (family == 1) {
    if (length < 16 + 12) return invalid("PROXY v2 header too short for IPv4 addresses");
    inet_ntop(AF_INET, received.data() + 16, text, sizeof text);
  } else if (family == 2) {
    if (length < 16 + 36) return invalid("PROXY v2 header too short for IPv6 addresses");
    inet_ntop(AF_INET6, received.data() + 16, text, sizeof text);
  } else {
    return header; // UNSPEC or UNIX: no address to take
  }
  header.client = text;
  return header;
}

} // namespace

ProxyHeader parse_proxy_header(std::string_view received) {
  const std::size_t compared = std::min(received.size(), v2_signature.size());
  if (received.substr(0, compared) == v2_signature.substr(0, compared))
    return compared < v2_signature.size() ? ProxyHeader{} : parse_v2(received);
  constexpr std::string_view v1_prefix = "PROXY ";
  const std::size_t prefix = std::min(received.size(), v1_prefix.size());
  if (received.substr(0, prefix) != v1_prefix.substr(0, prefix)) return invalid("no PROXY protocol header");
  return prefix < v1_prefix.size() ? ProxyHeader{} : parse_v1(received);
}

} // namespace gazette
