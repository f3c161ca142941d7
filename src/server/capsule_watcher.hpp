// Watches every folder of the capsule with inotify, through Asio, and tells
// the reloader when a change is ready to publish. A file is ready once its
// writer has closed it or it was moved into place; until then it is being
// written (WritesInProgress), and a change to it alone publishes nothing.
//
// Whole-capsule deploys are watched too: the folder holding the capsule,
// for the capsule's name (moved away, back, or a symlink swapped), the git
// repository the capsule is in, for its index.lock (held by a checkout or
// a pull while it changes files), and rsync's temporary files and its
// .~tmp~ folders. While a deploy is under way nothing is published.
#pragma once
#include "server/reloader.hpp"
#include "server/writes_in_progress.hpp"

#include <array>
#include <asio/io_context.hpp>
#include <asio/posix/stream_descriptor.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <sys/inotify.h>
#include <unordered_map>

namespace gazette {

class CapsuleWatcher {
public:
  // Throws std::system_error when inotify is not available.
  CapsuleWatcher(asio::io_context& io, std::filesystem::path capsule, WritesInProgress& writes, Reloader& reloader);

private:
  // Watches the capsule as it now is: its folders, its repository.
  void watch_capsule();
  // Watches folders created since (a new section, say).
  void watch_new_folders();
  void watch_folders_below(const std::string& folder, const std::string& relative);
  void watch_repository();

  void read_events();
  struct Batch {
    bool changed = false;        // something to publish
    bool rewalk = false;         // a folder may need a watch of its own
    bool capsule_replaced = false;
    bool deploy_seen = false;    // rsync's temporary files: wait longer
    ChangedFiles files;          // the capsule files changed,
    bool unnamed = false;        // unless a change could not name them all
  };
  void handle(const inotify_event& event, std::string_view name, Batch& batch);
  void handle_in_capsule(const inotify_event& event, const std::string& folder, std::string_view name, Batch& batch);
  // Tells the reloader when the signs of a deploy come or go.
  void update_deploy(const std::set<std::string>& before);

  std::filesystem::path capsule_;
  WritesInProgress& writes_;
  Reloader& reloader_;
  asio::posix::stream_descriptor inotify_;
  int parent_watch_ = -1;     // the folder holding the capsule
  int repository_watch_ = -1; // the .git folder of the repository holding it, if any
  std::string repository_;    // that folder's path, for messages
  std::unordered_map<int, std::string> folders_; // each capsule folder's watch, relative path ("" for the capsule)
  std::set<std::string> deploy_signs_;           // index.lock, .~tmp~ folders present now
  alignas(inotify_event) std::array<char, 16 * 1024> buffer_{};
};

} // namespace gazette
