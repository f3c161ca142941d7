#include "connection_deadlines.hpp"

#include <vector>

namespace gazette {

WatchedConnection::WatchedConnection(std::shared_ptr<ConnectionDeadlines> deadlines) : deadlines_(std::move(deadlines)) {
  deadlines_->add(*this);
}

WatchedConnection::~WatchedConnection() { deadlines_->remove(*this); }

bool WatchedConnection::take_if_passed(Clock::time_point now) {
  Clock::rep due = due_.load(std::memory_order_relaxed);
  // Fails when the connection sets a new deadline meanwhile.
  return due <= now.time_since_epoch().count() && due_.compare_exchange_strong(due, never, std::memory_order_relaxed);
}

void ConnectionDeadlines::add(WatchedConnection& connection) {
  std::lock_guard lock(mutex_);
  connection.next_ = first_;
  if (first_) first_->previous_ = &connection;
  first_ = &connection;
}

void ConnectionDeadlines::remove(WatchedConnection& connection) {
  std::lock_guard lock(mutex_);
  if (connection.previous_) connection.previous_->next_ = connection.next_;
  else first_ = connection.next_;
  if (connection.next_) connection.next_->previous_ = connection.previous_;
}

void ConnectionDeadlines::sweep(WatchedConnection::Clock::time_point now) {
  std::vector<std::shared_ptr<WatchedConnection>> passed;
  {
    std::lock_guard lock(mutex_);
    for (WatchedConnection* connection = first_; connection; connection = connection->next_)
      if (connection->take_if_passed(now))
        // Empty when the connection is already going.
        if (auto held = connection->weak_from_this().lock()) passed.push_back(std::move(held));
  }
  // Outside the lock: a connection that ends here unregisters itself.
  for (const auto& connection : passed) connection->deadline_passed();
}

} // namespace gazette
