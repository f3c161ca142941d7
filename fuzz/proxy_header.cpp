// libFuzzer target: PROXY protocol headers, versions 1 and 2.
#include "net/proxy_header.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const gazette::ProxyHeader header = gazette::parse_proxy_header({reinterpret_cast<const char*>(data), size});
  if (header.state == gazette::ProxyHeader::State::complete && header.length > size) __builtin_trap();
  return 0;
}
