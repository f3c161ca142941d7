// Finger's part of a connection: plain TCP, one query line, answer_finger,
// and a close that sends what is left.
#pragma once
#include "finger/finger_answer.hpp"
#include "finger/finger_request.hpp"
#include "server/plain_tcp_front_end.hpp"

#include <fmt/format.h>
#include <span>

namespace gazette {

struct FingerFrontEnd : PlainTcpFrontEnd {
  static constexpr std::size_t max_request_bytes = max_finger_request_bytes;

  static bool proxy_protocol(const Config& config) { return config.finger.proxy_protocol; }
  static FramedRequest frame(std::string_view received) { return frame_finger_request(received); }
  static Answer answer(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
    return answer_finger(snapshot, request, client);
  }
  // Finger's answers are text held in memory, never a file that could vanish.
  static Answer not_found(std::string_view) {
    Answer answer;
    answer.made = "Not found.\r\n";
    answer.status = "error";
    return answer;
  }
  static std::string logged_request(std::span<char> line) {
    return fmt::format("finger:{}", std::string_view(line.data(), line.size()));
  }
};

} // namespace gazette
