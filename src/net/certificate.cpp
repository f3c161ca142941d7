#include "net/certificate.hpp"

#include "net/openssl_handles.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <stdexcept>
#include <sys/stat.h>

namespace gazette {
namespace {

namespace fs = std::filesystem;

// Long enough that nobody meets an expiry; TOFU clients pin the key, not the date.
constexpr long validity_days = 365L * 20;

[[noreturn]] void fail(const fs::path& file, std::string_view what) {
  unsigned long code = ERR_get_error();
  std::string detail;
  if (code != 0) {
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    detail = fmt::format(" ({})", buffer);
  }
  ERR_clear_error();
  throw std::runtime_error(fmt::format("{}: {}{}", file.string(), what, detail));
}

bool looks_like_ip_address(const std::string& host) {
  return host.find(':') != std::string::npos ||
         host.find_first_not_of("0123456789.") == std::string::npos;
}

std::string subject_alt_names(const std::vector<std::string>& hostnames) {
  std::string names;
  for (const auto& host : hostnames) {
    if (!names.empty()) names += ',';
    names += (looks_like_ip_address(host) ? "IP:" : "DNS:") + host;
  }
  return names;
}

void add_extension(X509* cert, int nid, const std::string& value, const fs::path& file) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509ExtensionHandle ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
  if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) fail(file, "cannot add certificate extension " + value);
}

X509Handle make_self_signed(EVP_PKEY* key, const std::vector<std::string>& hostnames,
                            const fs::path& file) {
  X509Handle cert(X509_new());
  if (!cert) fail(file, "cannot allocate a certificate");
  X509_set_version(cert.get(), X509_VERSION_3);

  std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>> serial(BN_new());
  if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
      !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
    fail(file, "cannot make a serial number");

  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_time_adj_ex(X509_getm_notAfter(cert.get()), validity_days, 0, nullptr);
  X509_set_pubkey(cert.get(), key);

  X509_NAME* name = X509_get_subject_name(cert.get());
  const auto* common_name = reinterpret_cast<const unsigned char*>(hostnames.front().c_str());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, common_name, -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);

  add_extension(cert.get(), NID_subject_alt_name, subject_alt_names(hostnames), file);
  add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE", file);
  add_extension(cert.get(), NID_key_usage, "critical,digitalSignature", file);
  add_extension(cert.get(), NID_ext_key_usage, "serverAuth", file);

  if (X509_sign(cert.get(), key, EVP_sha256()) == 0) fail(file, "cannot sign the certificate");
  return cert;
}

void write_private_key(EVP_PKEY* key, const fs::path& file) {
  // O_EXCL: never overwrite a key an admin put there meanwhile.
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) fail(file, fmt::format("cannot create the key file: {}", std::strerror(errno)));
  BioHandle bio(BIO_new_fd(fd, BIO_CLOSE));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
    fail(file, "cannot write the private key");
}

void write_certificate(X509* cert, const fs::path& file) {
  BioHandle bio(BIO_new_file(file.c_str(), "wx"));
  if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) fail(file, "cannot write the certificate");
}

X509Handle read_certificate(const fs::path& file) {
  BioHandle bio(BIO_new_file(file.c_str(), "r"));
  if (!bio) fail(file, "cannot open the certificate");
  X509Handle cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) fail(file, "not a PEM certificate");
  return cert;
}

EvpPkeyHandle read_private_key(const fs::path& file) {
  BioHandle bio(BIO_new_file(file.c_str(), "r"));
  if (!bio) fail(file, "cannot open the private key");
  EvpPkeyHandle key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) fail(file, "not a PEM private key (encrypted keys are not supported)");
  return key;
}

std::string colon_hex(const unsigned char* bytes, unsigned int length) {
  std::string text;
  for (unsigned int i = 0; i < length; ++i) text += fmt::format("{}{:02X}", i ? ":" : "", bytes[i]);
  return text;
}

CertificateFingerprints fingerprints_of(X509* cert, const fs::path& file) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  CertificateFingerprints fingerprints;
  if (X509_digest(cert, EVP_sha256(), digest, &length) != 1) fail(file, "cannot hash the certificate");
  fingerprints.certificate_sha256 = colon_hex(digest, length);
  // X509_pubkey_digest hashes the key's bits alone; pins take the whole
  // SubjectPublicKeyInfo, algorithm included, as DER.
  unsigned char* spki = nullptr;
  const int spki_length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &spki);
  if (spki_length <= 0) fail(file, "cannot read the certificate's public key");
  const bool hashed = EVP_Digest(spki, static_cast<std::size_t>(spki_length), digest, &length, EVP_sha256(), nullptr) == 1;
  OPENSSL_free(spki);
  if (!hashed) fail(file, "cannot hash the certificate's public key");
  fingerprints.public_key_sha256 = colon_hex(digest, length);
  return fingerprints;
}

} // namespace

CertificateInfo ensure_certificate(const fs::path& cert_file, const fs::path& key_file,
                                   const std::vector<std::string>& hostnames) {
  const bool have_cert = fs::exists(cert_file);
  const bool have_key = fs::exists(key_file);
  if (have_cert != have_key) {
    // Making a new pair would overwrite the half that exists; an admin put it there.
    const fs::path& missing = have_cert ? key_file : cert_file;
    throw std::runtime_error(fmt::format(
        "{}: missing, but {} exists; restore it, or remove both to have a new self-signed pair made",
        missing.string(), (have_cert ? cert_file : key_file).string()));
  }

  CertificateInfo info;
  if (!have_cert) {
    for (const auto& file : {cert_file, key_file})
      if (file.has_parent_path()) fs::create_directories(file.parent_path());
    EvpPkeyHandle key(EVP_EC_gen("P-256"));
    if (!key) fail(key_file, "cannot generate an ECDSA P-256 key");
    X509Handle cert = make_self_signed(key.get(), hostnames, cert_file);
    write_private_key(key.get(), key_file);
    write_certificate(cert.get(), cert_file);
    info.generated = true;
  }

  X509Handle cert = read_certificate(cert_file);
  EvpPkeyHandle key = read_private_key(key_file);
  if (X509_check_private_key(cert.get(), key.get()) != 1)
    fail(key_file, fmt::format("this key does not match the certificate {}", cert_file.string()));
  info.fingerprints = fingerprints_of(cert.get(), cert_file);
  return info;
}

CertificateFingerprints read_certificate_fingerprints(const fs::path& cert_file) {
  X509Handle cert = read_certificate(cert_file);
  return fingerprints_of(cert.get(), cert_file);
}

std::string fingerprint_lines(const CertificateFingerprints& fingerprints) {
  return fmt::format("certificate SHA-256 fingerprint: {}\npublic key SHA-256 fingerprint: {}", fingerprints.certificate_sha256,
                     fingerprints.public_key_sha256);
}

} // namespace gazette
