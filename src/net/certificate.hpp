// The server's TLS identity: made on first start when absent, checked when present.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace gazette {

// Trust-on-first-use clients pin one of two SHA-256 hashes, each written
// "AB:CD:...": some that of the whole certificate, others (amfora among
// them) that of its public key, the DER SubjectPublicKeyInfo, which stays
// the same when a certificate is renewed with the same key.
struct CertificateFingerprints {
  std::string certificate_sha256;
  std::string public_key_sha256;
};

struct CertificateInfo {
  CertificateFingerprints fingerprints;
  bool generated = false;
};

// Makes a self-signed ECDSA P-256 certificate for `hostnames` when both files
// are missing; otherwise loads them and checks that the key matches the
// certificate. Throws std::runtime_error naming the file and the problem.
CertificateInfo ensure_certificate(const std::filesystem::path& cert_file,
                                   const std::filesystem::path& key_file,
                                   const std::vector<std::string>& hostnames);

// The fingerprints of the PEM certificate in `cert_file`, which is only read.
// Throws std::runtime_error naming the file and the problem.
CertificateFingerprints read_certificate_fingerprints(const std::filesystem::path& cert_file);

// The two lines the server logs and `gazette fingerprint` prints, labelled.
std::string fingerprint_lines(const CertificateFingerprints& fingerprints);

} // namespace gazette
