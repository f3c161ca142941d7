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
#include <limits>
#include <memory>
#include <mutex>

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

  void set_deadline(Clock::time_point due) { due_.store(due.time_since_epoch().count(), std::memory_order_relaxed); }
  void clear_deadline() { due_.store(never, std::memory_order_relaxed); }

protected:
  // Called by the sweep, on any thread, once it has taken a passed
  // deadline; the connection acts on its own executor.
  virtual void deadline_passed() = 0;
  // True until the deadline is set again: the connection moved on between
  // the sweep and acting, and the deadline it passed no longer holds.
  bool deadline_still_passed() const { return due_.load(std::memory_order_relaxed) == never; }

private:
  friend class ConnectionDeadlines;
  static constexpr Clock::rep never = std::numeric_limits<Clock::rep>::max();
  // Takes the deadline, once, if it is before `now`.
  bool take_if_passed(Clock::time_point now);

  std::shared_ptr<ConnectionDeadlines> deadlines_;
  std::atomic<Clock::rep> due_{never};
  WatchedConnection* previous_ = nullptr; // the registry's list, under its mutex
  WatchedConnection* next_ = nullptr;
};

class ConnectionDeadlines {
public:
  static constexpr std::chrono::milliseconds sweep_interval{100};

  // Tells every connection whose deadline is before `now`.
  void sweep(WatchedConnection::Clock::time_point now);

private:
  friend class WatchedConnection;
  void add(WatchedConnection& connection);
  void remove(WatchedConnection& connection);

  std::mutex mutex_;
  WatchedConnection* first_ = nullptr;
};

} // namespace gazette
