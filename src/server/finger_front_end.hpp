// Finger's part of a connection: plain TCP, one query line, answer_finger,
// and a close that sends what is left.
#pragma once
#include "finger/finger_answer.hpp"
#include "finger/finger_request.hpp"
#include "net/guarded_stream.hpp"
#include "net/socket_io.hpp"
#include "server/connection.hpp"

#include <fmt/format.h>
#include <span>

namespace gazette {

struct FingerFrontEnd {
  using Stream = asio::ip::tcp::socket;
  static constexpr std::size_t max_request_bytes = max_finger_request_bytes;

  static std::shared_ptr<GuardedStream<asio::ip::tcp::socket>> open(std::shared_ptr<ConnectionDeadlines> deadlines,
                                                                     asio::ip::tcp::socket socket, const Snapshot&) {
    return std::make_shared<GuardedStream<asio::ip::tcp::socket>>(std::move(deadlines), std::move(socket));
  }
  static bool proxy_protocol(const Config& config) { return config.finger.proxy_protocol; }
  static asio::awaitable<bool> start(asio::ip::tcp::socket&) { co_return true; }
  static std::optional<ClientCertificate> client_certificate(const asio::ip::tcp::socket&) { return std::nullopt; }
  static FramedRequest frame(std::string_view received) { return frame_finger_request(received); }
  static Answer answer(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
    return answer_finger(snapshot, request, client);
  }
  // Finger's answers ask for no work.
  static asio::awaitable<Answer> carry_out(const ConnectionServices&, std::shared_ptr<const Snapshot>, Answer answer) {
    co_return answer;
  }
  // Finger's answers are text held in memory, never a file that could vanish.
  static Answer not_found(std::string_view) {
    Answer answer;
    answer.made = "Not found.\r\n";
    answer.status = "error";
    return answer;
  }
  // Closing the socket, when the connection goes, sends what is left and the FIN.
  static asio::awaitable<void> finish(asio::ip::tcp::socket&, bool) { co_return; }
  static std::string logged_request(std::span<char> line) {
    return fmt::format("finger:{}", std::string_view(line.data(), line.size()));
  }
};

} // namespace gazette
