#include "server/capsule_watcher.hpp"

#include "base/log.hpp"

#include <cstring>
#include <dirent.h>
#include <memory>
#include <sys/stat.h>

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

// A file just created is open for writing by whoever created it (a shell's
// `>`, an upload, an editor's first write), except a link to something else.
bool is_new_file_being_written(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_nlink == 1;
}

} // namespace

CapsuleWatcher::CapsuleWatcher(asio::io_context& io, fs::path capsule, WritesInProgress& writes,
                               std::function<void()> on_change)
    : capsule_(std::move(capsule)), writes_(writes), on_change_(std::move(on_change)), inotify_(io, open_inotify()) {
  watch_new_folders();
  read_events();
}

void CapsuleWatcher::watch_new_folders() {
  // Adding a watch a folder already has returns the same one, so every
  // folder can simply be offered again.
  const int watch = inotify_add_watch(inotify_.native_handle(), capsule_.c_str(), watched_events);
  if (watch < 0) {
    log_message("{}: cannot watch for changes: {}", capsule_.string(), std::strerror(errno));
    return;
  }
  folders_[watch] = "";
  watch_folders_below(capsule_.string(), "");
}

// Offers a watch to every folder below `folder` (not following symlinks).
// Read with readdir, whose entry types tell folders from files without a
// stat or a path object per file: a section holds thousands of files and
// only its folders matter here.
void CapsuleWatcher::watch_folders_below(const std::string& folder, const std::string& relative) {
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
    const std::string below = relative.empty() ? std::string(name) : relative + "/" + entry->d_name;
    const int watch = inotify_add_watch(inotify_.native_handle(), path.c_str(), watched_events);
    if (watch >= 0) folders_[watch] = below;
    watch_folders_below(path, below);
  }
}

bool CapsuleWatcher::handle(const inotify_event& event, std::string_view name, bool& rewalk) {
  if (event.mask & IN_Q_OVERFLOW) {
    // Lost events may have closed any file: better to read them all again.
    writes_.forget_all();
    rewalk = true;
    return true;
  }
  if (event.mask & IN_IGNORED) {
    folders_.erase(event.wd);
    return false;
  }
  const auto folder = folders_.find(event.wd);
  if (folder == folders_.end() || name.empty()) return true; // the folder itself moved or went
  const std::string path = folder->second.empty() ? std::string(name) : folder->second + "/" + std::string(name);
  if (event.mask & IN_ISDIR) {
    if (event.mask & (IN_CREATE | IN_MOVED_TO)) rewalk = true;
    return true;
  }
  if (event.mask & IN_CREATE) {
    if (!is_new_file_being_written((capsule_ / path).string())) return true;
    writes_.started(path);
    return false;
  }
  if (event.mask & IN_MODIFY) {
    writes_.started(path);
    return false;
  }
  if (event.mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)) writes_.finished(path);
  return true;
}

void CapsuleWatcher::read_events() {
  inotify_.async_read_some(asio::buffer(buffer_), [this](std::error_code ec, std::size_t size) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      bool changed = false, rewalk = false;
      for (std::size_t at = 0; at + sizeof(inotify_event) <= size;) {
        inotify_event event;
        std::memcpy(&event, buffer_.data() + at, sizeof event);
        const char* name = buffer_.data() + at + sizeof(inotify_event);
        changed |= handle(event, event.len ? std::string_view(name, ::strnlen(name, event.len)) : std::string_view(), rewalk);
        at += sizeof(inotify_event) + event.len;
      }
      // Only then is the capsule walked again: at 100,000 articles a walk
      // reads 100,000 entries on the thread that also serves requests.
      if (rewalk) watch_new_folders();
      if (changed) on_change_();
    }
    read_events();
  });
}

} // namespace gazette
