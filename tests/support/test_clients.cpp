#include "test_clients.hpp"

#include <asio/co_spawn.hpp>
#include <asio/connect.hpp>
#include <asio/detached.hpp>
#include <asio/read.hpp>
#include <asio/redirect_error.hpp>
#include <asio/ssl.hpp>
#include <asio/use_awaitable.hpp>
#include <asio/write.hpp>
#include <fmt/format.h>

namespace gazette::testing {
namespace {

using asio::ip::tcp;

asio::awaitable<void> run_gemini(asio::ssl::stream<tcp::socket>& stream, std::uint16_t port, std::string request,
                                 std::string preamble, GeminiResponse& response) {
  std::error_code ec;
  co_await stream.next_layer().async_connect({asio::ip::make_address("127.0.0.1"), port},
                                             asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    response.error = "connect: " + ec.message();
    co_return;
  }
  if (!preamble.empty())
    co_await asio::async_write(stream.next_layer(), asio::buffer(preamble), asio::redirect_error(asio::use_awaitable, ec));
  co_await stream.async_handshake(asio::ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    response.error = "handshake: " + ec.message();
    co_return;
  }
  response.handshake_done = true;
  response.resumed = SSL_session_reused(stream.native_handle()) == 1;
  response.tls_version = SSL_get_version(stream.native_handle());
  if (X509* cert = SSL_get1_peer_certificate(stream.native_handle())) {
    unsigned char* der = nullptr;
    int length = i2d_X509(cert, &der);
    if (length > 0) response.peer_certificate_der.assign(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    X509_free(cert);
  }
  co_await asio::async_write(stream, asio::buffer(request), asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    response.error = "write: " + ec.message();
    co_return;
  }
  std::string received;
  char buffer[16384];
  for (;;) {
    std::size_t n = co_await stream.async_read_some(asio::buffer(buffer), asio::redirect_error(asio::use_awaitable, ec));
    received.append(buffer, n);
    if (ec) break;
  }
  // A clean TLS end (close_notify) reads as eof; a bare TCP close as stream_truncated.
  response.close_notify = ec == asio::error::eof;
  if (ec != asio::error::eof && ec != asio::ssl::error::stream_truncated) response.error = "read: " + ec.message();
  const std::size_t header_end = received.find("\r\n");
  response.header = received.substr(0, header_end);
  if (header_end != std::string::npos) response.body = received.substr(header_end + 2);
  response.completed = true;
  response.session.reset(SSL_get1_session(stream.native_handle()), SSL_SESSION_free);
  if (response.close_notify) {
    co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
  }
}

void use_identity(asio::ssl::context& tls, const ClientIdentity* identity) {
  if (!identity) return;
  SSL_CTX_use_certificate(tls.native_handle(), identity->certificate.get());
  SSL_CTX_use_PrivateKey(tls.native_handle(), identity->key.get());
}

GeminiResponse exchange(std::uint16_t port, std::string_view raw_request, std::chrono::milliseconds limit,
                        std::string_view preamble, SSL_SESSION* resume, std::string_view source_address,
                        const ClientIdentity* identity) {
  asio::io_context io;
  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.set_verify_mode(asio::ssl::verify_none); // Gemini is trust on first use
  use_identity(tls, identity);
  asio::ssl::stream<tcp::socket> stream(io, tls);
  SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
  if (resume) SSL_set_session(stream.native_handle(), resume);
  if (!source_address.empty()) {
    // Any 127.x.y.z reaches a loopback listener, so a test can be a second client.
    stream.next_layer().open(tcp::v4());
    stream.next_layer().bind({asio::ip::make_address(std::string(source_address)), 0});
  }
  GeminiResponse response;
  asio::co_spawn(io, run_gemini(stream, port, std::string(raw_request), std::string(preamble), response), asio::detached);
  io.run_for(limit);
  if (!response.completed && response.error.empty()) response.error = "timed out";
  return response;
}

} // namespace

ClientIdentity make_client_identity(const std::string& common_name, std::chrono::seconds valid_from,
                                    std::chrono::seconds valid_until) {
  ClientIdentity identity;
  identity.key.reset(EVP_EC_gen("P-256"), EVP_PKEY_free);
  identity.certificate.reset(X509_new(), X509_free);
  X509* cert = identity.certificate.get();
  X509_set_version(cert, X509_VERSION_3);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), static_cast<long>(valid_from.count()));
  X509_gmtime_adj(X509_getm_notAfter(cert), static_cast<long>(valid_until.count()));
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(common_name.c_str()), -1,
                             -1, 0);
  X509_set_issuer_name(cert, name);
  X509_set_pubkey(cert, identity.key.get());
  X509_sign(cert, identity.key.get(), EVP_sha256());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  X509_digest(cert, EVP_sha256(), digest, &length);
  for (unsigned int i = 0; i < length; ++i) {
    identity.fingerprint += fmt::format("{:02x}", digest[i]);
    identity.fingerprint_with_colons += fmt::format("{}{:02X}", i ? ":" : "", digest[i]);
  }
  return identity;
}

GeminiResponse gemini_exchange(std::uint16_t port, std::string_view raw_request, std::chrono::milliseconds limit,
                               std::string_view preamble, SSL_SESSION* resume, std::string_view source_address) {
  return exchange(port, raw_request, limit, preamble, resume, source_address, nullptr);
}

GeminiResponse gemini_exchange_as(const ClientIdentity& identity, std::uint16_t port, std::string_view raw_request,
                                  std::chrono::milliseconds limit, SSL_SESSION* resume) {
  return exchange(port, raw_request, limit, {}, resume, {}, &identity);
}

