// What the accept loop already knows about a new connection, handed to its
// handler so that it need not ask the kernel again.
#pragma once
#include <asio/ip/address.hpp>
#include <charconv>
#include <cstdint>
#include <string>

namespace gazette {

struct ConnectionOrigin {
  asio::ip::address peer;      // the client, before any PROXY header says otherwise
  std::uint16_t local_port = 0; // the listener's port, which a Gemini URL must name
};

// The address as the access log and the per-client limits name it, as
// address::to_string writes it. IPv4 is written here: the general
// formatter (inet_ntop) cost a fifth of a Gopher request's instructions.
inline std::string address_text(const asio::ip::address& address) {
  if (!address.is_v4()) return address.to_string();
  const auto bytes = address.to_v4().to_bytes();
  char text[16];
  char* at = text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0) *at++ = '.';
    at = std::to_chars(at, text + sizeof text, static_cast<unsigned>(bytes[i])).ptr;
  }
  return std::string(text, at);
}

} // namespace gazette
