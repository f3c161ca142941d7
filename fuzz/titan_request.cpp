// libFuzzer target: the Titan request line and its parameters.
#include "gemini/titan_request.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view received(reinterpret_cast<const char*>(data), size);
  const gazette::FramedRequest framed = gazette::frame_gemini_request(received);
  const std::vector<std::string> hostnames{"localhost", "news.example"};
  const std::string_view line =
      framed.state == gazette::Framing::complete ? received.substr(0, framed.line_length) : received;
  if (!gazette::is_titan_request(line)) return 0;
  auto result = gazette::parse_titan_request(line, {hostnames, 1965});
  if (auto* request = std::get_if<gazette::TitanRequest>(&result)) {
    // Whatever was asked, the path stays rooted; an edit sends nothing, and
    // a media type is lowercase "type/subtype".
    if (request->path.empty() || request->path[0] != '/' || request->path.find("/../") != std::string::npos) __builtin_trap();
    if (request->edit && request->size != 0) __builtin_trap();
    if (!request->mime.empty() && (request->mime.find('/') == std::string::npos ||
                                   request->mime.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ; ") != std::string::npos))
      __builtin_trap();
  }
  return 0;
}
