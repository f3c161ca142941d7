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
  //
  // A later deadline is only recorded: the timer keeps its earlier time, and
  // when it fires before the recorded deadline it waits again for the rest.
  // Each connection moves its deadline on at every step, and resetting the
  // timer would reset the kernel's timer too (a system call) whenever this
  // connection's is the next to fire, as it always is at one connection.
  void arm(std::chrono::milliseconds limit) {
    timed_out = false;
    due_ = std::chrono::steady_clock::now() + limit;
    if (waiting_ && deadline.expiry() <= due_) return;
    deadline.expires_at(due_);
    wait();
  }

  // Ends the watchdog so the shared object can go.
  void disarm() {
    waiting_ = false;
    deadline.cancel();
  }

  asio::ip::tcp::socket& socket() {
    if constexpr (std::is_same_v<Stream, asio::ip::tcp::socket>) return stream;
    else return stream.next_layer();
  }

private:
  void wait() {
    waiting_ = true;
    deadline.async_wait([self = this->shared_from_this()](std::error_code ec) {
      // Cancelled (disarmed, or moved to an earlier time), or disarmed after
      // the timer fired but before this ran.
      if (ec || !self->waiting_) return;
      if (std::chrono::steady_clock::now() < self->due_) {
        self->deadline.expires_at(self->due_);
        self->wait();
        return;
      }
      self->waiting_ = false;
      self->timed_out = true;
      std::error_code ignored;
      self->socket().cancel(ignored);
    });
  }

  std::chrono::steady_clock::time_point due_;
  bool waiting_ = false; // a wait is pending, or its handler is yet to run
};

} // namespace gazette
