#include "net/connection_deadlines.hpp"

namespace gazette {

WatchedConnection::WatchedConnection(std::shared_ptr<ConnectionDeadlines> deadlines)
    : deadlines_(std::move(deadlines)), slot_(deadlines_->add(*this)) {}

WatchedConnection::~WatchedConnection() { deadlines_->remove(slot_); }

bool WatchedConnection::Slot::take_if_passed(Clock::time_point now) {
  Clock::rep seen = due.load(std::memory_order_relaxed);
  return seen <= now.time_since_epoch().count() && due.compare_exchange_strong(seen, never, std::memory_order_relaxed);
}

ConnectionDeadlines::Slot* ConnectionDeadlines::add(WatchedConnection& connection) {
  std::lock_guard lock(mutex_);
  Slot* slot = nullptr;
  if (free_slots_.empty()) {
    slot = &slots_.emplace_back();
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  slot->due.store(Slot::never, std::memory_order_relaxed);
  slot->connection = &connection;
  return slot;
}

void ConnectionDeadlines::remove(Slot* slot) {
  std::lock_guard lock(mutex_);
  slot->connection = nullptr;
  free_slots_.push_back(slot);
}

void ConnectionDeadlines::sweep(WatchedConnection::Clock::time_point now) {
  std::vector<std::shared_ptr<WatchedConnection>> passed;
  {
    std::lock_guard lock(mutex_);
    for (Slot& slot : slots_)
      if (slot.connection && slot.take_if_passed(now))
        // Empty when the connection is already going.
        if (auto held = slot.connection->weak_from_this().lock()) passed.push_back(std::move(held));
  }
  // Outside the lock: a connection that ends here gives its slot back.
  for (const auto& connection : passed) connection->deadline_passed();
}

} // namespace gazette
