// What the accept loop already knows about a new connection, handed to its
// handler so that it need not ask the kernel again.
#pragma once
#include <asio/ip/address.hpp>
#include <cstdint>

namespace gazette {

struct ConnectionOrigin {
  asio::ip::address peer;      // the client, before any PROXY header says otherwise
  std::uint16_t local_port = 0; // the listener's port, which a Gemini URL must name
};

} // namespace gazette
