// Serving one Gopher connection: one selector line, one answer from the
// current snapshot, then the connection is closed.
#pragma once
#include "config.hpp"
#include "connection_limit.hpp"
#include "snapshot_store.hpp"

#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>

namespace gazette {

class GopherServer {
public:
  GopherServer(const Config& config, SnapshotStore& snapshots) : config_(config), snapshots_(snapshots) {}

  // `slot` is held until the connection ends.
  asio::awaitable<void> serve(asio::ip::tcp::socket socket, ConnectionLimit::Slot slot);

private:
  const Config& config_;
  SnapshotStore& snapshots_;
};

} // namespace gazette
