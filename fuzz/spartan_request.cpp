// libFuzzer target: the Spartan request line, its path and content length.
#include "spartan/spartan_request.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view received(reinterpret_cast<const char*>(data), size);
  const gazette::FramedRequest framed = gazette::frame_spartan_request(received);
  if (framed.state == gazette::Framing::complete && framed.line_length > gazette::max_spartan_line_bytes) __builtin_trap();
  const std::string_view line =
      framed.state == gazette::Framing::complete ? received.substr(0, framed.line_length) : received;
  auto result = gazette::parse_spartan_request(line);
  if (auto* request = std::get_if<gazette::SpartanRequest>(&result)) {
    // Whatever was asked, the path stays rooted and the host is one word.
    if (request->path.empty() || request->path[0] != '/' || request->path.find("/../") != std::string::npos) __builtin_trap();
    if (request->host.empty() || request->host.find(' ') != std::string::npos) __builtin_trap();
  }
  return 0;
}
