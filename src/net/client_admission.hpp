// The start of every connection: who it is from (the client named by a
// PROXY protocol header when the listener sits behind a load balancer, else
// the peer), and whether that client's limits let it go on.
#pragma once
#include "net/client_limits.hpp"
#include "net/guarded_stream.hpp"
#include "net/proxy_header.hpp"

#include <asio/awaitable.hpp>
#include <asio/read.hpp>
#include <asio/redirect_error.hpp>
#include <asio/use_awaitable.hpp>
#include <optional>
#include <string>

namespace gazette {

// Reads exactly the header's bytes, never into the connection's own (a TLS
// ClientHello follows at once): the 15 bytes every header has, then what
// the bytes so far say is still missing.
template <typename Stream> asio::awaitable<ProxyHeader> read_proxy_header(GuardedStream<Stream>& connection) {
  std::string received;
  std::size_t wanted = 15;
  ProxyHeader header;
  while (header.state == ProxyHeader::State::need_more) {
    const std::size_t start = received.size();
    received.resize(start + wanted);
    std::error_code ec;
    co_await asio::async_read(connection.socket(), asio::buffer(received.data() + start, wanted),
                              asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return ProxyHeader{ProxyHeader::State::invalid, 0, {}, "connection closed in the PROXY header"};
    header = parse_proxy_header(received);
    // Version 2 says its length in bytes 14 and 15; version 1 ends at CRLF.
    const bool version_2 = static_cast<unsigned char>(received[0]) == 0x0D;
    if (version_2 && received.size() < 16) wanted = 16 - received.size();
    else if (version_2)
      wanted = 16 + (std::size_t{static_cast<unsigned char>(received[14])} << 8 | static_cast<unsigned char>(received[15])) -
               received.size();
    else wanted = 1;
  }
  co_return header;
}

// Sets `client` to the client's address; nullopt when the connection must
// be closed at once (a bad PROXY header, or too many connections).
template <typename Stream>
asio::awaitable<std::optional<ClientLimits::Ticket>> admit_client(GuardedStream<Stream>& connection, bool proxy_protocol,
                                                                 ClientLimits& limits, std::string& client) {
  if (proxy_protocol) {
    const ProxyHeader header = co_await read_proxy_header(connection);
    if (header.state != ProxyHeader::State::complete) co_return std::nullopt;
    if (!header.client.empty()) client = header.client;
  }
  co_return limits.admit(client);
}

} // namespace gazette
