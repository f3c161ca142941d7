// Gopher's part of a connection: plain TCP, a selector line, answer_gopher,
// and a close that sends what is left.
#pragma once
#include "gopher/gopher_answer.hpp"
#include "gopher/gopher_request.hpp"
#include "server/plain_tcp_front_end.hpp"

#include <fmt/format.h>
#include <span>

namespace gazette {

struct GopherFrontEnd : PlainTcpFrontEnd {
  static constexpr std::size_t max_request_bytes = max_gopher_request_bytes;

  static bool proxy_protocol(const Config& config) { return config.gopher.proxy_protocol; }
  static FramedRequest frame(std::string_view received) { return frame_gopher_request(received); }
  static Answer answer(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
    return answer_gopher(snapshot, request, client);
  }
  static Answer not_found(std::string_view line) { return gopher_not_found(line.substr(0, line.find('\t'))); }
  static std::string logged_request(std::span<char> line) {
    return fmt::format("gopher:{}", std::string_view(line.data(), line.size()));
  }
};

} // namespace gazette
