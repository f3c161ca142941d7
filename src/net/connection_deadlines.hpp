// Every open connection's deadline, checked by one sweep ten times a second
// (see server.cpp) rather than by a timer per connection.
//
// A timer per connection costs on every request: setting it; the kernel's
// timer reset whenever that connection's is the next to fire, as it always
// is at one connection; and, when it is cancelled at the end, a handler
// queued, before which the event loop asks the kernel for events once more.
// Here a connection only records its deadline. The price is precision: a
// deadline is acted on up to a tenth of a second late.
#pragma once
#include <atomic>
#include <chrono>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <vector>

namespace gazette {

class ConnectionDeadlines;

// What a connection gives the sweep: its deadline, and what to do once it
// passes. Registered for its whole life.
class WatchedConnection : public std::enable_shared_from_this<WatchedConnection> {
public:
  using Clock = std::chrono::steady_clock;

  explicit WatchedConnection(std::shared_ptr<ConnectionDeadlines> deadlines);
  WatchedConnection(const WatchedConnection&) = delete;
  WatchedConnection& operator=(const WatchedConnection&) = delete;
  virtual ~WatchedConnection();

  void set_deadline(Clock::time_point due);
  void clear_deadline();

protected:
  // Called by the sweep, on any thread, once it has taken a passed
  // deadline; the connection acts on its own executor.
  virtual void deadline_passed() = 0;
  // True until the deadline is set again: the connection moved on between
  // the sweep and acting, and the deadline it passed no longer holds.
  bool deadline_still_passed() const;

private:
  friend class ConnectionDeadlines;
  struct Slot;
  std::shared_ptr<ConnectionDeadlines> deadlines_;
  Slot* slot_;
};

class ConnectionDeadlines {
public:
  static constexpr std::chrono::milliseconds sweep_interval{100};

  ConnectionDeadlines() = default;
  ConnectionDeadlines(const ConnectionDeadlines&) = delete;
  ConnectionDeadlines& operator=(const ConnectionDeadlines&) = delete;

  // Tells every connection whose deadline is before `now`.
  void sweep(WatchedConnection::Clock::time_point now);

private:
  friend class WatchedConnection;
  using Slot = WatchedConnection::Slot;
  Slot* add(WatchedConnection& connection);
  void remove(Slot* slot);

  std::mutex mutex_;
  // The deadlines lie side by side, so a sweep of many idle connections
  // reads a few pages rather than every connection's own memory. A deque
  // never moves a slot it holds. There are as many slots as the most
  // connections ever open at once, 16 bytes each.
  std::deque<Slot> slots_;
  std::vector<Slot*> free_slots_;
};

// Kept by the registry, written by its connection.
struct WatchedConnection::Slot {
  static constexpr Clock::rep never = std::numeric_limits<Clock::rep>::max();
  std::atomic<Clock::rep> due{never};
  WatchedConnection* connection = nullptr; // none while free; under the registry's mutex

  // Takes the deadline, once, if it is before `now`; fails when the
  // connection sets a new one meanwhile.
  bool take_if_passed(Clock::time_point now);
};

inline void WatchedConnection::set_deadline(Clock::time_point due) {
  slot_->due.store(due.time_since_epoch().count(), std::memory_order_relaxed);
}
inline void WatchedConnection::clear_deadline() { slot_->due.store(Slot::never, std::memory_order_relaxed); }
inline bool WatchedConnection::deadline_still_passed() const {
  return slot_->due.load(std::memory_order_relaxed) == Slot::never;
}

} // namespace gazette
