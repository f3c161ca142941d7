// The running server: listeners for each protocol on one io_context run by
// N threads, the connection limit, and a graceful stop on SIGINT/SIGTERM.
#pragma once
#include "config.hpp"
#include "snapshot_store.hpp"

#include <asio/ssl/context.hpp>

namespace gazette {

// Binds every configured address, serves until a stop signal, then lets
// in-flight responses finish for up to config.shutdown_timeout. Returns the
// process exit status.
int run_server(const Config& config, SnapshotStore& snapshots, asio::ssl::context& tls);

} // namespace gazette
