#include "net/proxy_header.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

std::string v2(unsigned char command, unsigned char family, std::string addresses) {
  std::string header("\x0D\x0A\x0D\x0A\x00\x0D\x0A\x51\x55\x49\x54\x0A", 12);
  header += static_cast<char>(0x20 | command);
  header += static_cast<char>(family);
  header += static_cast<char>(addresses.size() >> 8);
  header += static_cast<char>(addresses.size() & 0xFF);
  return header + addresses;
}

} // namespace

TEST_CASE("PROXY protocol headers, version 1 and 2") {
  struct Row {
    std::string received;
    ProxyHeader::State state;
    std::size_t length;
    std::string client;
  };
  const std::string ipv4_addresses("\xC0\x00\x02\x01\xC6\x33\x64\x01\xDC\x04\x01\xBB", 12);
  std::string ipv6_addresses(36, '\0');
  ipv6_addresses[0] = '\x20', ipv6_addresses[1] = '\x01', ipv6_addresses[2] = '\x0d', ipv6_addresses[3] = '\xb8',
  ipv6_addresses[15] = '\x01';
  const Row rows[] = {
      {"PROXY TCP4 192.0.2.1 198.51.100.1 56324 1965\r\nrest", ProxyHeader::State::complete, 46, "192.0.2.1"},
      {"PROXY TCP6 2001:db8::1 2001:db8::2 56324 1965\r\n", ProxyHeader::State::complete, 47, "2001:db8::1"},
      {"PROXY UNKNOWN\r\n", ProxyHeader::State::complete, 15, ""},
      {"PROXY UNKNOWN ff ff\r\n", ProxyHeader::State::complete, 21, ""},
      {"PROXY TCP4 192.0.2.1", ProxyHeader::State::need_more, 0, ""},
      {"PRO", ProxyHeader::State::need_more, 0, ""},
      {"", ProxyHeader::State::need_more, 0, ""},
      {"PROXY TCP4 192.0.2.1 198.51.100.1 56324\r\n", ProxyHeader::State::invalid, 0, ""},
      {"PROXY TCP4 2001:db8::1 198.51.100.1 1 2\r\n", ProxyHeader::State::invalid, 0, ""},
      {"PROXY TCP4 192.0.2.1 198.51.100.1 65536 2\r\n", ProxyHeader::State::invalid, 0, ""},
      {"PROXY UDP4 192.0.2.1 198.51.100.1 1 2\r\n", ProxyHeader::State::invalid, 0, ""},
      {"PROXY TCP4 192.0.2.1 198.51.100.1 1 2 extra\r\n", ProxyHeader::State::invalid, 0, ""},
      {"PROXY " + std::string(120, 'x'), ProxyHeader::State::invalid, 0, ""},
      {"GET / HTTP/1.1\r\n", ProxyHeader::State::invalid, 0, ""},
      {"\x16\x03\x01", ProxyHeader::State::invalid, 0, ""},
      {v2(1, 0x11, ipv4_addresses) + "tls", ProxyHeader::State::complete, 28, "192.0.2.1"},
      {v2(1, 0x21, ipv6_addresses), ProxyHeader::State::complete, 52, "2001:db8::1"},
      {v2(0, 0x00, ""), ProxyHeader::State::complete, 16, ""},
      {v2(1, 0x11, ipv4_addresses + "TLVs"), ProxyHeader::State::complete, 32, "192.0.2.1"},
      {v2(1, 0x11, ipv4_addresses).substr(0, 20), ProxyHeader::State::need_more, 0, ""},
      {v2(1, 0x11, "short"), ProxyHeader::State::invalid, 0, ""},
      {v2(7, 0x11, ipv4_addresses), ProxyHeader::State::invalid, 0, ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.received);
    const ProxyHeader header = parse_proxy_header(row.received);
    CHECK(header.state == row.state);
    if (row.state == ProxyHeader::State::complete) {
      CHECK(header.length == row.length);
      CHECK(header.client == row.client);
    }
    if (row.state == ProxyHeader::State::invalid) CHECK_FALSE(header.error.empty());
  }
}