struct GeminiConversation::State {
  asio::io_context io;
  asio::ssl::context tls{asio::ssl::context::tls_client};
  asio::ssl::stream<tcp::socket> stream{io, tls};
};

GeminiConversation::GeminiConversation(std::uint16_t port, const ClientIdentity* identity)
    : state_(std::make_unique<State>()) {
  if (identity) {
    SSL_use_certificate(state_->stream.native_handle(), identity->certificate.get());
    SSL_use_PrivateKey(state_->stream.native_handle(), identity->key.get());
  }
  std::error_code ec;
  state_->stream.next_layer().connect({asio::ip::make_address("127.0.0.1"), port}, ec);
  if (!ec) state_->stream.handshake(asio::ssl::stream_base::client, ec);
  handshake_done_ = !ec;
}

GeminiConversation::~GeminiConversation() = default;

void GeminiConversation::send(std::string_view bytes) {
  std::error_code ec;
  asio::write(state_->stream, asio::buffer(bytes), ec);
}

GeminiResponse GeminiConversation::read_response(std::chrono::milliseconds limit) {
  GeminiResponse response;
  auto read_all = [&]() -> asio::awaitable<void> {
    std::string received;
    char buffer[16384];
    std::error_code ec;
    for (;;) {
      std::size_t n = co_await state_->stream.async_read_some(asio::buffer(buffer), asio::redirect_error(asio::use_awaitable, ec));
      received.append(buffer, n);
      if (ec) break;
    }
    response.close_notify = ec == asio::error::eof;
    const std::size_t header_end = received.find("\r\n");
    response.header = received.substr(0, header_end);
    if (header_end != std::string::npos) response.body = received.substr(header_end + 2);
    response.completed = true;
  };
  asio::co_spawn(state_->io, read_all(), asio::detached);
  state_->io.run_for(limit);
  state_->io.restart();
  return response;
}

bool GeminiConversation::closed_by_server_within(std::chrono::milliseconds limit) {
  bool closed = false;
  auto read_to_end = [&]() -> asio::awaitable<void> {
    char buffer[4096];
    std::error_code ec;
    auto& socket = state_->stream.next_layer();
    while (!ec) co_await socket.async_read_some(asio::buffer(buffer), asio::redirect_error(asio::use_awaitable, ec));
    closed = true;
  };
  asio::co_spawn(state_->io, read_to_end(), asio::detached);
  state_->io.run_for(limit);
  state_->io.restart();
  return closed;
}

TlsHandshake tls_handshake(std::uint16_t port, int min_version, int max_version, std::chrono::milliseconds limit) {
  asio::io_context io;
  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.set_verify_mode(asio::ssl::verify_none);
  SSL_CTX* native = tls.native_handle();
  // OpenSSL's default security level would stop a TLS 1.0 or 1.1 hello on our own side.
  SSL_CTX_set_security_level(native, 0);
  SSL_CTX_set_cipher_list(native, "ALL:@SECLEVEL=0");
  SSL_CTX_set_min_proto_version(native, min_version);
  SSL_CTX_set_max_proto_version(native, max_version);
  asio::ssl::stream<tcp::socket> stream(io, tls);
  SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
  TlsHandshake result;
  bool finished = false;
  auto handshake = [&]() -> asio::awaitable<void> {
    std::error_code ec;
    co_await stream.next_layer().async_connect({asio::ip::make_address("127.0.0.1"), port},
                                               asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) co_await stream.async_handshake(asio::ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
    finished = true;
    if (ec) {
      result.error = ec.message();
      co_return;
    }
    result.done = true;
    result.version = SSL_get_version(stream.native_handle());
    result.cipher = SSL_get_cipher_name(stream.native_handle());
  };
  asio::co_spawn(io, handshake(), asio::detached);
  io.run_for(limit);
  if (!finished) result.error = "timed out";
  return result;
}

GeminiResponse gemini_get(std::uint16_t port, std::string_view path) {
  return gemini_exchange(port, fmt::format("gemini://localhost:{}{}\r\n", port, path));
}

TcpResponse tcp_exchange(std::uint16_t port, std::string_view request, std::chrono::milliseconds limit,
                         bool then_close_sending) {
  asio::io_context io;
  tcp::socket socket(io);
  TcpResponse response;
  auto exchange = [&]() -> asio::awaitable<void> {
    std::error_code ec;
    co_await socket.async_connect({asio::ip::make_address("127.0.0.1"), port}, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    co_await asio::async_write(socket, asio::buffer(request), asio::redirect_error(asio::use_awaitable, ec));
    if (then_close_sending) socket.shutdown(tcp::socket::shutdown_send, ec);
    char buffer[16384];
    for (;;) {
      std::size_t n = co_await socket.async_read_some(asio::buffer(buffer), asio::redirect_error(asio::use_awaitable, ec));
      response.bytes.append(buffer, n);
      if (ec) break;
    }
    response.completed = ec == asio::error::eof;
  };
  asio::co_spawn(io, exchange(), asio::detached);
  io.run_for(limit);
  return response;
}

IdleConnection::IdleConnection(std::uint16_t port) : socket_(io_) {
  socket_.connect({asio::ip::make_address("127.0.0.1"), port});
}

bool IdleConnection::closed_by_server_within(std::chrono::milliseconds limit) {
  bool closed = false;
  auto read_to_end = [&]() -> asio::awaitable<void> {
    char buffer[4096];
    std::error_code ec;
    while (!ec) co_await socket_.async_read_some(asio::buffer(buffer), asio::redirect_error(asio::use_awaitable, ec));
    closed = true;
  };
  asio::co_spawn(io_, read_to_end(), asio::detached);
  io_.run_for(limit);
  return closed;
}

} // namespace gazette::testing
