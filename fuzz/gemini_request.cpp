// libFuzzer target: the Gemini request line, framing and path rules.
#include "gemini/gemini_request.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view received(reinterpret_cast<const char*>(data), size);
  const gazette::FramedRequest framed = gazette::frame_gemini_request(received);
  if (framed.state == gazette::Framing::complete && framed.line_length > gazette::max_gemini_url_bytes) __builtin_trap();
  const std::vector<std::string> hostnames{"localhost", "news.example"};
  const std::string_view line =
      framed.state == gazette::Framing::complete ? received.substr(0, framed.line_length) : received;
  auto result = gazette::parse_gemini_request(line, {hostnames, 1965});
  if (auto* request = std::get_if<gazette::GeminiRequest>(&result)) {
    // Whatever was asked, the path the snapshot is searched by stays rooted.
    if (request->path.empty() || request->path[0] != '/' || request->path.find("/../") != std::string::npos) __builtin_trap();
  }
  return 0;
}
