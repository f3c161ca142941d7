// A server-side TLS connection: OpenSSL reads the socket itself, and Asio
// only says when the socket is ready. Compared with asio::ssl::stream this
// spares two 17 KiB buffers per connection, a BIO pair (two more), and a
// copy of every byte through them; an idle connection then holds little
// more than OpenSSL's own state.
//
// What OpenSSL writes is held and sent in as few writes as the exchange
// allows: the handshake's flight when the client must answer it, then the
// session ticket, the response and close_notify together. Each write is a
// system call and, on loopback, a packet whose delivery the sender pays for.
#pragma once
#include "net/openssl_handles.hpp"

#include <asio/awaitable.hpp>
#include <asio/buffer.hpp>
#include <asio/ip/tcp.hpp>
#include <openssl/ssl.h>
#include <string>
#include <system_error>

namespace gazette {

class TlsStream {
public:
  // `socket` must be non-blocking: OpenSSL reads it directly.
  TlsStream(asio::ip::tcp::socket socket, SSL_CTX* context);
  // OpenSSL's output goes to unsent_ by address.
  TlsStream(const TlsStream&) = delete;
  TlsStream& operator=(const TlsStream&) = delete;

  asio::ip::tcp::socket& next_layer() { return socket_; }
  auto get_executor() { return socket_.get_executor(); }
  const SSL* native_handle() const { return ssl_.get(); }

  asio::awaitable<void> handshake(std::error_code& ec);
  asio::awaitable<std::size_t> read_some(asio::mutable_buffer buffer, std::error_code& ec);
  // Sends close_notify after everything held. Waiting for the client's
  // before closing keeps a late byte from the client from resetting the
  // connection while our last bytes are still on their way; a client that
  // let its request time out is not waited for.
  enum class ClientCloseNotify { wait, skip };
  asio::awaitable<void> shutdown(std::error_code& ec, ClientCloseNotify client = ClientCloseNotify::wait);

  // Holds the bytes' records, sending them once a flush's worth is held;
  // shutdown sends the rest.
  friend asio::awaitable<std::size_t> write_all(TlsStream& stream, asio::const_buffer bytes, std::error_code& ec);

private:
  // Runs one OpenSSL call to completion, sending what is held and waiting
  // on the socket whenever OpenSSL needs the client's next bytes. Returns
  // the call's positive result, or 0 with `ec` set.
  template <typename Call> asio::awaitable<int> complete(Call call, std::error_code& ec);
  // Sends every held byte, waiting while the socket's buffer is full.
  asio::awaitable<void> send_held(std::error_code& ec);

  asio::ip::tcp::socket socket_;
  std::string unsent_; // records OpenSSL has written and the socket has not yet taken
  SslHandle ssl_;
};

// Reads what the client has sent, as socket_io.hpp does for a plain socket.
inline asio::awaitable<std::size_t> read_some_now(TlsStream& stream, asio::mutable_buffer buffer, std::error_code& ec) {
  return stream.read_some(buffer, ec);
}

// Writes every byte, or stops at the first error in `ec`.
asio::awaitable<std::size_t> write_all(TlsStream& stream, asio::const_buffer bytes, std::error_code& ec);

} // namespace gazette
