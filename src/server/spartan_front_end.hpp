// Spartan's part of a connection: plain TCP, a request line and maybe a
// body, answer_spartan, and a close that sends what is left.
#pragma once
#include "server/plain_tcp_front_end.hpp"
#include "spartan/spartan_answer.hpp"
#include "spartan/spartan_request.hpp"

#include <fmt/format.h>
#include <span>

namespace gazette {

struct SpartanFrontEnd : PlainTcpFrontEnd {
  static constexpr std::size_t max_request_bytes = max_spartan_request_bytes;

  static bool proxy_protocol(const Config& config) { return config.spartan.proxy_protocol; }
  static FramedRequest frame(std::string_view received) { return frame_spartan_request(received); }
  static Answer answer(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
    return answer_spartan(snapshot, request, client);
  }
  static Answer not_found(std::string_view) { return spartan_not_found(); }
  static std::string logged_request(std::span<char> line) {
    return fmt::format("spartan:{}", std::string_view(line.data(), line.size()));
  }
};

} // namespace gazette
