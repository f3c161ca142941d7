#include "server/capsule_watcher.hpp"

#include "base/log.hpp"

#include <cstring>
#include <dirent.h>
#include <memory>
#include <sys/inotify.h>
#include <sys/stat.h>

namespace gazette {
namespace fs = std::filesystem;

namespace {

int open_inotify() {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "inotify_init1");
  return fd;
}

// Whether the events in `bytes` show a folder that may need a watch of its
// own: one created or moved in, or events lost to a full queue. Only then is
// the capsule walked again: at 100,000 articles a walk reads 100,000 entries
// on the thread that also serves requests, and saving a story sends several
// events.
bool folder_may_have_appeared(const char* bytes, std::size_t size) {
  for (std::size_t at = 0; at + sizeof(inotify_event) <= size;) {
    inotify_event event;
    std::memcpy(&event, bytes + at, sizeof event);
    if ((event.mask & IN_Q_OVERFLOW) || ((event.mask & IN_ISDIR) && (event.mask & (IN_CREATE | IN_MOVED_TO))))
      return true;
    at += sizeof(inotify_event) + event.len;
  }
  return false;
}

constexpr std::uint32_t watched_events = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                                         IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

// Offers a watch to every folder below `folder` (not following symlinks).
// Read with readdir, whose entry types tell folders from files without a
// stat or a path object per file: a section holds thousands of files and
// only its folders matter here.
void watch_folders_below(int inotify, const std::string& folder) {
  const std::unique_ptr<DIR, int (*)(DIR*)> listing(::opendir(folder.c_str()), ::closedir);
  if (!listing) return;
  while (const dirent* entry = ::readdir(listing.get())) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    const std::string path = folder + "/" + entry->d_name;
    bool is_folder = entry->d_type == DT_DIR;
    if (entry->d_type == DT_UNKNOWN) { // some file systems do not say
      struct stat info {};
      is_folder = ::lstat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
    }
    if (!is_folder) continue;
    inotify_add_watch(inotify, path.c_str(), watched_events);
    watch_folders_below(inotify, path);
  }
}

} // namespace

CapsuleWatcher::CapsuleWatcher(asio::io_context& io, fs::path capsule, std::function<void()> on_change)
    : capsule_(std::move(capsule)), on_change_(std::move(on_change)), inotify_(io, open_inotify()) {
  watch_new_folders();
  read_events();
}

void CapsuleWatcher::watch_new_folders() {
  // Adding a watch a folder already has returns the same one, so every
  // folder can simply be offered again.
  if (inotify_add_watch(inotify_.native_handle(), capsule_.c_str(), watched_events) < 0)
    log_message("{}: cannot watch for changes: {}", capsule_.string(), std::strerror(errno));
  watch_folders_below(inotify_.native_handle(), capsule_.string());
}

void CapsuleWatcher::read_events() {
  inotify_.async_read_some(asio::buffer(buffer_), [this](std::error_code ec, std::size_t size) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      if (folder_may_have_appeared(buffer_.data(), size)) watch_new_folders();
      on_change_();
    }
    read_events();
  });
}

} // namespace gazette
