// A server-side TLS connection: OpenSSL reads and writes the socket itself,
// and Asio only says when the socket is ready. Compared with
// asio::ssl::stream this spares two 17 KiB buffers per connection, a BIO
// pair (two more), and a copy of every byte through them; an idle
// connection then holds little more than OpenSSL's own state.
#pragma once
#include "openssl_handles.hpp"

#include <asio/awaitable.hpp>
#include <asio/buffer.hpp>
#include <asio/ip/tcp.hpp>
#include <openssl/ssl.h>
#include <system_error>

namespace gazette {

class TlsStream {
public:
  TlsStream(asio::ip::tcp::socket socket, SSL_CTX* context);

  asio::ip::tcp::socket& next_layer() { return socket_; }
  auto get_executor() { return socket_.get_executor(); }

  asio::awaitable<void> handshake(std::error_code& ec);
  asio::awaitable<std::size_t> read_some(asio::mutable_buffer buffer, std::error_code& ec);
  // Sends close_notify and waits for the client's, as Gemini asks.
  asio::awaitable<void> shutdown(std::error_code& ec);

  friend asio::awaitable<std::size_t> write_all(TlsStream& stream, asio::const_buffer bytes, std::error_code& ec);

private:
  // Runs one OpenSSL call to completion, waiting on the socket whenever
  // OpenSSL asks to. Returns the call's positive result, or 0 with `ec` set.
  template <typename Call> asio::awaitable<int> complete(Call call, std::error_code& ec);

  asio::ip::tcp::socket socket_;
  SslHandle ssl_;
};

// Writes every byte, or stops at the first error in `ec`.
asio::awaitable<std::size_t> write_all(TlsStream& stream, asio::const_buffer bytes, std::error_code& ec);

} // namespace gazette
