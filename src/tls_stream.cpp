#include "tls_stream.hpp"

#include <asio/redirect_error.hpp>
#include <cerrno>
#include <asio/use_awaitable.hpp>
#include <algorithm>
#include <climits>
#include <openssl/err.h>

namespace gazette {

TlsStream::TlsStream(asio::ip::tcp::socket socket, SSL_CTX* context) : socket_(std::move(socket)), ssl_(SSL_new(context)) {
  if (!ssl_) throw std::system_error(std::make_error_code(std::errc::not_enough_memory), "SSL_new");
  std::error_code ignored;
  socket_.non_blocking(true, ignored);
  SSL_set_fd(ssl_.get(), socket_.native_handle());
  SSL_set_accept_state(ssl_.get());
}

template <typename Call> asio::awaitable<int> TlsStream::complete(Call call, std::error_code& ec) {
  for (;;) {
    // The error queue is per thread and shared by every connection on it.
    ERR_clear_error();
    const int result = call();
    if (result > 0) co_return result;
    const int error = SSL_get_error(ssl_.get(), result);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
      co_await socket_.async_wait(error == SSL_ERROR_WANT_READ ? asio::ip::tcp::socket::wait_read
                                                               : asio::ip::tcp::socket::wait_write,
                                  asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return 0; // cancelled by the connection's deadline, or the socket failed
      continue;
    }
    // A close_notify, or the peer simply going away, both end the stream.
    const bool closed = error == SSL_ERROR_ZERO_RETURN ||
                        (error == SSL_ERROR_SSL && ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING) ||
                        (error == SSL_ERROR_SYSCALL && errno == 0);
    ec = closed ? asio::error::eof : std::make_error_code(std::errc::protocol_error);
    ERR_clear_error();
    co_return 0;
  }
}

asio::awaitable<void> TlsStream::handshake(std::error_code& ec) {
  SSL* ssl = ssl_.get();
  co_await complete([ssl] { return SSL_do_handshake(ssl); }, ec);
}

asio::awaitable<std::size_t> TlsStream::read_some(asio::mutable_buffer buffer, std::error_code& ec) {
  SSL* ssl = ssl_.get();
  const int wanted = static_cast<int>(std::min<std::size_t>(buffer.size(), INT_MAX));
  co_return static_cast<std::size_t>(co_await complete([&] { return SSL_read(ssl, buffer.data(), wanted); }, ec));
}

asio::awaitable<std::size_t> write_all(TlsStream& stream, asio::const_buffer bytes, std::error_code& ec) {
  SSL* ssl = stream.ssl_.get();
  std::size_t written = 0;
  while (written < bytes.size()) {
    const int chunk = static_cast<int>(std::min<std::size_t>(bytes.size() - written, INT_MAX));
    const char* from = static_cast<const char*>(bytes.data()) + written;
    const int n = co_await stream.complete([&] { return SSL_write(ssl, from, chunk); }, ec);
    if (ec) break;
    written += static_cast<std::size_t>(n);
  }
  co_return written;
}

asio::awaitable<void> TlsStream::shutdown(std::error_code& ec) {
  SSL* ssl = ssl_.get();
  // SSL_shutdown returns 0 once ours is sent, 1 once the client's has come.
  ERR_clear_error();
  const int sent = SSL_shutdown(ssl);
  if (sent == 1) co_return;
  if (sent < 0) {
    const int error = SSL_get_error(ssl, sent);
    if (error != SSL_ERROR_WANT_WRITE && error != SSL_ERROR_WANT_READ) {
      ec = std::make_error_code(std::errc::protocol_error);
      ERR_clear_error();
      co_return;
    }
  }
  co_await complete([ssl] { return SSL_shutdown(ssl); }, ec);
  if (ec == asio::error::eof) ec.clear(); // the client closed without its own close_notify: ours was delivered
}

} // namespace gazette
