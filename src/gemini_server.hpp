// Serving one Gemini connection: TLS handshake, one request line, one
// response from the current snapshot, close_notify.
#pragma once
#include "config.hpp"
#include "connection_limit.hpp"
#include "snapshot_store.hpp"

#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/ssl/context.hpp>

namespace gazette {

class GeminiServer {
public:
  GeminiServer(const Config& config, SnapshotStore& snapshots, asio::ssl::context& tls)
      : config_(config), snapshots_(snapshots), tls_(tls) {}

  // `slot` is held until the connection ends.
  asio::awaitable<void> serve(asio::ip::tcp::socket socket, ConnectionLimit::Slot slot);

private:
  const Config& config_;
  SnapshotStore& snapshots_;
  asio::ssl::context& tls_;
};

} // namespace gazette
