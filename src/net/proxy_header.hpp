// The PROXY protocol header (versions 1 and 2) that a load balancer such as
// HAProxy sends before a connection's own bytes, naming the real client.
// Pure: the bytes received so far in, what they say out.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace gazette {

// Version 1 headers are at most 107 bytes; version 2 at most 16 + 65535.
inline constexpr std::size_t max_proxy_header_bytes = 16 + 65535;

struct ProxyHeader {
  enum class State { need_more, complete, invalid };
  State state = State::need_more;
  std::size_t length = 0;  // bytes the header takes, when complete
  std::string client;      // the client's address; empty for LOCAL or UNKNOWN (use the peer's)
  std::string error;       // why it is invalid
};

ProxyHeader parse_proxy_header(std::string_view received);

} // namespace gazette
