// How many connections are open at once, across every listener; beyond the
// configured maximum a new connection is closed at once.
#pragma once
#include <atomic>
#include <optional>
#include <utility>

namespace gazette {

class ConnectionLimit {
public:
  explicit ConnectionLimit(unsigned max) : max_(max) {}

  // Held by a connection for its lifetime.
  class Slot {
  public:
    explicit Slot(ConnectionLimit& limit) : limit_(&limit) {}
    Slot(Slot&& other) noexcept : limit_(std::exchange(other.limit_, nullptr)) {}
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (limit_) limit_->active_.fetch_sub(1, std::memory_order_relaxed);
    }

  private:
    ConnectionLimit* limit_;
  };

  std::optional<Slot> try_acquire() {
    unsigned now = active_.fetch_add(1, std::memory_order_relaxed);
    if (now < max_) return Slot(*this);
    active_.fetch_sub(1, std::memory_order_relaxed);
    return std::nullopt;
  }

  unsigned active() const { return active_.load(std::memory_order_relaxed); }

private:
  unsigned max_;
  std::atomic<unsigned> active_{0};
};

} // namespace gazette
