// The load generator's side of TLS: plain OpenSSL on a non-blocking socket,
// with Asio only telling us when the socket is ready. No BIO pairs and no
// copies, so that the client stays cheaper than the server it measures.
#pragma once
#include "bench_target.hpp"
#include "net/openssl_handles.hpp"

#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/redirect_error.hpp>
#include <asio/use_awaitable.hpp>
#include <openssl/ssl.h>

namespace gazette::bench {

using gazette::SslContextHandle;
using gazette::SslHandle;
using gazette::SslSessionHandle;

// TLS 1.3, X25519, and no certificate checks: the bench measures servers
// with self-signed certificates, and checking them is the client's own cost.
SslContextHandle make_client_context();

// A client connection on the socket `fd`, naming the host by SNI when the URL
// gave a name rather than an address.
SslHandle start_client_tls(SSL_CTX* context, const BenchTarget& target, int fd);

// Repeats `call` (SSL_do_handshake, SSL_read, ...) until it succeeds, waiting
// for the socket whenever OpenSSL wants to read or write. Returns the call's
// positive result, or minus the SSL_get_error code.
template <typename Call>
asio::awaitable<int> complete_tls_call(asio::ip::tcp::socket& socket, SSL* ssl, Call call) {
  for (;;) {
    const int result = call();
    if (result > 0) co_return result;
    const int error = SSL_get_error(ssl, result);
    if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) co_return -error;
    std::error_code ec;
    co_await socket.async_wait(error == SSL_ERROR_WANT_READ ? asio::ip::tcp::socket::wait_read
                                                            : asio::ip::tcp::socket::wait_write,
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return -SSL_ERROR_SYSCALL; // cancelled by the timeout, or the socket failed
  }
}

} // namespace gazette::bench
