// Serving one Gemini connection: TLS handshake, one request line, one
// response from the current snapshot, close_notify.
#pragma once
#include "connection_limit.hpp"
#include "snapshot_store.hpp"

#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>

namespace gazette {

class GeminiServer {
public:
  explicit GeminiServer(SnapshotStore& snapshots) : snapshots_(snapshots) {}

  // `ticket` is held until the connection ends.
  asio::awaitable<void> serve(asio::ip::tcp::socket socket, ConnectionTicket ticket);

private:
  SnapshotStore& snapshots_;
};

} // namespace gazette
