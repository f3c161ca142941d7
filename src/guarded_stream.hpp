// A connection's stream with a watchdog: once the deadline passes, whatever
// the connection waits for is cancelled. Both live in one shared object,
// owned by the coroutine and by the pending timer handler, so a timer that
// fires late never touches a freed stream.
#pragma once
#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>
#include <chrono>
#include <memory>

namespace gazette {

template <typename Stream> struct GuardedStream : std::enable_shared_from_this<GuardedStream<Stream>> {
  Stream stream;
  asio::steady_timer deadline;
  bool timed_out = false;

  template <typename... Args>
  explicit GuardedStream(Args&&... args) : stream(std::forward<Args>(args)...), deadline(stream.get_executor()) {}

  ~GuardedStream() = default;

  // Cancels the pending operation once `limit` passes from now.
  void arm(std::chrono::milliseconds limit) {
    timed_out = false;
    deadline.expires_after(limit);
    deadline.async_wait([self = this->shared_from_this()](std::error_code ec) {
      if (ec) return;
      self->timed_out = true;
      std::error_code ignored;
      self->socket().cancel(ignored);
    });
  }

  // Ends the watchdog so the shared object can go.
  void disarm() { deadline.cancel(); }

  asio::ip::tcp::socket& socket() {
    if constexpr (std::is_same_v<Stream, asio::ip::tcp::socket>) return stream;
    else return stream.next_layer();
  }
};

} // namespace gazette
