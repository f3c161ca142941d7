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
#include <string>
#include <thread>

namespace gazette {

// Changes are gathered for this long after the last one, so an editor's
// burst of renames and removals makes one rebuild. Short, since only a file
// closed or moved into place counts as a change: a writer's pauses do not.
inline constexpr std::chrono::milliseconds reload_debounce{50};
// After a deploy (git's index lock released, rsync's temporary files or
// its .~tmp~ folder) the capsule is given this long without such signs
// before it is read: the last files of a deploy come in quick succession.
inline constexpr std::chrono::milliseconds deploy_settle{500};
// A sign of a deploy left behind (the index.lock of a git that crashed)
// holds publishing back no longer than this.
inline constexpr std::chrono::seconds deploy_hold_limit{60};

class Reloader {
public:
  // Files in `writes` keep their last good version. Nothing is rebuilt
  // before start().
  Reloader(asio::io_context& io, std::filesystem::path config_file, SnapshotStore& store,
           const WritesInProgress& writes);
  ~Reloader();

  // `first` is the build the server starts with, and its caches seed the
  // next. With `watched_before_first`, the capsule was watched before that
  // build read it, so the changes named since are all there are.
  void start(BuiltSnapshot first, bool watched_before_first);

  // Debounced: the rebuild comes `settle` after the last change, or later
  // where an earlier change asked for more. `files` names the capsule files
  // the change touched ("world/pier.md"); without it, any file may have
  // changed and the next build looks at every one.
  void content_changed(std::chrono::milliseconds settle = reload_debounce,
                       std::optional<ChangedFiles> files = std::nullopt);
  void reload_everything(); // config, certificate and capsule, at once
  // A deploy began (`sign` says how we know: ".git/index.lock"). Nothing is
  // published until it has finished, and a build under way is dropped: it
  // may have read the capsule half deployed.
  void deploy_started(const std::string& sign);
  void deploy_finished();

private:
  enum class Work { none, content, everything };
  void request(Work work);
  void run(std::stop_token stop);
  void complete_first_search();
  // False when the build may have read a file half written, or a deploy
  // half done, and must be redone (held back while a deploy is under way).
  bool rebuild(Work work);
  void report(const Diagnostics& diagnostics);
  // Keeps the snapshot readers have, and says why once.
  void keep_serving(const std::string& problem);
  bool deploy_under_way(std::uint64_t deploys_seen);
  void schedule(std::optional<std::chrono::sys_seconds> due); // a rebuild when the next story is due
  void wait_until_due();

  std::filesystem::path config_file_;
  SnapshotStore& store_;
  const WritesInProgress& writes_;
  asio::steady_timer debounce_;
  asio::steady_timer hold_limit_;
  asio::system_timer scheduled_; // the clock stories are dated by
  std::optional<std::chrono::sys_seconds> due_; // when the next scheduled story appears
  std::mutex mutex_;
  std::condition_variable_any wake_;
  Work pending_ = Work::none;
  // What the next build reads again: the files named since the last build
  // began, or all of them when a change could not name its files (and for
  // the first reload, unless the capsule was watched before the first build).
  ChangedFiles changed_files_;
  bool any_file_changed_ = true;
  Work held_ = Work::none;   // asked for during a deploy: done once it has finished
  bool deploying_ = false;
  std::string deploy_sign_;
  std::uint64_t deploys_ = 0; // deploys begun so far
  std::string capsule_problem_; // why the last good snapshot is kept, as last logged
  BuiltSnapshot last_build_;          // its caches; touched by the worker only
  std::set<std::string> reported_;    // diagnostics already logged, so each is logged once
  std::jthread worker_;
};

} // namespace gazette
