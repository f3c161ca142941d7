// The running server: listeners for each protocol on one io_context run by
// N threads, the connection limit, and a graceful stop on SIGINT/SIGTERM.
#pragma once
#include "snapshot/snapshot_store.hpp"

#include <asio/io_context.hpp>
#include <cstdint>
#include <functional>

namespace gazette {

// Binds every address of the current snapshot's config on `io`, serves until
// a stop signal, then lets in-flight responses finish for up to
// shutdown_timeout. `after_binding` runs once every listener is bound and
// before any connection is served (to drop privileges and make the first
// snapshot: a connection made meanwhile waits in the kernel); when it returns
// false, nothing is served. `capsule_changed` asks for a reload at once (the
// newsroom calls it after each change it makes).
struct ServerRun {
  int exit_status = 0;
  std::uint64_t requests = 0; // answered, on every protocol
};
ServerRun run_server(asio::io_context& io, SnapshotStore& snapshots, const std::function<bool()>& after_binding,
                     std::function<void()> capsule_changed);

} // namespace gazette
