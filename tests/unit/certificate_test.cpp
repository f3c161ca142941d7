// Certificate fingerprints against the values openssl gives for the same
// files (tests/data/certificates):
//   openssl x509 -in F -noout -fingerprint -sha256
//   openssl x509 -in F -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256
#include "net/certificate.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>
#include <stdexcept>

using namespace gazette;

TEST_CASE("certificate fingerprints: the whole certificate's and its public key's, as openssl computes them") {
  struct Row {
    std::string file;
    std::string certificate_sha256;
    std::string public_key_sha256;
  };
  const Row rows[] = {
      {"rsa-2048.pem", "80:44:31:AD:1A:3A:89:D8:FF:77:91:58:11:1B:04:29:AB:1C:36:C2:AC:B2:3F:98:EA:6E:85:61:0C:2E:C3:0E",
       "0A:7F:65:76:AC:36:6F:1F:20:6D:AC:0C:A7:07:3B:AE:2F:8E:21:EE:35:F9:A9:48:8F:5A:E6:11:4D:22:6D:AC"},
      {"ecdsa-p384.pem", "14:BF:87:EA:FA:4A:2D:6F:3F:56:DA:51:6C:C7:8A:A1:A4:8A:06:45:49:30:94:8D:56:07:B1:AC:42:8E:88:3B",
       "2D:48:C4:EC:0F:A8:B0:FE:F2:1B:D7:94:B9:70:30:87:68:5D:3D:BC:98:C7:AC:69:F4:39:0C:B7:41:3B:FF:08"},
      {"ed25519.pem", "11:16:15:22:57:E2:91:F2:B5:E1:C6:5E:DE:B7:A7:8F:E6:C9:42:B4:98:81:F5:FE:5C:8A:D7:23:C4:CD:A5:11",
       "26:BF:1E:D6:C0:80:F9:E8:9A:6B:CB:90:9D:1C:7F:C3:72:4B:43:94:E5:DF:EA:58:55:05:8D:62:62:EB:07:D0"},
      // The same key in a renewed certificate: only the certificate's changes.
      {"ed25519-renewed.pem",
       "A9:C2:25:A7:AE:81:97:B1:FB:ED:08:26:3A:53:D3:3C:1C:2D:B1:8B:D9:A5:7F:1B:3C:C2:E1:A0:30:27:2E:A6",
       "26:BF:1E:D6:C0:80:F9:E8:9A:6B:CB:90:9D:1C:7F:C3:72:4B:43:94:E5:DF:EA:58:55:05:8D:62:62:EB:07:D0"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.file);
    const CertificateFingerprints fingerprints =
        read_certificate_fingerprints(std::filesystem::path(GAZETTE_TEST_DATA) / "certificates" / row.file);
    CHECK(fingerprints.certificate_sha256 == row.certificate_sha256);
    CHECK(fingerprints.public_key_sha256 == row.public_key_sha256);
    CHECK(fingerprint_lines(fingerprints) == "certificate SHA-256 fingerprint: " + row.certificate_sha256 +
                                                 "\npublic key SHA-256 fingerprint: " + row.public_key_sha256);
  }
}

TEST_CASE("certificate fingerprints: a missing file or one that is not a certificate is named") {
  gazette::testing::TempCapsule folder;
  folder.write("not-a-cert.pem", "-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----\n");
  for (const auto& row : {std::pair{"missing.pem", "cannot open the certificate"},
                          std::pair{"not-a-cert.pem", "not a PEM certificate"}}) {
    // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
    const char* const file = row.first;
    const char* const message = row.second;
    CAPTURE(file);
    const auto path = folder.root() / file;
    try {
      read_certificate_fingerprints(path);
      FAIL("no exception");
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).starts_with(path.string() + ": " + message));
    }
  }
}
