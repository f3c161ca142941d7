// libFuzzer target: Finger queries, "/W" and forwarding.
#include "finger/finger_request.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view received(reinterpret_cast<const char*>(data), size);
  const gazette::FramedRequest framed = gazette::frame_finger_request(received);
  const std::string_view line =
      framed.state == gazette::Framing::complete ? received.substr(0, framed.line_length) : received;
  auto result = gazette::parse_finger_request(line);
  if (auto* request = std::get_if<gazette::FingerRequest>(&result)) {
    // A query that is answered never forwards, and its name is trimmed and lowercase.
    if (request->name.find('@') != std::string::npos) __builtin_trap();
    if (!request->name.empty() && (request->name.front() == ' ' || request->name.back() == ' ')) __builtin_trap();
    if (request->name.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) __builtin_trap();
  }
  return 0;
}
