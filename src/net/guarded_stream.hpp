// A connection's stream with a watchdog: once the deadline passes, whatever
// the connection waits for is cancelled. The sweep that notices (see
// connection_deadlines.hpp) holds the object while it acts, so a deadline
// acted on late never touches a freed stream.
#pragma once
#include "net/connection_deadlines.hpp"

#include <asio/ip/tcp.hpp>
#include <asio/post.hpp>
#include <chrono>
#include <memory>

namespace gazette {

template <typename Stream> struct GuardedStream : WatchedConnection {
  Stream stream;
  bool timed_out = false;

  template <typename... Args>
  explicit GuardedStream(std::shared_ptr<ConnectionDeadlines> deadlines, Args&&... args)
      : WatchedConnection(std::move(deadlines)), stream(std::forward<Args>(args)...) {}

  // Cancels the pending operation once `limit` passes from now.
  void arm(std::chrono::milliseconds limit) {
    timed_out = false;
    set_deadline(Clock::now() + limit);
  }

  // No deadline until the next arm.
  void disarm() { clear_deadline(); }

  asio::ip::tcp::socket& socket() {
    if constexpr (std::is_same_v<Stream, asio::ip::tcp::socket>) return stream;
    else return stream.next_layer();
  }

private:
  // On the connection's own strand, as every step of its coroutine is.
  void deadline_passed() override {
    asio::post(stream.get_executor(), [self = shared_from_this(), this] {
      if (!deadline_still_passed()) return;
      timed_out = true;
      std::error_code ignored;
      socket().cancel(ignored);
    });
  }
};

} // namespace gazette
