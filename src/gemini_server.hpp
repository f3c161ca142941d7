// Serving one Gemini connection: TLS handshake, one request line, one
// response from the current snapshot, close_notify.
#pragma once
#include "client_limits.hpp"
#include "connection_limit.hpp"
#include "connection_origin.hpp"
#include "snapshot_store.hpp"

#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>

namespace gazette {

class GeminiServer {
public:
  GeminiServer(SnapshotStore& snapshots, ClientLimits& clients) : snapshots_(snapshots), clients_(clients) {}

  // `slot` is held until the connection ends.
  asio::awaitable<void> serve(asio::ip::tcp::socket socket, ConnectionOrigin origin, ConnectionLimit::Slot slot);

private:
  SnapshotStore& snapshots_;
  ClientLimits& clients_;
};

} // namespace gazette
