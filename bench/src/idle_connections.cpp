#include "idle_connections.hpp"

#include "process_usage.hpp"
#include "tls_client.hpp"

#include <asio/co_spawn.hpp>
#include <cerrno>
#include <sys/socket.h>
#include <asio/detached.hpp>
#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>
#include <memory>
#include <openssl/err.h>
#include <vector>

namespace gazette::bench {

namespace {

using asio::ip::tcp;

struct IdleConnection {
  explicit IdleConnection(asio::io_context& io) : socket(io) {}
  tcp::socket socket;
  SslHandle tls;
};

struct Holding {
  const IdleSettings& settings;
  asio::io_context io;
  SslContextHandle tls_context = make_client_context();
  std::vector<std::unique_ptr<IdleConnection>> connections;
  unsigned next = 0;
  IdleResult result;

  explicit Holding(const IdleSettings& s) : settings(s) {}
};

// Open unless the server has closed or reset it; pending bytes (TLS session
// tickets) do not count against it.
bool still_open(tcp::socket& socket) {
  if (!socket.is_open()) return false;
  char byte;
  const ssize_t got = ::recv(socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return got > 0 || (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
}

asio::awaitable<void> open_connections(Holding& holding) {
  while (holding.next < holding.settings.count) {
    auto& connection = *holding.connections[holding.next++];
    std::error_code ec;
    co_await connection.socket.async_connect(holding.settings.endpoint, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      ++holding.result.errors["connect: " + ec.message()];
      continue;
    }
    if (holding.settings.target.protocol == Protocol::gopher) continue;
    connection.socket.non_blocking(true, ec);
    connection.tls = start_client_tls(holding.tls_context.get(), holding.settings.target,
                                      connection.socket.native_handle());
    SSL* tls = connection.tls.get();
    if (co_await complete_tls_call(connection.socket, tls, [tls] { return SSL_do_handshake(tls); }) < 0) {
      ++holding.result.errors["handshake failed"];
      ERR_clear_error();
      connection.socket.close(ec);
    }
  }
}

asio::awaitable<void> open_then_read(Holding& holding) {
  auto done = std::make_shared<unsigned>(0);
  asio::steady_timer all_open(holding.io, asio::steady_timer::time_point::max());
  for (unsigned i = 0; i < holding.settings.openers; ++i)
    asio::co_spawn(holding.io, open_connections(holding), [&, done](std::exception_ptr) {
      if (++*done == holding.settings.openers) all_open.cancel();
    });
  std::error_code ec;
  co_await all_open.async_wait(asio::redirect_error(asio::use_awaitable, ec));

  asio::steady_timer pause(holding.io);
  pause.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(holding.settings.hold));
  co_await pause.async_wait(asio::use_awaitable);
  for (auto& connection : holding.connections) holding.result.held += still_open(connection->socket);
  if (holding.settings.server_pid) holding.result.server_kib_after = process_resident_kib(holding.settings.server_pid);
  for (auto& connection : holding.connections) connection->socket.close(ec);
}

} // namespace

IdleResult hold_idle_connections(const IdleSettings& settings) {
  Holding holding(settings);
  for (unsigned i = 0; i < settings.count; ++i) holding.connections.push_back(std::make_unique<IdleConnection>(holding.io));
  if (settings.server_pid) holding.result.server_kib_before = process_resident_kib(settings.server_pid);
  const long long overflows = listen_overflows();
  asio::co_spawn(holding.io, open_then_read(holding), asio::detached);
  holding.io.run();
  holding.result.listen_overflows = listen_overflows() - overflows;
  return std::move(holding.result);
}

} // namespace gazette::bench
