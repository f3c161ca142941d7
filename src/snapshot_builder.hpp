// Builds a snapshot from the capsule on disk: scan, load, render once.
#pragma once
#include "config.hpp"
#include "diagnostic.hpp"
#include "publication_loader.hpp"
#include "snapshot.hpp"

#include <memory>

namespace gazette {

struct BuiltSnapshot {
  std::shared_ptr<const Snapshot> snapshot;
  Diagnostics diagnostics; // everything wrong with the capsule; the valid rest is served
  ArticleCache cache;      // pass to the next build
};

// `tls` may be null where nothing is served (gazette render).
BuiltSnapshot build_snapshot(std::shared_ptr<const Config> config, std::shared_ptr<asio::ssl::context> tls,
                             const ArticleCache* previous = nullptr);

} // namespace gazette
