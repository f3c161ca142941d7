// Serving one Gopher connection: one selector line, one answer from the
// current snapshot, then the connection is closed.
#pragma once
#include "connection_limit.hpp"
#include "snapshot_store.hpp"

#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>

namespace gazette {

class GopherServer {
public:
  explicit GopherServer(SnapshotStore& snapshots) : snapshots_(snapshots) {}

  // `ticket` is held until the connection ends.
  asio::awaitable<void> serve(asio::ip::tcp::socket socket, ConnectionTicket ticket);

private:
  SnapshotStore& snapshots_;
};

} // namespace gazette
