// libFuzzer target: Gopher selectors, search words and Gopher+ suffixes.
#include "gopher/gopher_request.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view received(reinterpret_cast<const char*>(data), size);
  const gazette::FramedRequest framed = gazette::frame_gopher_request(received);
  const std::string_view line =
      framed.state == gazette::Framing::complete ? received.substr(0, framed.line_length) : received;
  auto result = gazette::parse_gopher_request(line);
  if (auto* request = std::get_if<gazette::GopherRequest>(&result))
    if (request->selector.find('\t') != std::string::npos) __builtin_trap();
  return 0;
}
