// How many connections are open at once, across every listener; beyond the
// configured maximum a new connection is closed at once.
#pragma once
#include <atomic>
#include <memory>
#include <optional>
#include <utility>

namespace gazette {

// Shared with every slot, so a connection torn down with the io_context
// after the server has returned still has its limit to give back to.
class ConnectionLimit : public std::enable_shared_from_this<ConnectionLimit> {
public:
  explicit ConnectionLimit(unsigned max) : max_(max) {}

  // Held by a connection for its lifetime.
  class Slot {
  public:
    explicit Slot(std::shared_ptr<ConnectionLimit> limit) : limit_(std::move(limit)) {}
    Slot(Slot&&) noexcept = default;
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (limit_) limit_->active_.fetch_sub(1, std::memory_order_relaxed);
    }

  private:
    std::shared_ptr<ConnectionLimit> limit_;
  };

  std::optional<Slot> try_acquire() {
    unsigned now = active_.fetch_add(1, std::memory_order_relaxed);
    if (now < max_) return Slot(shared_from_this());
    active_.fetch_sub(1, std::memory_order_relaxed);
    return std::nullopt;
  }

  unsigned active() const { return active_.load(std::memory_order_relaxed); }

private:
  unsigned max_;
  std::atomic<unsigned> active_{0};
};

} // namespace gazette
