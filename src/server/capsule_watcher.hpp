// Watches every folder of the capsule with inotify, through Asio, and says
// when a change is ready to publish. A file is ready once its writer has
// closed it or it was moved into place; until then it is being written
// (WritesInProgress), and a change to it alone publishes nothing.
#pragma once
#include "server/writes_in_progress.hpp"

#include <array>
#include <asio/io_context.hpp>
#include <asio/posix/stream_descriptor.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <sys/inotify.h>
#include <unordered_map>

namespace gazette {

class CapsuleWatcher {
public:
  // Throws std::system_error when inotify is not available.
  CapsuleWatcher(asio::io_context& io, std::filesystem::path capsule, WritesInProgress& writes,
                 std::function<void()> on_change);

private:
  // Watches folders created since (a new section, say).
  void watch_new_folders();
  void watch_folders_below(const std::string& folder, const std::string& relative);

  void read_events();
  // Whether `event` makes a change to publish; `rewalk` is set when a folder
  // may need a watch of its own.
  bool handle(const inotify_event& event, std::string_view name, bool& rewalk);

  std::filesystem::path capsule_;
  WritesInProgress& writes_;
  std::function<void()> on_change_;
  asio::posix::stream_descriptor inotify_;
  std::unordered_map<int, std::string> folders_; // each watch's folder, relative to the capsule ("" for itself)
  alignas(inotify_event) std::array<char, 16 * 1024> buffer_{};
};

} // namespace gazette
