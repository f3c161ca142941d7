// Builds a snapshot from the capsule on disk: scan, load, render once.
#pragma once
#include "config.hpp"
#include "diagnostic.hpp"
#include "snapshot.hpp"

#include <memory>

namespace gazette {

struct BuiltSnapshot {
  std::shared_ptr<const Snapshot> snapshot;
  Diagnostics diagnostics; // everything wrong with the capsule; the valid rest is served
};

BuiltSnapshot build_snapshot(const Config& config);

} // namespace gazette
