#include "tls_client.hpp"

#include <stdexcept>

namespace gazette::bench {

SslContextHandle make_client_context() {
  SslContextHandle context(SSL_CTX_new(TLS_client_method()));
  if (!context) throw std::runtime_error("cannot make an OpenSSL client context");
  SSL_CTX* native = context.get();
  SSL_CTX_set_min_proto_version(native, TLS1_3_VERSION);
  SSL_CTX_set1_groups_list(native, "X25519");
  SSL_CTX_set_verify(native, SSL_VERIFY_NONE, nullptr);
  // Skip building and checking the chain altogether, not only its verdict.
  SSL_CTX_set_cert_verify_callback(native, [](X509_STORE_CTX*, void*) { return 1; }, nullptr);
  // Sessions are kept by the bench itself, one per connection slot.
  SSL_CTX_set_session_cache_mode(native, SSL_SESS_CACHE_OFF);
  return context;
}

SslHandle start_client_tls(SSL_CTX* context, const BenchTarget& target, int fd) {
  SslHandle ssl(SSL_new(context));
  if (!ssl) throw std::runtime_error("cannot make an OpenSSL connection");
  SSL_set_fd(ssl.get(), fd);
  SSL_set_connect_state(ssl.get());
  if (target.host != target.address) SSL_set_tlsext_host_name(ssl.get(), target.host.c_str());
  return ssl;
}

} // namespace gazette::bench
