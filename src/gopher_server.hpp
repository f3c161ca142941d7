// Serving one Gopher connection: one selector line, one answer from the
// current snapshot, then the connection is closed.
#pragma once
#include "access_log.hpp"
#include "client_limits.hpp"
#include "connection_deadlines.hpp"
#include "connection_limit.hpp"
#include "connection_origin.hpp"
#include "snapshot_store.hpp"

#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>

namespace gazette {

class GopherServer {
public:
  GopherServer(SnapshotStore& snapshots, ClientLimits& clients, AccessLog& access_log,
               std::shared_ptr<ConnectionDeadlines> deadlines)
      : snapshots_(snapshots), clients_(clients), access_log_(access_log), deadlines_(std::move(deadlines)) {}

  // `slot` is held until the connection ends.
  asio::awaitable<void> serve(asio::ip::tcp::socket socket, ConnectionOrigin origin, ConnectionLimit::Slot slot);

private:
  SnapshotStore& snapshots_;
  ClientLimits& clients_;
  AccessLog& access_log_;
  std::shared_ptr<ConnectionDeadlines> deadlines_;
};

} // namespace gazette
