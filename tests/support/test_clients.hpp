// Small clients that talk to the real server over loopback: Gemini over
// real TLS, Gopher over plain TCP. Every operation has a deadline, so a test
// can fail but never hang.
#pragma once
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <openssl/ssl.h>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace gazette::testing {

// A client certificate and its key, self-signed as Gemini clients make
// them, and the SHA-256 the server knows it by.
struct ClientIdentity {
  std::shared_ptr<X509> certificate;
  std::shared_ptr<EVP_PKEY> key;
  std::string fingerprint; // 64 lowercase hex digits
  std::string fingerprint_with_colons; // "AB:CD:...", as openssl x509 -fingerprint prints it
};

// Valid from `valid_from` to `valid_until`, relative to now (so an expired
// one is easily made).
ClientIdentity make_client_identity(const std::string& common_name,
                                    std::chrono::seconds valid_from = -std::chrono::hours(1),
                                    std::chrono::seconds valid_until = std::chrono::hours(24 * 365));

struct GeminiResponse {
  bool completed = false;      // read to the end before the deadline
  bool handshake_done = false;
  std::string header;          // the first line, without CRLF
  std::string body;
  bool close_notify = false;   // the server ended TLS with close_notify
  std::string peer_certificate_der;
  std::string tls_version;
  std::string error;
  bool resumed = false;                  // the handshake resumed the session offered
  std::shared_ptr<SSL_SESSION> session;  // to offer on a later connection

  int status() const { return header.size() >= 2 ? std::stoi(header.substr(0, 2)) : -1; }
  std::string meta() const { return header.size() > 3 ? header.substr(3) : ""; }
};

// Sends `raw_request` exactly as given (the CRLF too) and reads to the end.
// `preamble` goes out in plain TCP before the TLS handshake (a PROXY header).
GeminiResponse gemini_exchange(std::uint16_t port, std::string_view raw_request,
                               std::chrono::milliseconds limit = std::chrono::seconds(10), std::string_view preamble = {},
                               SSL_SESSION* resume = nullptr, std::string_view source_address = {});

// The same, showing `identity` when the server asks for a certificate.
GeminiResponse gemini_exchange_as(const ClientIdentity& identity, std::uint16_t port, std::string_view raw_request,
                                  std::chrono::milliseconds limit = std::chrono::seconds(10), SSL_SESSION* resume = nullptr);

struct TlsHandshake {
  bool done = false;
  std::string version; // as OpenSSL names it, "TLSv1.2"
  std::string cipher;
  std::string error;
};

// A bare handshake with the client's protocol versions pinned to
// [min_version, max_version] (TLS1_VERSION and so on). The client itself
// allows every version and cipher, so a failure can only be the server's refusal.
TlsHandshake tls_handshake(std::uint16_t port, int min_version, int max_version,
                           std::chrono::milliseconds limit = std::chrono::seconds(5));

// "gemini://localhost:<port><path>\r\n"
GeminiResponse gemini_get(std::uint16_t port, std::string_view path);

// A Gemini connection driven step by step, for tests that act between
// the handshake and the request (a shutdown arriving meanwhile, say).
class GeminiConversation {
public:
  explicit GeminiConversation(std::uint16_t port, const ClientIdentity* identity = nullptr);
  ~GeminiConversation();
  bool handshake_done() const { return handshake_done_; }
  void send(std::string_view bytes);
  GeminiResponse read_response(std::chrono::milliseconds limit = std::chrono::seconds(10));
  // After read_response, without sending our own close_notify: whether the
  // server closes the TCP connection within `limit`.
  bool closed_by_server_within(std::chrono::milliseconds limit);

private:
  struct State;
  std::unique_ptr<State> state_;
  bool handshake_done_ = false;
};

struct TcpResponse {
  bool completed = false; // the server closed the connection before the deadline
  std::string bytes;
};

// Sends `request` on a plain TCP connection and reads until the server
// closes; with `then_close_sending`, says after the request that no more
// bytes will come (a shutdown of the sending side).
TcpResponse tcp_exchange(std::uint16_t port, std::string_view request,
                         std::chrono::milliseconds limit = std::chrono::seconds(10), bool then_close_sending = false);

// A connection that is opened and then left silent.
class IdleConnection {
public:
  explicit IdleConnection(std::uint16_t port);
  // True when the server closes it within `limit`.
  bool closed_by_server_within(std::chrono::milliseconds limit);

private:
  asio::io_context io_;
  asio::ip::tcp::socket socket_;
};

} // namespace gazette::testing
