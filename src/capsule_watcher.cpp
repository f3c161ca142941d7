#include "capsule_watcher.hpp"

#include "log.hpp"

#include <sys/inotify.h>

namespace gazette {
namespace fs = std::filesystem;

namespace {

int open_inotify() {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "inotify_init1");
  return fd;
}

constexpr std::uint32_t watched_events = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                                         IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

} // namespace

CapsuleWatcher::CapsuleWatcher(asio::io_context& io, fs::path capsule, std::function<void()> on_change)
    : capsule_(std::move(capsule)), on_change_(std::move(on_change)), inotify_(io, open_inotify()) {
  watch_new_folders();
  read_events();
}

void CapsuleWatcher::watch_new_folders() {
  // Adding a watch a folder already has returns the same one, so every
  // folder can simply be offered again.
  std::error_code ec;
  if (inotify_add_watch(inotify_.native_handle(), capsule_.c_str(), watched_events) < 0)
    log_message("{}: cannot watch for changes: {}", capsule_.string(), std::strerror(errno));
  for (auto it = fs::recursive_directory_iterator(capsule_, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec))
      inotify_add_watch(inotify_.native_handle(), it->path().c_str(), watched_events);
  }
}

void CapsuleWatcher::read_events() {
  inotify_.async_read_some(asio::buffer(buffer_), [this](std::error_code ec, std::size_t) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      watch_new_folders();
      on_change_();
    }
    read_events();
  });
}

} // namespace gazette
