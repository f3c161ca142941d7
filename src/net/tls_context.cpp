#include "net/tls_context.hpp"

#include "net/ticket_keys.hpp"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdexcept>

namespace gazette {

namespace {

// Who a certificate names is the newsroom's business (its SHA-256 is the
// identity, and a certificate not valid now gets 62), not the handshake's:
// every chain is accepted.
int accept_any_certificate(int, X509_STORE_CTX*) { return 1; }

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view what) {
  char detail[256] = "";
  if (unsigned long code = ERR_get_error()) ERR_error_string_n(code, detail, sizeof detail);
  ERR_clear_error();
  throw std::runtime_error(fmt::format("{}: {} ({})", file.string(), what, detail));
}

} // namespace

asio::ssl::context make_tls_context(const std::filesystem::path& cert_file, const std::filesystem::path& key_file,
                                    const std::filesystem::path& ticket_keys, bool ask_for_client_certificates) {
  asio::ssl::context context(asio::ssl::context::tls_server);
  SSL_CTX* native = context.native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_options(native, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  SSL_CTX_set_cipher_list(native, "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:"
                                  "ECDHE-ECDSA-AES256-GCM-SHA384");
  // TLS 1.3 suites with SHA-256 first: OpenSSL's default order puts
  // AES-256 with SHA-384 first, and SHA-384 makes the key schedule dearer.
  SSL_CTX_set_ciphersuites(native, "TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384");
  // One session ticket per handshake instead of OpenSSL's two: a client
  // resumes with one, and each ticket adds to a full handshake's work.
  SSL_CTX_set_num_tickets(native, 1);
  // OpenSSL reads the socket itself (see tls_stream.hpp): reading ahead
  // takes a flight of records in one read instead of two reads per record.
  SSL_CTX_set_read_ahead(native, 1);
  // Idle connections should not each hold 34 KiB of record buffers.
  SSL_CTX_set_mode(native, SSL_MODE_RELEASE_BUFFERS);
  SSL_CTX_set_session_cache_mode(native, SSL_SESS_CACHE_SERVER);
  static constexpr unsigned char session_context[] = "gazette";
  SSL_CTX_set_session_id_context(native, session_context, sizeof session_context - 1);
  // In the handshake, for everyone: TLS 1.3 cannot ask again later, and
  // only a full handshake asks (a resumed session keeps what was shown).
  if (ask_for_client_certificates)
    SSL_CTX_set_verify(native, SSL_VERIFY_PEER | SSL_VERIFY_CLIENT_ONCE, accept_any_certificate);

  if (SSL_CTX_use_certificate_chain_file(native, cert_file.c_str()) != 1)
    fail(cert_file, "cannot use this certificate");
  if (SSL_CTX_use_PrivateKey_file(native, key_file.c_str(), SSL_FILETYPE_PEM) != 1)
    fail(key_file, "cannot use this private key");
  if (SSL_CTX_check_private_key(native) != 1) fail(key_file, "this key does not match the certificate");
  if (!ticket_keys.empty()) use_ticket_keys(native, read_ticket_keys(ticket_keys));
  return context;
}

} // namespace gazette
