// Shared TLS session-ticket keys, so a client can resume its session on any
// of several instances behind a load balancer. The file holds one or more
// 80-byte keys (16-byte name, 32-byte HMAC secret, 32-byte AES key), as made
// by `openssl rand 80 > ticket.keys`; the first encrypts new tickets, all are
// accepted, so keys rotate by prepending a new one and reloading.
#pragma once
#include <array>
#include <filesystem>
#include <openssl/ssl.h>
#include <vector>

namespace gazette {

struct TicketKey {
  std::array<unsigned char, 16> name;
  std::array<unsigned char, 32> hmac_secret;
  std::array<unsigned char, 32> aes_key;
};

// Throws std::runtime_error naming the file when it is unreadable or not a
// whole number of 80-byte keys.
std::vector<TicketKey> read_ticket_keys(const std::filesystem::path& file);

// The context owns its copy of the keys from then on.
void use_ticket_keys(SSL_CTX* context, std::vector<TicketKey> keys);

} // namespace gazette
