#include "server/capsule_watcher.hpp"

#include "base/log.hpp"

#include <cctype>
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
constexpr std::uint32_t name_events = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO;
constexpr std::uint32_t appeared = IN_CREATE | IN_MOVED_TO;

constexpr std::string_view rsync_delayed_folder = ".~tmp~";

// A file just created is open for writing by whoever created it (a shell's
// `>`, an upload, an editor's first write), except a link to something else.
bool is_new_file_being_written(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_nlink == 1;
}

// rsync writes each file as ".name.XXXXXX" beside it, then renames it.
bool is_rsync_temporary(std::string_view name) {
  if (name.size() < 9 || name[0] != '.' || name[name.size() - 7] != '.') return false;
  for (char c : name.substr(name.size() - 6))
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string joined(const std::string& folder, std::string_view name) {
  return folder.empty() ? std::string(name) : folder + "/" + std::string(name);
}

} // namespace

CapsuleWatcher::CapsuleWatcher(asio::io_context& io, fs::path capsule, WritesInProgress& writes, Reloader& reloader)
    : capsule_(fs::absolute(std::move(capsule)).lexically_normal()), writes_(writes), reloader_(reloader),
      inotify_(io, open_inotify()) {
  if (capsule_.filename().empty()) capsule_ = capsule_.parent_path(); // "capsule/"
  parent_watch_ = inotify_add_watch(inotify_.native_handle(), capsule_.parent_path().c_str(), name_events | IN_ONLYDIR);
  if (parent_watch_ < 0)
    log_message("{}: cannot watch for the capsule being replaced: {}", capsule_.parent_path().string(), std::strerror(errno));
  watch_capsule();
  if (folders_.empty()) log_message("{}: cannot watch for changes: {}", capsule_.string(), std::strerror(errno));
  update_deploy({});
  read_events();
}

void CapsuleWatcher::watch_capsule() {
  for (const auto& [watch, folder] : folders_) inotify_rm_watch(inotify_.native_handle(), watch);
  folders_.clear();
  if (repository_watch_ >= 0) inotify_rm_watch(inotify_.native_handle(), repository_watch_);
  repository_watch_ = -1;
  deploy_signs_.clear();
  writes_.forget_all(); // open files of what was there are no longer the capsule's
  watch_new_folders();
  watch_repository();
}

void CapsuleWatcher::watch_new_folders() {
  // Adding a watch a folder already has returns the same one, so every
  // folder can simply be offered again.
  const int watch = inotify_add_watch(inotify_.native_handle(), capsule_.c_str(), watched_events);
  if (watch < 0) return;
  folders_[watch] = "";
  watch_folders_below(capsule_.string(), "");
}

// Offers a watch to every folder below `folder` (not following symlinks)
// but hidden ones, which are never published. Read with readdir, whose
// entry types tell folders from files without a stat or a path object per
// file: a section holds thousands of files and only its folders matter here.
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
    const std::string below = joined(relative, name);
    if (name == rsync_delayed_folder) deploy_signs_.insert(below);
    if (name.starts_with('.')) continue;
    const int watch = inotify_add_watch(inotify_.native_handle(), path.c_str(), watched_events);
    if (watch >= 0) folders_[watch] = below;
    watch_folders_below(path, below);
  }
}

// The repository holding the capsule (it may be the capsule itself or a
// folder above it): git holds .git/index.lock while a checkout, a pull or
// a reset changes the files.
void CapsuleWatcher::watch_repository() {
  std::error_code ec;
  for (fs::path folder = fs::canonical(capsule_, ec); !ec && !folder.empty(); folder = folder.parent_path()) {
    const fs::path git = folder / ".git";
    if (fs::is_directory(git, ec)) {
      repository_watch_ = inotify_add_watch(inotify_.native_handle(), git.c_str(), name_events | IN_ONLYDIR);
      repository_ = git.string();
      if (fs::exists(git / "index.lock", ec)) deploy_signs_.insert(repository_ + "/index.lock");
      return;
    }
    if (folder == folder.parent_path()) return;
  }
}

