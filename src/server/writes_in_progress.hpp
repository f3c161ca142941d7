// The capsule's files that a writer has opened and not closed yet, as the
// watcher sees them (a change without a close), for the reloader's thread.
#pragma once
#include "content/publication_loader.hpp"

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace gazette {

class WritesInProgress {
public:
  // A write to `path` (relative to the capsule) began.
  void started(const std::string& path);
  // `path` was closed, moved or removed: it is no longer being written.
  void finished(std::string_view path);
  // Events were lost: nothing is known to be open any more.
  void forget_all();

  struct State {
    FilesBeingWritten files;
    std::uint64_t starts = 0; // writes begun so far: a build that saw fewer may have read one half written
  };
  State now() const;

private:
  mutable std::mutex mutex_;
  FilesBeingWritten files_;
  std::uint64_t starts_ = 0;
};

} // namespace gazette
