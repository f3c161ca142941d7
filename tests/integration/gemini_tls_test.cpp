// The TLS the Gemini listener speaks: protocol versions, suites and the key.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

using namespace gazette::testing;

TEST_CASE("TLS: 1.3 and 1.2 are spoken with ECDSA; 1.0 and 1.1 are refused by the server") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site);
  const auto port = server.gemini_port();

  const TlsHandshake modern = tls_handshake(port, TLS1_3_VERSION, TLS1_3_VERSION);
  CHECK(modern.error == "");
  CHECK(modern.version == "TLSv1.3");

  const TlsHandshake older = tls_handshake(port, TLS1_2_VERSION, TLS1_2_VERSION);
  CHECK(older.error == "");
  CHECK(older.version == "TLSv1.2");
  CHECK(older.cipher.starts_with("ECDHE-ECDSA-"));

  for (int version : {TLS1_VERSION, TLS1_1_VERSION}) {
    CAPTURE(version);
    const TlsHandshake refused = tls_handshake(port, version, version);
    CHECK_FALSE(refused.done);
    // The server's alert, not our own client declining to offer the version.
    CHECK(refused.error.find("alert protocol version") != std::string::npos);
  }
  CHECK(gemini_get(port, "/").header == "20 text/gemini");
}

TEST_CASE("TLS: the generated certificate has a P-256 key and an ECDSA-SHA256 signature") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site);
  const GeminiResponse response = gemini_get(server.gemini_port(), "/");
  REQUIRE(response.handshake_done);

  const auto* bytes = reinterpret_cast<const unsigned char*>(response.peer_certificate_der.data());
  X509* cert = d2i_X509(nullptr, &bytes, static_cast<long>(response.peer_certificate_der.size()));
  REQUIRE(cert != nullptr);
  char group[64] = "";
  std::size_t group_length = 0;
  EVP_PKEY_get_group_name(X509_get0_pubkey(cert), group, sizeof group, &group_length);
  CHECK(std::string(group) == "prime256v1");
  CHECK(X509_get_signature_nid(cert) == NID_ecdsa_with_SHA256);
  X509_free(cert);
}