void CapsuleWatcher::update_deploy(const std::set<std::string>& before) {
  if (before.empty() && !deploy_signs_.empty()) reloader_.deploy_started(*deploy_signs_.begin());
  if (!before.empty() && deploy_signs_.empty()) reloader_.deploy_finished();
}

void CapsuleWatcher::handle(const inotify_event& event, std::string_view name, Batch& batch) {
  if (event.mask & IN_Q_OVERFLOW) {
    // Lost events may have closed any file, or replaced the capsule.
    batch.capsule_replaced = true;
    batch.changed = true;
    batch.unnamed = true;
    return;
  }
  if (event.wd == parent_watch_) {
    if (event.mask & IN_IGNORED) parent_watch_ = -1;
    if (name == capsule_.filename().native() && (event.mask & name_events)) {
      batch.capsule_replaced = true;
      batch.changed = true;
      batch.unnamed = true;
    }
    return;
  }
  if (event.wd == repository_watch_) {
    if (event.mask & IN_IGNORED) repository_watch_ = -1;
    if (name != "index.lock") return;
    if (event.mask & appeared) deploy_signs_.insert(repository_ + "/index.lock");
    else if (event.mask & name_events) deploy_signs_.erase(repository_ + "/index.lock");
    return;
  }
  const auto folder = folders_.find(event.wd);
  if (event.mask & IN_IGNORED) {
    if (folder != folders_.end()) folders_.erase(folder);
    return;
  }
  if (folder == folders_.end()) return; // a watch just removed
  handle_in_capsule(event, folder->second, name, batch);
}

void CapsuleWatcher::handle_in_capsule(const inotify_event& event, const std::string& folder, std::string_view name,
                                       Batch& batch) {
  if (name.empty()) { // the folder itself changed, moved or went
    batch.changed = true;
    batch.unnamed = true;
    return;
  }
  const std::string path = joined(folder, name);
  if (event.mask & IN_ISDIR) {
    if (name == rsync_delayed_folder) {
      if (event.mask & appeared) deploy_signs_.insert(path);
      else if (event.mask & name_events) deploy_signs_.erase(path);
      return;
    }
    if (event.mask & appeared) batch.rewalk = true;
    batch.changed = true;
    batch.unnamed = true; // a folder's files came or went with it
    return;
  }
  if (name.starts_with('.')) { // never published; rsync's are a deploy's files
    if (is_rsync_temporary(name)) batch.deploy_seen = true;
    return;
  }
  if (event.mask & IN_CREATE) {
    if (!is_new_file_being_written((capsule_ / path).string())) {
      batch.changed = true;
      batch.files.insert(path);
      return;
    }
    writes_.started(path);
    return;
  }
  if (event.mask & IN_MODIFY) {
    writes_.started(path);
    return;
  }
  if (event.mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)) writes_.finished(path);
  batch.changed = true;
  batch.files.insert(path);
}

void CapsuleWatcher::read_events() {
  inotify_.async_read_some(asio::buffer(buffer_), [this](std::error_code ec, std::size_t size) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      const std::set<std::string> before = deploy_signs_;
      Batch batch;
      for (std::size_t at = 0; at + sizeof(inotify_event) <= size;) {
        inotify_event event;
        std::memcpy(&event, buffer_.data() + at, sizeof event);
        const char* name = buffer_.data() + at + sizeof(inotify_event);
        handle(event, event.len ? std::string_view(name, ::strnlen(name, event.len)) : std::string_view(), batch);
        at += sizeof(inotify_event) + event.len;
      }
      // Only then is the capsule walked again: at 100,000 articles a walk
      // reads 100,000 entries on the thread that also serves requests.
      if (batch.capsule_replaced) watch_capsule();
      else if (batch.rewalk) watch_new_folders();
      update_deploy(before);
      if (batch.changed)
        reloader_.content_changed(batch.deploy_seen ? deploy_settle : reload_debounce,
                                  batch.unnamed ? std::nullopt : std::optional<ChangedFiles>(std::move(batch.files)));
      else if (batch.deploy_seen) reloader_.content_changed(deploy_settle);
    }
    read_events();
  });
}

} // namespace gazette
