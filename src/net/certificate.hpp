// The server's TLS identity: made on first start when absent, checked when present.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace gazette {

struct CertificateInfo {
  std::string sha256_fingerprint; // "AB:CD:..." as TOFU clients show it
  bool generated = false;
};

// Makes a self-signed ECDSA P-256 certificate for `hostnames` when both files
// are missing; otherwise loads them and checks that the key matches the
// certificate. Throws std::runtime_error naming the file and the problem.
CertificateInfo ensure_certificate(const std::filesystem::path& cert_file,
                                   const std::filesystem::path& key_file,
                                   const std::vector<std::string>& hostnames);

} // namespace gazette
