// Builds a snapshot from the capsule on disk: scan, load, render once.
#pragma once
#include "config/config.hpp"
#include "site/article_renders.hpp"
#include "content/diagnostic.hpp"
#include "content/publication_loader.hpp"
#include "snapshot/snapshot.hpp"

#include <memory>

namespace gazette {

struct BuiltSnapshot {
  std::shared_ptr<const Snapshot> snapshot;
  Diagnostics diagnostics; // everything wrong with the capsule; the valid rest is served
  LoadCache cache;         // pass to the next build
  RenderCache renders;     // likewise
};

// `tls` may be null where nothing is served (gazette render). `previous`
// lets a reload reuse what did not change.
BuiltSnapshot build_snapshot(std::shared_ptr<const Config> config, std::shared_ptr<asio::ssl::context> tls,
                             const BuiltSnapshot* previous = nullptr);

} // namespace gazette
