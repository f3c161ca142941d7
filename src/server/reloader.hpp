// Publishing without a restart. Capsule changes (from the watcher), SIGHUP
// (which also re-reads config.toml and the certificate) and the date of a
// scheduled story lead to a new snapshot, built on a thread of its own, off
// the request path, and swapped in atomically; requests under way finish on
// the old one.
#pragma once
#include "config/config.hpp"
#include "site/snapshot_builder.hpp"
#include "server/writes_in_progress.hpp"
#include "snapshot/snapshot_store.hpp"

#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>
#include <asio/system_timer.hpp>
#include <chrono>
#include <optional>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

namespace gazette {

// Changes are gathered for this long after the last one, so an editor's
// burst of renames and removals makes one rebuild. Short, since only a file
// closed or moved into place counts as a change: a writer's pauses do not.
inline constexpr std::chrono::milliseconds reload_debounce{50};

class Reloader {
public:
  // `first` is the build the server started with; its caches seed the next.
  // Files in `writes` keep their last good version.
  Reloader(asio::io_context& io, std::filesystem::path config_file, SnapshotStore& store, BuiltSnapshot first,
           const WritesInProgress& writes);
  ~Reloader();

  void content_changed();   // debounced
  void reload_everything(); // config, certificate and capsule, at once

private:
  enum class Work { none, content, everything };
  void request(Work work);
  void run(std::stop_token stop);
  // False when the build may have read a file half written and must be redone.
  bool rebuild(Work work);
  void report(const Diagnostics& diagnostics);
  void schedule(std::optional<std::chrono::sys_seconds> due); // a rebuild when the next story is due
  void wait_until_due();

  std::filesystem::path config_file_;
  SnapshotStore& store_;
  const WritesInProgress& writes_;
  asio::steady_timer debounce_;
  asio::system_timer scheduled_; // the clock stories are dated by
  std::optional<std::chrono::sys_seconds> due_; // when the next scheduled story appears
  std::mutex mutex_;
  std::condition_variable_any wake_;
  Work pending_ = Work::none;
  BuiltSnapshot last_build_;          // its caches; touched by the worker only
  std::set<std::string> reported_;    // diagnostics already logged, so each is logged once
  std::jthread worker_;
};

} // namespace gazette
