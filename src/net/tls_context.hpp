// The TLS settings every Gemini connection shares.
#pragma once
#include <asio/ssl/context.hpp>
#include <filesystem>

namespace gazette {

// TLS 1.2 at least (1.3 preferred by OpenSSL's own ordering), ECDHE with
// AEAD ciphers for 1.2, server-side session cache and tickets for resumption.
// Throws std::runtime_error naming the file when the certificate or key
// cannot be used.
// With `ticket_keys`, session tickets use the keys in that file (see
// ticket_keys.hpp), so that several instances can resume each other's sessions.
// With `ask_for_client_certificates`, every handshake asks the client for a
// certificate, which it may decline; any it shows is accepted, self-signed
// as Gemini clients make them, and kept in the session, so a resumed session
// is the same person.
asio::ssl::context make_tls_context(const std::filesystem::path& cert_file, const std::filesystem::path& key_file,
                                    const std::filesystem::path& ticket_keys = {},
                                    bool ask_for_client_certificates = false);

} // namespace gazette
