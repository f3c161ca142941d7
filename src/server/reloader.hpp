// Publishing without a restart. Capsule changes (from the watcher), SIGHUP
// (which also re-reads config.toml and the certificate) and the date of a
// scheduled story lead to a new snapshot, built on a thread of its own, off
// the request path, and swapped in atomically; requests under way finish on
// the old one.
#pragma once
#include "config/config.hpp"
#include "site/snapshot_builder.hpp"
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
// burst of writes and renames makes one rebuild.
inline constexpr std::chrono::milliseconds reload_debounce{150};

class Reloader {
public:
  // `first` is the build the server started with; its caches seed the next.
  Reloader(asio::io_context& io, std::filesystem::path config_file, SnapshotStore& store, BuiltSnapshot first);
  ~Reloader();

  void content_changed();   // debounced
  void reload_everything(); // config, certificate and capsule, at once

private:
  enum class Work { none, content, everything };
  void request(Work work);
  void run(std::stop_token stop);
  void rebuild(Work work);
  void report(const Diagnostics& diagnostics);
  void schedule(std::optional<std::chrono::sys_seconds> due); // a rebuild when the next story is due
  void wait_until_due();

  std::filesystem::path config_file_;
  SnapshotStore& store_;
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
