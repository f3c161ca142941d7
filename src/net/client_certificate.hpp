// The certificate a Gemini client showed, as the answer functions see it.
#pragma once
#include "snapshot/answer.hpp"

#include <openssl/ssl.h>
#include <optional>

namespace gazette {

// From the connection's handshake, or from the session it resumed; nullopt
// when the client showed none.
std::optional<ClientCertificate> client_certificate(const SSL* ssl);

} // namespace gazette
