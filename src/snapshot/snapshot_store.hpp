// The current snapshot, swapped atomically on reload; readers keep the one
// they took until their response is done.
#pragma once
#include "snapshot/snapshot.hpp"

#include <atomic>
#include <memory>

namespace gazette {

class SnapshotStore {
public:
  explicit SnapshotStore(std::shared_ptr<const Snapshot> first) : current_(std::move(first)) {}

  std::shared_ptr<const Snapshot> current() const { return current_.load(std::memory_order_acquire); }
  void replace(std::shared_ptr<const Snapshot> next) { current_.store(std::move(next), std::memory_order_release); }

private:
  std::atomic<std::shared_ptr<const Snapshot>> current_;
};

} // namespace gazette
