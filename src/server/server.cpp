#include "server/server.hpp"

#include "base/log.hpp"
#include "server/connection.hpp"
#include "server/finger_front_end.hpp"
#include "server/gemini_front_end.hpp"
#include "server/gopher_front_end.hpp"
#include "server/spartan_front_end.hpp"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/post.hpp>
#include <asio/ip/v6_only.hpp>
#include <asio/redirect_error.hpp>
#include <asio/signal_set.hpp>
#include <asio/steady_timer.hpp>
#include <asio/strand.hpp>
#include <asio/thread_pool.hpp>
#include <asio/use_awaitable.hpp>
#include <atomic>
#include <functional>
#include <thread>
#include <unistd.h>
#include <utility>

namespace gazette {
namespace {

using asio::ip::tcp;

// Bursts of new connections queue in the kernel instead of being refused.
constexpr int listen_backlog = 4096;

using ConnectionHandler = std::function<asio::awaitable<void>(tcp::socket, ConnectionOrigin, ConnectionLimit::Slot)>;

// Each acceptor lives on its own strand, so closing it at shutdown never
// races with its accept loop on another thread.
struct Listener {
  std::string protocol;
  asio::strand<asio::io_context::executor_type> strand;
  tcp::acceptor acceptor;
  ConnectionHandler handler;
};

tcp::acceptor bind_listener(asio::strand<asio::io_context::executor_type>& strand, const ListenAddress& address) {
  tcp::endpoint endpoint(asio::ip::make_address(address.ip), address.port);
  tcp::acceptor acceptor(strand);
  acceptor.open(endpoint.protocol());
  acceptor.set_option(tcp::acceptor::reuse_address(true));
  if (endpoint.address().is_v6()) acceptor.set_option(asio::ip::v6_only(true));
  acceptor.bind(endpoint);
  acceptor.listen(listen_backlog);
  return acceptor;
}

constexpr int accept_burst = 64;

void start_connection(Listener& listener, ConnectionLimit& limit, tcp::socket socket, ConnectionOrigin origin) {
  // Over the limit, the socket closes as it goes out of scope, before any TLS work.
  auto slot = limit.try_acquire();
  if (!slot) return;
  // Both servers read and write the socket directly (see socket_io.hpp and
  // tls_stream.hpp), where a blocking call would stall every connection on
  // the thread: a socket that cannot be made non-blocking is not served.
  std::error_code ec;
  if (socket.non_blocking(true, ec); ec) return;
  auto executor = socket.get_executor();
  asio::co_spawn(executor, listener.handler(std::move(socket), std::move(origin), std::move(*slot)), asio::detached);
}

// One accept through the reactor, then whatever else is queued straight
// from accept(2): going back through the reactor for each one let a flood of
// new connections overflow the kernel's accept queue. (Waiting for
// readiness instead of accepting loses wake-ups on the edge-triggered
// reactor.) accept(2) also gives the peer's address, so no handler asks the
// kernel for it again.
asio::awaitable<void> accept_connections(Listener& listener, ConnectionLimit& limit, asio::io_context& io) {
  asio::steady_timer pause(io);
  listener.acceptor.non_blocking(true);
  const std::uint16_t port = listener.acceptor.local_endpoint().port();
  // What the next connection is accepted into, on a strand of its own; made
  // anew only once a connection takes it, not for every accept that finds
  // nothing.
  tcp::socket next(asio::make_strand(io));
  tcp::endpoint peer;
  auto take = [&] {
    start_connection(listener, limit, std::exchange(next, tcp::socket(asio::make_strand(io))), {peer.address(), port});
  };
  for (;;) {
    std::error_code ec;
    co_await listener.acceptor.async_accept(next, peer, asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !listener.acceptor.is_open()) co_return;
    if (ec == asio::error::connection_aborted) continue; // gone before we took it
    if (ec) {
      // Out of file descriptors, most likely: back off instead of spinning.
      log_message("{}: accept failed: {}", listener.protocol, ec.message());
      pause.expires_after(std::chrono::milliseconds(100));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    take();
    for (int taken = 0; taken < accept_burst; ++taken) {
      listener.acceptor.accept(next, peer, ec);
      if (ec) break; // would_block, almost always; async_accept reports anything else
      take();
    }
  }
}

asio::awaitable<void> sweep_deadlines(asio::io_context& io, std::shared_ptr<ConnectionDeadlines> deadlines) {
  asio::steady_timer timer(io);
  for (;;) {
    timer.expires_after(ConnectionDeadlines::sweep_interval);
    co_await timer.async_wait(asio::use_awaitable);
    deadlines->sweep(std::chrono::steady_clock::now());
  }
}

asio::awaitable<void> stop_when_idle(asio::io_context& io, ConnectionLimit& limit, std::chrono::milliseconds grace) {
  asio::steady_timer timer(io);
  const auto give_up = std::chrono::steady_clock::now() + grace;
  while (limit.active() > 0 && std::chrono::steady_clock::now() < give_up) {
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(asio::use_awaitable);
  }
  if (limit.active() > 0) log_message("stopping with {} connections still open", limit.active());
  io.stop();
}

} // namespace

ServerRun run_server(asio::io_context& io, SnapshotStore& snapshots, const std::function<bool()>& after_binding,
                     std::function<void()> capsule_changed) {
  // Listeners, threads and the connection limit come from the config at
  // start; a reload changes content, certificates and per-request settings.
  const std::shared_ptr<const Config> started_with = snapshots.current()->config;
  const Config& config = *started_with;
  auto limit = std::make_shared<ConnectionLimit>(config.max_connections);
  auto clients = std::make_shared<ClientLimits>(
      ClientLimitSettings{config.limits.connections_per_client, config.limits.requests_per_second, config.limits.burst});
  AccessLog access_log(STDOUT_FILENO);
  // Shared: a connection the stopped server has not finished yet still
  // unregisters as it goes.
  auto deadlines = std::make_shared<ConnectionDeadlines>();
  asio::thread_pool newsroom_work(1);
  const ConnectionServices services{snapshots,   *clients, access_log, deadlines, newsroom_work.get_executor(),
                                    std::move(capsule_changed)};

  std::vector<std::unique_ptr<Listener>> listeners;
  auto listen = [&](const std::string& protocol, const ListenAddress& address, ConnectionHandler handler) {
    try {
      auto strand = asio::make_strand(io);
      listeners.push_back(std::make_unique<Listener>(Listener{protocol, strand, bind_listener(strand, address), std::move(handler)}));
      return true;
    } catch (const std::system_error& e) {
      log_message("{}.listen: cannot listen on {}: {}", protocol, address.to_string(), e.code().message());
      return false;
    }
  };
  for (const auto& address : config.gemini.listen)
    if (!listen("gemini", address, [&services](tcp::socket socket, ConnectionOrigin origin, ConnectionLimit::Slot slot) {
          return serve_connection<GeminiFrontEnd>(services, std::move(socket), origin, std::move(slot));
        }))
      return {1};
  for (const auto& address : config.gopher.listen)
    if (!listen("gopher", address, [&services](tcp::socket socket, ConnectionOrigin origin, ConnectionLimit::Slot slot) {
          return serve_connection<GopherFrontEnd>(services, std::move(socket), origin, std::move(slot));
        }))
      return {1};
  for (const auto& address : config.spartan.listen)
    if (!listen("spartan", address, [&services](tcp::socket socket, ConnectionOrigin origin, ConnectionLimit::Slot slot) {
          return serve_connection<SpartanFrontEnd>(services, std::move(socket), origin, std::move(slot));
        }))
      return {1};
  for (const auto& address : config.finger.listen)
    if (!listen("finger", address, [&services](tcp::socket socket, ConnectionOrigin origin, ConnectionLimit::Slot slot) {
          return serve_connection<FingerFrontEnd>(services, std::move(socket), origin, std::move(slot));
        }))
      return {1};
  if (!after_binding()) return {1};
  for (auto& listener : listeners) {
    auto local = listener->acceptor.local_endpoint();
    log_message("{} listening on {}", listener->protocol,
                ListenAddress{local.address().to_string(), local.port()}.to_string());
    asio::co_spawn(listener->strand, accept_connections(*listener, *limit, io), asio::detached);
  }

  asio::co_spawn(io, sweep_deadlines(io, deadlines), asio::detached);

  asio::signal_set stop_signals(io, SIGINT, SIGTERM);
  stop_signals.async_wait([&](std::error_code ec, int signal) {
    if (ec) return;
    // Each listener closes on its own strand; the last to close says so, so
    // that once the line is logged no new connection is taken.
    auto finish = [&, signal] {
      log_message("received signal {}, no longer accepting; finishing open connections", signal);
      asio::co_spawn(io, stop_when_idle(io, *limit, config.shutdown_timeout), asio::detached);
    };
    if (listeners.empty()) finish();
    auto open_listeners = std::make_shared<std::atomic<std::size_t>>(listeners.size());
    for (auto& listener : listeners)
      asio::post(listener->strand, [&acceptor = listener->acceptor, open_listeners, finish] {
        std::error_code ignored;
        acceptor.close(ignored);
        if (--*open_listeners == 0) finish();
      });
  });

  unsigned threads = config.threads ? config.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::jthread> workers;
  for (unsigned i = 1; i < threads; ++i) workers.emplace_back([&io] { io.run(); });
  io.run();
  workers.clear();
  return {0, access_log.lines_added()};
}

} // namespace gazette
