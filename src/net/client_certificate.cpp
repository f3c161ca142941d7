#include "net/client_certificate.hpp"

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace gazette {

std::optional<ClientCertificate> client_certificate(const SSL* ssl) {
  X509* certificate = SSL_get0_peer_certificate(ssl);
  if (!certificate) return std::nullopt;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (X509_digest(certificate, EVP_sha256(), digest, &length) != 1) return std::nullopt;
  ClientCertificate shown;
  static constexpr char hex[] = "0123456789abcdef";
  for (unsigned int i = 0; i < length; ++i) {
    shown.fingerprint += hex[digest[i] >> 4];
    shown.fingerprint += hex[digest[i] & 0xF];
  }
  // Past notBefore and not yet at notAfter.
  shown.valid_now = X509_cmp_current_time(X509_get0_notBefore(certificate)) < 0 &&
                    X509_cmp_current_time(X509_get0_notAfter(certificate)) > 0;
  return shown;
}

} // namespace gazette
