// What Gopher, Spartan and Finger share as front ends of the connection loop:
// plain TCP with no handshake and no client certificate, answers that ask
// for no work beyond a body the loop reads, and a close that sends what is
// left. Each protocol's front end adds its framing, answer and log form.
#pragma once
#include "net/guarded_stream.hpp"
#include "net/socket_io.hpp"
#include "server/connection.hpp"

#include <array>

namespace gazette {

struct PlainTcpFrontEnd {
  using Stream = asio::ip::tcp::socket;

  static std::shared_ptr<GuardedStream<asio::ip::tcp::socket>> open(std::shared_ptr<ConnectionDeadlines> deadlines,
                                                                     asio::ip::tcp::socket socket, const Snapshot&) {
    return std::make_shared<GuardedStream<asio::ip::tcp::socket>>(std::move(deadlines), std::move(socket));
  }
  static asio::awaitable<bool> start(asio::ip::tcp::socket&) { co_return true; }
  static std::optional<ClientCertificate> client_certificate(const asio::ip::tcp::socket&) { return std::nullopt; }
  static asio::awaitable<Answer> carry_out(const ConnectionServices&, std::shared_ptr<const Snapshot>, Answer answer) {
    co_return answer;
  }
  // Closing the socket, when the connection goes, sends what is left and the
  // FIN. But a close with bytes still unread sends a reset instead, which
  // can destroy the answer on its way to a client that sent too much: then
  // the answer and the FIN go first, and what the client still sends is read
  // and dropped until it closes, up to a limit, within the deadline armed
  // for the answer.
  static asio::awaitable<void> finish(asio::ip::tcp::socket& socket, bool, bool input_left) {
    if (!input_left) co_return;
    std::error_code ec;
    socket.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    std::array<char, 4096> dropped;
    for (std::size_t total = 0; !ec && total < max_dropped_bytes;)
      total += co_await read_some_now(socket, asio::buffer(dropped), ec);
  }

private:
  static constexpr std::size_t max_dropped_bytes = 256 * 1024;
};

} // namespace gazette
