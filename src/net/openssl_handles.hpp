// Owning handles for OpenSSL objects, so every one is freed on every path.
#pragma once
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace gazette {

template <auto Free> struct OpenSslDeleter {
  template <typename T> void operator()(T* p) const noexcept { Free(p); }
};

using EvpPkeyHandle = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using X509Handle = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using X509NameHandle = std::unique_ptr<X509_NAME, OpenSslDeleter<X509_NAME_free>>;
using X509ExtensionHandle = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using GeneralNamesHandle = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES_free>>;
using BioHandle = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using SslContextHandle = std::unique_ptr<SSL_CTX, OpenSslDeleter<SSL_CTX_free>>;
using SslHandle = std::unique_ptr<SSL, OpenSslDeleter<SSL_free>>;
using SslSessionHandle = std::unique_ptr<SSL_SESSION, OpenSslDeleter<SSL_SESSION_free>>;

} // namespace gazette
