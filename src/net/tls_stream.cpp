#include "net/tls_stream.hpp"

#include "net/socket_io.hpp"

#include <algorithm>
#include <asio/redirect_error.hpp>
#include <asio/use_awaitable.hpp>
#include <cerrno>
#include <climits>
#include <openssl/bio.h>
#include <openssl/err.h>

namespace gazette {

namespace {

// Held records are sent once this many wait, so that a long response goes
// out while the next part is encrypted rather than all at the end.
constexpr std::size_t send_threshold_bytes = 16 * 1024;

int hold_output(BIO* bio, const char* bytes, int length) {
  static_cast<std::string*>(BIO_get_data(bio))->append(bytes, static_cast<std::size_t>(length));
  return length;
}

// OpenSSL flushes after each flight and alert; holding on is the point, so
// a flush succeeds at once. Nothing else is asked of a sink like this one.
long control_held_output(BIO*, int command, long, void*) { return command == BIO_CTRL_FLUSH ? 1 : 0; }

const BIO_METHOD* held_output_method() {
  static const std::unique_ptr<BIO_METHOD, OpenSslDeleter<BIO_meth_free>> method = [] {
    std::unique_ptr<BIO_METHOD, OpenSslDeleter<BIO_meth_free>> made(
        BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "held TLS output"));
    if (!made || BIO_meth_set_write(made.get(), hold_output) != 1 ||
        BIO_meth_set_ctrl(made.get(), control_held_output) != 1)
      throw std::system_error(std::make_error_code(std::errc::not_enough_memory), "BIO_meth_new");
    return made;
  }();
  return method.get();
}

} // namespace

TlsStream::TlsStream(asio::ip::tcp::socket socket, SSL_CTX* context) : socket_(std::move(socket)), ssl_(SSL_new(context)) {
  if (!ssl_) throw std::system_error(std::make_error_code(std::errc::not_enough_memory), "SSL_new");
  BioHandle input(BIO_new_socket(socket_.native_handle(), BIO_NOCLOSE));
  BioHandle output(BIO_new(held_output_method()));
  if (!input || !output) throw std::system_error(std::make_error_code(std::errc::not_enough_memory), "BIO_new");
  BIO_set_data(output.get(), &unsent_);
  BIO_set_init(output.get(), 1);
  SSL_set_bio(ssl_.get(), input.release(), output.release());
  SSL_set_accept_state(ssl_.get());
}

asio::awaitable<void> TlsStream::send_held(std::error_code& ec) {
  std::error_code error;
  co_await write_all(socket_, asio::buffer(unsent_), error);
  if (error) ec = error;
  // Given back rather than kept: an idle connection should hold no response.
  std::string().swap(unsent_);
}

template <typename Call> asio::awaitable<int> TlsStream::complete(Call call, std::error_code& ec) {
  for (;;) {
    // The error queue is per thread and shared by every connection on it.
    ERR_clear_error();
    const int result = call();
    if (result > 0) co_return result;
    const int error = SSL_get_error(ssl_.get(), result);
    if (error == SSL_ERROR_WANT_READ) {
      // The client may be waiting for what OpenSSL has just written.
      ec.clear();
      co_await send_held(ec);
      if (!ec) co_await socket_.async_wait(asio::ip::tcp::socket::wait_read, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return 0; // cancelled by the connection's deadline, or the socket failed
      continue;
    }
    // A close_notify, or the peer simply going away, both end the stream.
    const bool closed = error == SSL_ERROR_ZERO_RETURN ||
                        (error == SSL_ERROR_SSL && ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING) ||
                        (error == SSL_ERROR_SYSCALL && errno == 0);
    ERR_clear_error();
    // An alert OpenSSL wrote about the failure is still owed to the client.
    co_await send_held(ec);
    ec = closed ? asio::error::eof : std::make_error_code(std::errc::protocol_error);
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
  if (!ec && stream.unsent_.size() >= send_threshold_bytes) co_await stream.send_held(ec);
  co_return written;
}

asio::awaitable<void> TlsStream::shutdown(std::error_code& ec, ClientCloseNotify client) {
  SSL* ssl = ssl_.get();
  // SSL_shutdown returns 0 once ours is written, 1 once the client's has come.
  ERR_clear_error();
  const int state = SSL_shutdown(ssl);
  const bool failed = state < 0 && SSL_get_error(ssl, state) != SSL_ERROR_WANT_READ;
  ERR_clear_error();
  co_await send_held(ec); // the response, even when close_notify could not follow it
  if (failed && !ec) ec = std::make_error_code(std::errc::protocol_error);
  if (ec || state == 1 || client == ClientCloseNotify::skip) co_return;
  co_await complete([ssl] { return SSL_shutdown(ssl); }, ec);
  if (ec == asio::error::eof) ec.clear(); // the client closed without its own close_notify: ours was delivered
}

} // namespace gazette
