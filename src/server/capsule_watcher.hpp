// Watches every folder of the capsule with inotify, through Asio, and says
// when anything in it changed.
#pragma once
#include <asio/io_context.hpp>
#include <asio/posix/stream_descriptor.hpp>
#include <filesystem>
#include <functional>

namespace gazette {

class CapsuleWatcher {
public:
  // Throws std::system_error when inotify is not available.
  CapsuleWatcher(asio::io_context& io, std::filesystem::path capsule, std::function<void()> on_change);

private:
  // Watches folders created since (a new section, say).
  void watch_new_folders();

  void read_events();

  std::filesystem::path capsule_;
  std::function<void()> on_change_;
  asio::posix::stream_descriptor inotify_;
  std::array<char, 16 * 1024> buffer_{};
};

} // namespace gazette
